// MissedTickBehavior::Burst, the default: a task that sleeps past three ticks of a 10 ms
// interval gets the missed ticks back to back, then the original schedule resumes. Tokio resets
// the interval's one sleep inside the tick's poll: a next deadline already past wakes the task
// at once, so each missed tick is one more poll at the same instant.
use std::time::Duration;
use tokio::time::{interval, sleep, Instant, MissedTickBehavior};

#[tokio::main]
async fn main() {
    let start = Instant::now();
    let mut every = interval(Duration::from_millis(10));
    println!("by default: {:?}", every.missed_tick_behavior());
    every.set_missed_tick_behavior(MissedTickBehavior::Burst);
    assert_eq!(every.missed_tick_behavior(), MissedTickBehavior::Burst);
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
