// starvation: a task that computes without awaiting holds its worker, and a ticker that wants a
// turn every millisecond waits for it. With FIX 0 the hog never awaits: its one poll lasts until
// every job is done, and the ticker's ticks then come back to back to catch up. FIX 1 yields
// every YIELD_EVERY jobs; FIX 2 takes the jobs from a channel, whose coop budget makes the hog
// say pending every 128 jobs.
use std::time::Duration;
use tokio::sync::mpsc;
use tokio::task::yield_now;
use tokio::time::interval;

const FIX: u32 = 0;
const JOBS: u64 = 1000;
const JOB_US: u64 = 100;
const YIELD_EVERY: u64 = 1;
const TICKS: u64 = 100;

// Wants to run every millisecond. Each tick notes how long after its scheduled time the task
// actually ran; the worst of them is the result.
async fn ticker(ticks: u64) -> u64 {
    let mut every = interval(Duration::from_millis(1));
    let mut worst_ms = 0;
    for _ in 0..ticks {
        let scheduled = every.tick().await;
        let late_ms = scheduled.elapsed().as_millis() as u64;
        if late_ms > worst_ms {
            worst_ms = late_ms;
        }
    }
    worst_ms
}

// Every job is pure computation: nothing here ever returns pending, so the one poll lasts until
// the last job is done.
async fn hog(jobs: u64, job: Duration) {
    for _ in 0..jobs {
        work(job);
    }
}

// The same jobs with a yield every `every` of them: pending once, back in the queue.
async fn polite_hog(jobs: u64, job: Duration, every: u64) {
    for i in 1..=jobs {
        work(job);
        if i % every == 0 && i < jobs {
            yield_now().await;
        }
    }
}

// The same jobs taken from a channel that already holds them all: every recv is ready, but a
// channel spends the task's coop budget, so the runtime makes it say pending now and then.
async fn queue_hog(mut rx: mpsc::UnboundedReceiver<u64>, job: Duration) {
    while let Some(_next) = rx.recv().await {
        work(job);
    }
}

async fn report(worst_ms: u64) {
    println!("worst tick {worst_ms} ms late");
}

#[tokio::main]
async fn main() {
    let job = Duration::from_micros(JOB_US);
    let ticking = tokio::spawn(ticker(TICKS));
    let working = if FIX == 1 {
        tokio::spawn(polite_hog(JOBS, job, YIELD_EVERY))
    } else if FIX == 2 {
        let (tx, rx) = mpsc::unbounded_channel();
        for i in 0..JOBS {
            tx.send(i).unwrap();
        }
        tokio::spawn(queue_hog(rx, job)) // `tx` is dropped here: the queue closes.
    } else {
        tokio::spawn(hog(JOBS, job))
    };
    let worst_ms = ticking.await.unwrap();
    working.await.unwrap();
    tokio::spawn(report(worst_ms)).await.unwrap();
}
