// Interval::reset: the next tick comes one period after the reset, not on the old schedule.
// A second task ticks beside it, so the two intervals' timers interleave.
use std::time::Duration;
use tokio::time::{interval, sleep, Instant};

#[tokio::main]
async fn main() {
    let start = Instant::now();
    let other = tokio::spawn(async move {
        let mut fast = interval(Duration::from_millis(4));
        for _ in 0..5 {
            fast.tick().await;
        }
        start.elapsed().as_millis()
    });
    let mut every = interval(Duration::from_millis(10));
    every.tick().await;
    sleep(Duration::from_millis(3)).await;
    every.reset();
    println!("reset at {} ms, period {:?}", start.elapsed().as_millis(), every.period());
    for _ in 0..2 {
        let due = every.tick().await;
        println!("tick due at {} ms", (due - start).as_millis());
    }
    println!("the other interval ended at {} ms", other.await.unwrap());
}
