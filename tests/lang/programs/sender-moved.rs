// Moves and drops where Rust drops them: senders moved into async move blocks and tasks are
// dropped when those end, so the channel closes when the last task finishes, not before.
use std::time::Duration;
use tokio::sync::mpsc;
use tokio::time::sleep;

async fn worker(tx: mpsc::Sender<String>, name: String, ms: u64) {
    sleep(Duration::from_millis(ms)).await;
    tx.send(format!("{name} done after {ms} ms")).await.unwrap();
}

#[tokio::main]
async fn main() {
    let (tx, mut rx) = mpsc::channel(8);
    let names = vec!["short".to_string(), "long".to_string()];
    let mut ms = 2;
    for name in names {
        tokio::spawn(worker(tx.clone(), name, ms));
        ms *= 3;
    }
    let last = tx.clone();
    tokio::spawn(async move {
        sleep(Duration::from_millis(9)).await;
        last.send("the block's sender".to_string()).await.unwrap();
    });
    drop(tx);
    let mut count = 0;
    while let Some(line) = rx.recv().await {
        count += 1;
        println!("{count}: {line}");
    }
    println!("closed: every sender was dropped");
}
