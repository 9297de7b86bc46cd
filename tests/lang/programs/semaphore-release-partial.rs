// Semaphore: tasks wait for 2, 1 and 2 permits; add_permits(4) completes the first two (woken
// newest first, as Tokio wakes a batch) and gives the third one of its two; one more permit
// completes it.
use std::sync::Arc;
use std::time::Duration;
use tokio::sync::Semaphore;
use tokio::time::sleep;

async fn waiter(gate: Arc<Semaphore>, id: u32, n: u32) {
    let permits = gate.acquire_many(n).await.unwrap();
    println!("waiter {id} has its {n} permits");
    drop(permits);
}

#[tokio::main]
async fn main() {
    let gate = Arc::new(Semaphore::new(0));
    let a = tokio::spawn(waiter(gate.clone(), 1, 2));
    let b = tokio::spawn(waiter(gate.clone(), 2, 1));
    let c = tokio::spawn(waiter(gate.clone(), 3, 2));
    sleep(Duration::from_millis(1)).await;
    gate.add_permits(4);
    sleep(Duration::from_millis(1)).await;
    gate.add_permits(1);
    a.await.unwrap();
    b.await.unwrap();
    c.await.unwrap();
}
