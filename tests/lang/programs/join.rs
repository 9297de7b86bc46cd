// tokio::join!: futures of one task polled together until all are done, their outputs in a
// tuple; the time taken is the longest of them, not the sum. Then two async blocks joined, one
// sending through a channel and one receiving from it.
use std::time::Duration;
use tokio::sync::mpsc;
use tokio::time::{sleep, Instant};

async fn after(ms: u64, value: u64) -> u64 {
    sleep(Duration::from_millis(ms)).await;
    value
}

#[tokio::main]
async fn main() {
    let start = Instant::now();
    let (a, b, c) = tokio::join!(after(30, 1), after(10, 2), after(20, 3));
    println!("{a} {b} {c} after {} ms", start.elapsed().as_millis());
    let (tx, mut rx) = mpsc::channel(1);
    let (sent, received) = tokio::join!(
        async move {
            for i in 1..=4 {
                tx.send(i).await.unwrap();
            }
            4
        },
        async {
            let mut total = 0;
            while let Some(v) = rx.recv().await {
                total += v;
            }
            total
        }
    );
    println!("sent {sent}, received a total of {received}");
    let ((), x) = tokio::join!(sleep(Duration::from_millis(1)), after(2, 9));
    println!("{x} at {} ms", start.elapsed().as_millis());
}
