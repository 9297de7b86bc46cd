// MissedTickBehavior::Skip: the missed ticks are dropped and the next one is the next of the
// original schedule. The interval starts 5 ms from now (interval_at), so the schedule is 5,
// 15, 25, ... and a task that wakes at 40 gets its next tick at 45.
use std::time::Duration;
use tokio::time::{interval_at, sleep, Instant, MissedTickBehavior};

#[tokio::main]
async fn main() {
    let start = Instant::now();
    let mut every = interval_at(start + Duration::from_millis(5), Duration::from_millis(10));
    every.set_missed_tick_behavior(MissedTickBehavior::Skip);
    let first = every.tick().await;
    println!("first tick at {} ms", (first - start).as_millis());
    sleep(Duration::from_millis(35)).await;
    for _ in 0..4 {
        let due = every.tick().await;
        println!(
            "tick due at {} ms, taken at {} ms",
            (due - start).as_millis(),
            start.elapsed().as_millis()
        );
    }
    if every.missed_tick_behavior() != MissedTickBehavior::Burst {
        println!("still {:?}", every.missed_tick_behavior());
    }
}
