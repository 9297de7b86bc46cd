// coop-budget: a task that always finds its channel ready, and the tasks waiting behind it.
// Nothing ever makes `drain` wait, so only the runtime can stop it: under tokio-current-thread
// its coop budget makes recv say pending every 128 messages, and the tickers get their turn.
use tokio::sync::mpsc;

const MESSAGES: u64 = 300;
const TICKERS: u32 = 3;

// Every recv finds a message already there.
async fn drain(mut rx: mpsc::UnboundedReceiver<u64>) {
    let mut total = 0;
    while let Some(message) = rx.recv().await {
        total += message;
    }
    println!("drained, total {total}");
}

// Wants one poll, as soon as it can get it.
async fn ticker() {}

#[tokio::main]
async fn main() {
    let (tx, rx) = mpsc::unbounded_channel();
    for i in 0..MESSAGES {
        tx.send(i).unwrap();
    }
    drop(tx); // The channel ends after the buffered messages.
    let hog = tokio::spawn(drain(rx));
    let mut others = Vec::new();
    for _ in 0..TICKERS {
        others.push(tokio::spawn(ticker()));
    }
    hog.await.unwrap();
    for other in others {
        other.await.unwrap();
    }
}
