// channel: producers feed one consumer through a bounded mpsc channel. Once the buffer is full a
// producer's send waits in line; each recv frees a slot and wakes the producer that has waited
// longest, so the producers take turns at the consumer's pace.
use std::time::Duration;
use tokio::sync::mpsc;
use tokio::time::sleep;

const PRODUCERS: u32 = 3;
const MESSAGES: u32 = 4;
const CAPACITY: usize = 2;
const CONSUMER_DELAY_MS: u64 = 5;

// Sends its messages one after another; a full buffer makes `send` wait for a free slot.
async fn producer(tx: mpsc::Sender<u32>, id: u32, messages: u32) {
    for i in 1..=messages {
        if let Err(_) = tx.send(id * 1000 + i).await {
            return; // The consumer is gone.
        }
    }
}

// Takes one message at a time and spends `delay` on each, so the producers outrun it. `recv`
// gives `None` once every producer has finished and dropped its sender.
async fn consumer(mut rx: mpsc::Receiver<u32>, delay: Duration) {
    while let Some(_message) = rx.recv().await {
        sleep(delay).await;
    }
}

#[tokio::main]
async fn main() {
    let (tx, rx) = mpsc::channel(CAPACITY);
    let sink = tokio::spawn(consumer(rx, Duration::from_millis(CONSUMER_DELAY_MS)));
    let mut sources = Vec::new();
    for id in 1..=PRODUCERS {
        sources.push(tokio::spawn(producer(tx.clone(), id, MESSAGES)));
    }
    // Main keeps no sender, or the consumer would never see the end of the channel.
    drop(tx);
    for source in sources {
        source.await.unwrap();
    }
    sink.await.unwrap();
}
