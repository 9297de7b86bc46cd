// A hand-written future: Countdown is ready when a ticking task has brought `left` to zero. Its
// poll keeps a clone of the waker in state shared through Arc<std::sync::Mutex<..>>, and the
// ticker wakes it at each tick (`wake_by_ref`) and at the end (`wake`).
use std::future::Future;
use std::pin::Pin;
use std::sync::{Arc, Mutex};
use std::task::{Context, Poll, Waker};
use std::time::Duration;
use tokio::time::sleep;

struct Countdown {
    left: u32,
    waker: Option<Waker>,
}

struct WaitForZero {
    shared: Arc<Mutex<Countdown>>,
    polls: u32,
}

impl Future for WaitForZero {
    type Output = u32;

    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<u32> {
        self.polls += 1;
        let mut state = self.shared.lock().unwrap();
        if state.left == 0 {
            return Poll::Ready(self.polls);
        }
        state.waker = Some(cx.waker().clone());
        Poll::Pending
    }
}

async fn ticker(shared: Arc<Mutex<Countdown>>) {
    loop {
        sleep(Duration::from_millis(2)).await;
        let mut state = shared.lock().unwrap();
        state.left -= 1;
        if state.left == 0 {
            if let Some(waker) = state.waker.take() {
                waker.wake();
            }
            break;
        }
        if let Some(waker) = &state.waker {
            waker.wake_by_ref();
        }
    }
}

#[tokio::main]
async fn main() {
    let countdown = Countdown {
        left: 3,
        waker: None,
    };
    let shared = Arc::new(Mutex::new(countdown));
    tokio::spawn(ticker(shared.clone()));
    let polls = WaitForZero { shared, polls: 0 }.await;
    println!("ready after {polls} polls");
}
