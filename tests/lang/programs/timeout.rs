// timeout: an operation that finishes in time (Ok with its value), one that does not (Err, the
// operation dropped and its timer cancelled), a tie (the operation is polled first and wins),
// and a timeout around a oneshot receive.
use std::time::Duration;
use tokio::sync::oneshot;
use tokio::time::{sleep, timeout};

async fn answer_after(ms: u64, value: u32) -> u32 {
    sleep(Duration::from_millis(ms)).await;
    value
}

async fn attempt(what: &str, limit_ms: u64, ms: u64, value: u32) {
    match timeout(Duration::from_millis(limit_ms), answer_after(ms, value)).await {
        Ok(v) => println!("{what}: {v} in time"),
        Err(_) => println!("{what}: timed out"),
    }
}

#[tokio::main]
async fn main() {
    attempt("early", 10, 5, 1).await;
    attempt("late", 10, 20, 2).await;
    attempt("tie", 10, 10, 3).await;
    let (tx, rx) = oneshot::channel::<u32>();
    let sender = tokio::spawn(async move {
        sleep(Duration::from_millis(15)).await;
        tx.send(4)
    });
    match timeout(Duration::from_millis(10), rx).await {
        Ok(v) => println!("received {:?}", v),
        Err(_) => println!("no value within 10 ms"),
    }
    match sender.await.unwrap() {
        Ok(_) => println!("sent"),
        Err(v) => println!("the receiver was gone; {v} came back"),
    }
}
