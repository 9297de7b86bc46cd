// MissedTickBehavior::Delay: after a tick taken late, the schedule starts again one period
// after it was taken, so the interval drifts by the delay and never bursts.
use std::time::Duration;
use tokio::time::{interval, sleep, Instant, MissedTickBehavior};

#[tokio::main]
async fn main() {
    let start = Instant::now();
    let mut every = interval(Duration::from_millis(10));
    every.set_missed_tick_behavior(MissedTickBehavior::Delay);
    println!("{:?} every {:?}", every.missed_tick_behavior(), every.period());
    every.tick().await;
    sleep(Duration::from_millis(35)).await;
    for _ in 0..4 {
        let due = every.tick().await;
        println!(
            "tick due at {} ms, taken at {} ms",
            (due - start).as_millis(),
            start.elapsed().as_millis()
        );
    }
}
