// Notify: a notified() made before notify_waiters, with a permit stored after it. Its first poll
// takes the permit (Tokio looks for a permit before it looks at notify_waiters), so the task
// spawned next waits for the notify_one at 5 ms.
use std::sync::Arc;
use std::time::Duration;
use tokio::sync::Notify;
use tokio::time::{sleep, Instant};

#[tokio::main]
async fn main() {
    let start = Instant::now();
    let signal = Arc::new(Notify::new());
    let early = signal.notified();
    signal.notify_waiters();
    signal.notify_one();
    early.await;
    let s = signal.clone();
    let later = tokio::spawn(async move {
        s.notified().await;
        println!("later notified at {} ms", start.elapsed().as_millis());
    });
    sleep(Duration::from_millis(5)).await;
    signal.notify_one();
    later.await.unwrap();
}
