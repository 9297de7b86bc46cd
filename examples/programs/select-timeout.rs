// select-timeout: a slow operation raced against a timer with select!. Both branches are polled
// in order (`biased;`) each time the task is woken; the first ready one wins and the other is
// dropped on the spot, which cancels the sleep it was waiting on.
use std::time::Duration;
use tokio::time::sleep;

const WORK_MS: u64 = 50;
const TIMEOUT_MS: u64 = 30;
const STEPS: u64 = 3;

// A slow operation in several sleeps. If it loses, it is dropped at whatever step it had
// reached, and the sleep of that step is cancelled with it.
async fn slow_operation(steps: u64, total_ms: u64) -> u64 {
    for i in 0..steps {
        let mut step_ms = total_ms / steps;
        if i == steps - 1 {
            step_ms += total_ms % steps;
        }
        sleep(Duration::from_millis(step_ms)).await;
    }
    steps
}

#[tokio::main]
async fn main() {
    tokio::select! {
        biased;
        steps = slow_operation(STEPS, WORK_MS) => println!("the operation won after {steps} steps"),
        _ = sleep(Duration::from_millis(TIMEOUT_MS)) => println!("the timeout won"),
    }
}
