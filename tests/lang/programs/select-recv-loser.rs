// select!: recv() loses to a sleep and is dropped. Its waker stays in the channel, so the send
// at 8 ms wakes main while it sleeps, for a poll that finds its sleep not yet done.
use std::time::Duration;
use tokio::sync::mpsc;
use tokio::time::{sleep, Instant};

#[tokio::main]
async fn main() {
    let start = Instant::now();
    let (tx, mut rx) = mpsc::channel::<u32>(4);
    let producer = tokio::spawn(async move {
        sleep(Duration::from_millis(8)).await;
        tx.send(1).await.unwrap();
    });
    tokio::select! {
        biased;
        _ = rx.recv() => println!("a value came first"),
        _ = sleep(Duration::from_millis(5)) => println!("the sleep won at {} ms", start.elapsed().as_millis()),
    }
    sleep(Duration::from_millis(10)).await;
    let v = rx.recv().await;
    println!("received {:?} at {} ms", v, start.elapsed().as_millis());
    producer.await.unwrap();
}
