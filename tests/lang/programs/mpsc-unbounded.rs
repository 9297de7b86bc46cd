// Unbounded mpsc: sends that never wait, senders moved into tasks (the channel closes when the
// last task ends and drops its sender), and a receiver that collects until None.
use std::time::Duration;
use tokio::sync::mpsc;
use tokio::time::sleep;

async fn report(tx: mpsc::UnboundedSender<(u32, u64)>, id: u32, every_ms: u64) {
    for i in 1..=3 {
        sleep(Duration::from_millis(every_ms)).await;
        tx.send((id, i * every_ms)).unwrap();
    }
}

#[tokio::main]
async fn main() {
    let (tx, mut rx) = mpsc::unbounded_channel();
    for id in 1..=3 {
        tokio::spawn(report(tx.clone(), id, 2 + id as u64));
    }
    drop(tx);
    let mut log = Vec::new();
    while let Some((id, at)) = rx.recv().await {
        log.push(id);
        println!("task {id} reported at {at} ms");
    }
    println!("closed after {} reports: {:?}", log.len(), log);
}
