// Notify: a task waits in notified() until main calls notify_one; a notify_one with nobody
// waiting is kept as a permit, so the next notified() is ready at once.
use std::sync::Arc;
use std::time::Duration;
use tokio::sync::Notify;
use tokio::time::{sleep, Instant};

async fn waiter(signal: Arc<Notify>, start: Instant) {
    signal.notified().await;
    println!("first wake at {} ms", start.elapsed().as_millis());
    sleep(Duration::from_millis(10)).await;
    signal.notified().await;
    println!(
        "second wake at {} ms, without waiting",
        start.elapsed().as_millis()
    );
}

#[tokio::main]
async fn main() {
    let start = Instant::now();
    let signal = Arc::new(Notify::new());
    let task = tokio::spawn(waiter(signal.clone(), start));
    sleep(Duration::from_millis(5)).await;
    signal.notify_one();
    sleep(Duration::from_millis(2)).await;
    signal.notify_one();
    task.await.unwrap();
}
