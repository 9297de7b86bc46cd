// concurrent: the runtime from scratch, advanced version. `main` spawns every worker before it
// awaits any of them. Each worker sleeps a different time, so while one waits for its timer the
// executor polls the others, all on one thread: the run takes about as long as the slowest
// worker, not the sum of them all.
use std::time::Duration;
use tokio::time::sleep;

const TASKS: u64 = 5;
const STEPS: u64 = 3;

// One worker: a few steps, each a sleep of the worker's own length. While it sleeps it returns
// pending and the executor is free to poll every other worker.
async fn worker(index: u64, nap: Duration, steps: u64) -> u64 {
    let mut done = 0;
    for _ in 0..steps {
        sleep(nap).await;
        done += 1;
    }
    index * 100 + done
}

#[tokio::main]
async fn main() {
    let mut handles = Vec::new();
    for i in 0..TASKS {
        // Worker i naps 5 x (i + 1) ms, so their wakes interleave.
        let nap = Duration::from_millis(5 * (i + 1));
        handles.push(tokio::spawn(worker(i, nap, STEPS)));
    }
    let mut total = 0;
    for handle in handles {
        total += handle.await.unwrap();
    }
    println!("total: {total}");
}
