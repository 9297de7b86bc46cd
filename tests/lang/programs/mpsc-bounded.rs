// Bounded mpsc: capacity 1, two producers with cloned senders whose sends wait for room behind
// a slower consumer, and sends that fail once the receiver is dropped.
use std::time::Duration;
use tokio::sync::mpsc;
use tokio::time::sleep;

async fn producer(tx: mpsc::Sender<u32>, id: u32) -> u32 {
    let mut sent = 0;
    for i in 0..10 {
        match tx.send(id * 100 + i).await {
            Ok(_) => sent += 1,
            Err(_) => {
                println!("producer {id}: the receiver is gone");
                break;
            }
        }
    }
    sent
}

#[tokio::main]
async fn main() {
    let (tx, mut rx) = mpsc::channel(1);
    let first = tokio::spawn(producer(tx.clone(), 1));
    let second = tokio::spawn(producer(tx, 2));
    for _ in 0..5 {
        let v = rx.recv().await.unwrap();
        println!("received {v}");
        sleep(Duration::from_millis(2)).await;
    }
    drop(rx);
    println!(
        "sent {} and {}",
        first.await.unwrap(),
        second.await.unwrap()
    );
}
