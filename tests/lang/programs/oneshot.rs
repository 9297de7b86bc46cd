// oneshot: a value sent by a task after a sleep and awaited by main, a receiver whose sender is
// dropped unused (Err), and a send to a receiver that is gone (the value comes back).
use std::time::Duration;
use tokio::sync::oneshot;
use tokio::time::sleep;

#[tokio::main]
async fn main() {
    let (tx, rx) = oneshot::channel();
    tokio::spawn(async move {
        sleep(Duration::from_millis(4)).await;
        tx.send("ready".to_string()).unwrap();
    });
    println!("got {}", rx.await.unwrap());
    let (unused_tx, unused_rx) = oneshot::channel::<u32>();
    let dropper = tokio::spawn(async move {
        sleep(Duration::from_millis(2)).await;
        drop(unused_tx);
    });
    match unused_rx.await {
        Ok(v) => println!("unexpected {v}"),
        Err(_) => println!("the sender was dropped"),
    }
    dropper.await.unwrap();
    let (late_tx, late_rx) = oneshot::channel::<u32>();
    drop(late_rx);
    if let Err(v) = late_tx.send(9) {
        println!("{v} came back");
    }
}
