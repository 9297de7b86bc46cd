// Notify: three tasks wait in notified(); one notify_waiters wakes them all. Tokio wakes them
// newest first, so the last task to wait runs first.
use std::sync::Arc;
use std::time::Duration;
use tokio::sync::Notify;
use tokio::time::sleep;

async fn waiter(signal: Arc<Notify>, id: u64) {
    signal.notified().await;
    println!("waiter {id} notified");
}

#[tokio::main]
async fn main() {
    let signal = Arc::new(Notify::new());
    let mut tasks = Vec::new();
    for id in 1..=3 {
        tasks.push(tokio::spawn(waiter(signal.clone(), id)));
    }
    sleep(Duration::from_millis(1)).await;
    signal.notify_waiters();
    for t in tasks {
        t.await.unwrap();
    }
}
