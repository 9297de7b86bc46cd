// Interval::reset before the first tick: the first tick is one period away instead of at once,
// and Tokio files the interval's timer in the reset's call, so it fires ahead of a timer for the
// same tick that another task filed before the first tick() was polled.
use std::time::Duration;
use tokio::task::yield_now;
use tokio::time::{interval, sleep_until, Instant};

#[tokio::main]
async fn main() {
    let start = Instant::now();
    let ticker = tokio::spawn(async move {
        let mut every = interval(Duration::from_millis(10));
        every.reset();
        yield_now().await;
        let first = every.tick().await;
        println!("first tick due at {} ms", (first - start).as_millis());
    });
    let other = tokio::spawn(async move {
        sleep_until(start + Duration::from_millis(10)).await;
        println!("the other task woke at {} ms", start.elapsed().as_millis());
    });
    ticker.await.unwrap();
    other.await.unwrap();
}
