// lost-wakeup: a hand-written future that returns pending without keeping its waker, so nobody
// can ever wake it. The postman delivers the letter later and has no one to tell: the reader is
// never polled again, main waits for it forever, and the run ends in a deadlock. Set KEEP_WAKER
// to true and the future keeps its waker, the postman wakes it, and the run completes.
use std::future::Future;
use std::pin::Pin;
use std::sync::{Arc, Mutex};
use std::task::{Context, Poll, Waker};
use std::time::Duration;
use tokio::time::sleep;

const KEEP_WAKER: bool = false;
const DELAY_MS: u64 = 10;

// Where the letter is left, and who to tell when it arrives.
struct Mailbox {
    delivered: bool,
    reader: Option<Waker>,
}

// Ready once the letter is there. A correct future keeps the waker it was polled with before it
// says pending; with `keep_waker` false this one forgets to, which is the bug.
struct WaitForLetter {
    mailbox: Arc<Mutex<Mailbox>>,
    keep_waker: bool,
}

impl Future for WaitForLetter {
    type Output = ();

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<()> {
        let mut mailbox = self.mailbox.lock().unwrap();
        if mailbox.delivered {
            return Poll::Ready(());
        }
        if self.keep_waker {
            // A waker that already wakes this task is kept; any other is replaced by a clone.
            let waker = match mailbox.reader.take() {
                Some(kept) if kept.will_wake(cx.waker()) => kept,
                _ => cx.waker().clone(),
            };
            mailbox.reader = Some(waker);
        }
        Poll::Pending
    }
}

async fn reader(mailbox: Arc<Mutex<Mailbox>>, keep_waker: bool) {
    WaitForLetter {
        mailbox,
        keep_waker,
    }
    .await;
}

// Delivers the letter after a while, and wakes the reader if it left a waker.
async fn postman(mailbox: Arc<Mutex<Mailbox>>, delay: Duration) {
    sleep(delay).await;
    let reader = {
        let mut mailbox = mailbox.lock().unwrap();
        mailbox.delivered = true;
        mailbox.reader.take()
    };
    if let Some(waker) = reader {
        waker.wake();
    }
}

#[tokio::main]
async fn main() {
    let mailbox = Arc::new(Mutex::new(Mailbox {
        delivered: false,
        reader: None,
    }));
    let waiting = tokio::spawn(reader(mailbox.clone(), KEEP_WAKER));
    let delivering = tokio::spawn(postman(mailbox.clone(), Duration::from_millis(DELAY_MS)));
    delivering.await.unwrap();
    waiting.await.unwrap();
}
