// Futures that wake their own task: one wakes by reference during its poll, one wakes a clone
// by value; either way the task goes straight back to the run queue, unlike a yield_now, which
// waits under Tokio until the queue is empty.
use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll};
use tokio::task::yield_now;

struct WakeByRef {
    times: u32,
}

impl Future for WakeByRef {
    type Output = ();

    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<()> {
        if self.times == 0 {
            return Poll::Ready(());
        }
        self.times -= 1;
        cx.waker().wake_by_ref();
        Poll::Pending
    }
}

struct WakeClone {
    times: u32,
}

impl Future for WakeClone {
    type Output = ();

    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<()> {
        if self.times == 0 {
            return Poll::Ready(());
        }
        self.times -= 1;
        let waker = cx.waker().clone();
        if waker.will_wake(cx.waker()) {
            waker.wake();
        }
        Poll::Pending
    }
}

#[tokio::main]
async fn main() {
    let a = tokio::spawn(WakeByRef { times: 3 });
    let b = tokio::spawn(async {
        for _ in 0..3 {
            yield_now().await;
        }
    });
    let c = tokio::spawn(WakeClone { times: 2 });
    a.await.unwrap();
    b.await.unwrap();
    c.await.unwrap();
    println!("all done");
}
