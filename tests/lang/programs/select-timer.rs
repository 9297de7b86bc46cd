// select! with `biased;` between a channel fed every 8 ms and a fresh 7 ms sleep: the sleep
// branch wins when no value came in time and is dropped when one did; an `, if` precondition
// turns a branch off; the select's value is the winning branch's.
use std::time::Duration;
use tokio::sync::mpsc;
use tokio::time::sleep;

#[tokio::main]
async fn main() {
    let (tx, mut rx) = mpsc::channel::<u32>(1);
    let ticker = tokio::spawn(async move {
        for i in 0..3 {
            sleep(Duration::from_millis(8)).await;
            tx.send(i).await.unwrap();
        }
    });
    let mut timeouts = 0;
    let mut open = true;
    while open {
        let what = tokio::select! {
            biased;
            v = rx.recv() => match v {
                Some(n) => format!("value {n}"),
                None => {
                    open = false;
                    "closed".to_string()
                }
            },
            _ = sleep(Duration::from_millis(7)), if timeouts < 10 => {
                timeouts += 1;
                "timeout".to_string()
            }
        };
        println!("{what}");
    }
    println!("{timeouts} timeouts");
    ticker.await.unwrap();
}
