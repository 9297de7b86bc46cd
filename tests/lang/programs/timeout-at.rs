// timeout_at: one deadline for a whole sequence of steps, each bounded by what is left of it;
// and a deadline already past, which still lets a future that is ready at once win (it is
// polled first), and times out any other at the first poll.
use std::time::Duration;
use tokio::time::{sleep, timeout_at, Instant};

#[tokio::main]
async fn main() {
    let start = Instant::now();
    let deadline = start + Duration::from_millis(25);
    for step in 1..=4u64 {
        match timeout_at(deadline, sleep(Duration::from_millis(step * 4))).await {
            Ok(()) => println!("step {step} done at {} ms", start.elapsed().as_millis()),
            Err(e) => {
                println!("step {step}: {e} at {} ms", start.elapsed().as_millis());
                break;
            }
        }
    }
    let ready = timeout_at(start, async { 7 }).await;
    println!("{:?}", ready);
    let late = timeout_at(start, sleep(Duration::from_millis(1))).await;
    println!("timed out: {}", late.is_err());
}
