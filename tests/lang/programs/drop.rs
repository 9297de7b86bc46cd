// drop(x) and drops at the end of a scope, and what each does to the runtime: a dropped guard
// unlocks and wakes the next waiter, a dropped permit returns, the last dropped sender closes
// the channel, a dropped JoinHandle detaches its task.
use std::sync::Arc;
use std::time::Duration;
use tokio::sync::{mpsc, Mutex, Semaphore};
use tokio::time::{sleep, Instant};

#[tokio::main]
async fn main() {
    let start = Instant::now();
    let lock = Arc::new(Mutex::new(0));
    let guard = lock.lock().await;
    let other = lock.clone();
    let waiter = tokio::spawn(async move {
        let mut value = other.lock().await;
        *value += 1;
        println!("the waiter locked at {} ms", start.elapsed().as_millis());
    });
    sleep(Duration::from_millis(3)).await;
    drop(guard);
    waiter.await.unwrap();
    let gate = Semaphore::new(1);
    {
        let _permit = gate.acquire().await.unwrap();
        println!("permit held");
    }
    let again = gate.acquire().await.unwrap();
    println!("the permit came back");
    drop(again);
    let (tx, mut rx) = mpsc::unbounded_channel::<u32>();
    let tx2 = tx.clone();
    tx.send(1).unwrap();
    drop(tx);
    tx2.send(2).unwrap();
    let reader = tokio::spawn(async move {
        let mut seen = 0;
        while let Some(_) = rx.recv().await {
            seen += 1;
        }
        println!(
            "closed after {seen} values at {} ms",
            start.elapsed().as_millis()
        );
    });
    sleep(Duration::from_millis(2)).await;
    drop(tx2);
    drop(reader);
    sleep(Duration::from_millis(1)).await;
    println!("lock holds {}", *lock.lock().await);
}
