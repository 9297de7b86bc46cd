// timers: sleeps of different lengths, an interval and a timeout, all on one timer wheel. The
// sleepers are spawned longest first but wake shortest first; the ticker's first tick is
// immediate, then one per period; the bounded task races its work against a timeout, and the
// timer of whichever loses is cancelled.
use std::time::Duration;
use tokio::time::{interval, sleep, timeout};

const SLEEPERS: u64 = 3;
const STEP_MS: u64 = 10;
const TICKS: u32 = 4;
const PERIOD_MS: u64 = 15;
const WORK_MS: u64 = 50;
const TIMEOUT_MS: u64 = 30;

// Returns pending once and is woken by its own timer.
async fn sleeper(delay: Duration) {
    sleep(delay).await;
}

// Each tick is due one period after the previous one was, so the ticks do not drift.
async fn ticker(ticks: u32, period: Duration) {
    let mut every = interval(period);
    for _ in 0..ticks {
        every.tick().await;
    }
}

// An operation bounded by a timeout: if the deadline comes first, the operation is dropped and
// its own timer cancelled; if the operation wins, the timeout's timer is cancelled instead.
async fn bounded(length: Duration, limit: Duration) {
    match timeout(limit, sleep(length)).await {
        Ok(_) => println!("the operation finished in time"),
        Err(_) => println!("the operation timed out"),
    }
}

#[tokio::main]
async fn main() {
    let mut tasks = Vec::new();
    // Longest first: the timer wheel, not the spawn order, decides who wakes first.
    let mut i = SLEEPERS;
    while i >= 1 {
        tasks.push(tokio::spawn(sleeper(Duration::from_millis(STEP_MS * i))));
        i -= 1;
    }
    tasks.push(tokio::spawn(ticker(
        TICKS,
        Duration::from_millis(PERIOD_MS),
    )));
    let length = Duration::from_millis(WORK_MS);
    tasks.push(tokio::spawn(bounded(
        length,
        Duration::from_millis(TIMEOUT_MS),
    )));
    for task in tasks {
        task.await.unwrap();
    }
}
