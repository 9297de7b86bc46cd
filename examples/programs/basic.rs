// basic: the runtime from scratch, basic version. `main` awaits each step before it starts the
// next one, so the steps run strictly one after another: poll, wait for the timer, poll again.
// The run takes STEPS x DELAY_MS.
use std::time::Duration;
use tokio::time::sleep;

const STEPS: i32 = 3;
const DELAY_MS: u64 = 10;

// One step of work: it waits on a timer, so the task returns pending and the timer wakes it.
async fn step(number: i32, delay: Duration) -> i32 {
    sleep(delay).await;
    number * 10
}

#[tokio::main]
async fn main() {
    let delay = Duration::from_millis(DELAY_MS);
    let mut total = 0;
    for i in 1..=STEPS {
        total += step(i, delay).await;
    }
    println!("total: {total}");
}
