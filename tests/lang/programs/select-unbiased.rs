// select! without `biased;`: Tokio starts at a random branch, but here no two branches are ever
// ready at the same time (the deadlines differ), so every run polls the same way.
use std::time::Duration;
use tokio::sync::mpsc;
use tokio::time::sleep;

#[tokio::main]
async fn main() {
    let (tx, mut rx) = mpsc::unbounded_channel::<u32>();
    tokio::spawn(async move {
        sleep(Duration::from_millis(12)).await;
        tx.send(5).unwrap();
    });
    let mut rounds = 0;
    loop {
        rounds += 1;
        tokio::select! {
            v = rx.recv() => {
                println!("received {:?} in round {rounds}", v);
                break;
            }
            _ = sleep(Duration::from_millis(5)) => println!("round {rounds}: still waiting"),
        }
    }
}
