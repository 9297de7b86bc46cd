// A debounce, as Tokio's documentation writes a reset sleep in a select! loop: the sleep is
// pinned once and borrowed by each turn (`&mut sleep`), so it survives the turns; each message
// pushes it 10 ms further, and when it fires, the messages seen so far are flushed together.
use std::time::Duration;
use tokio::sync::mpsc;
use tokio::time::Instant;

async fn debounce(mut rx: mpsc::Receiver<u32>, quiet: Duration) -> u32 {
    let start = Instant::now();
    let sleep = tokio::time::sleep(quiet);
    tokio::pin!(sleep);
    let mut pending = 0;
    let mut flushes = 0;
    loop {
        tokio::select! {
            biased;
            v = rx.recv() => match v {
                Some(n) => {
                    pending += 1;
                    sleep.as_mut().reset(Instant::now() + quiet);
                    println!("{} ms: message {n}", start.elapsed().as_millis());
                }
                None => break,
            },
            _ = &mut sleep, if pending > 0 => {
                println!("{} ms: flush {pending}", start.elapsed().as_millis());
                pending = 0;
                flushes += 1;
            }
        }
    }
    println!("closed with {pending} unflushed");
    flushes
}

#[tokio::main]
async fn main() {
    let (tx, rx) = mpsc::channel::<u32>(8);
    let sender = tokio::spawn(async move {
        let gaps = vec![3u64, 4, 12, 2, 30];
        let mut n = 0;
        for gap in gaps {
            tokio::time::sleep(Duration::from_millis(gap)).await;
            tx.send(n).await.unwrap();
            n += 1;
        }
        tokio::time::sleep(Duration::from_millis(15)).await;
    });
    let flushes = tokio::spawn(debounce(rx, Duration::from_millis(10)));
    sender.await.unwrap();
    let flushed = flushes.await.unwrap();
    println!("{flushed} flushes");
}
