// select! with `biased;` in a loop: two channels read with `Some(v)` patterns; a closed channel
// gives None, which disables its branch, and `else` ends the loop once both are closed.
use std::time::Duration;
use tokio::sync::mpsc;
use tokio::time::sleep;

async fn produce(tx: mpsc::Sender<u32>, first: u32, count: u32, every_ms: u64) {
    for i in 0..count {
        sleep(Duration::from_millis(every_ms)).await;
        tx.send(first + i).await.unwrap();
    }
}

#[tokio::main]
async fn main() {
    let (a_tx, mut a_rx) = mpsc::channel(1);
    let (b_tx, mut b_rx) = mpsc::channel(1);
    tokio::spawn(produce(a_tx, 1, 2, 3));
    tokio::spawn(produce(b_tx, 10, 3, 5));
    let mut received = 0;
    loop {
        tokio::select! {
            biased;
            Some(v) = a_rx.recv() => {
                println!("a: {v}");
                received += 1;
            }
            Some(v) = b_rx.recv() => {
                println!("b: {v}");
                received += 1;
            }
            else => break,
        }
    }
    println!("{received} messages, both channels closed");
}
