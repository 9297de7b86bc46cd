// Semaphore: three tasks wait for a permit; one add_permits(3) completes all three. Tokio wakes
// the waiters it completed in one release newest first (its WakeList is emptied from the end),
// so the third task runs first.
use std::sync::Arc;
use std::time::Duration;
use tokio::sync::Semaphore;
use tokio::time::sleep;

async fn waiter(gate: Arc<Semaphore>, id: u64) {
    let permit = gate.acquire().await.unwrap();
    println!("waiter {id} has its permit");
    drop(permit);
}

#[tokio::main]
async fn main() {
    let gate = Arc::new(Semaphore::new(0));
    let mut tasks = Vec::new();
    for id in 1..=3 {
        tasks.push(tokio::spawn(waiter(gate.clone(), id)));
    }
    sleep(Duration::from_millis(1)).await;
    gate.add_permits(3);
    for t in tasks {
        t.await.unwrap();
    }
}
