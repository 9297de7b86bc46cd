// work-stealing: one task spawns a burst of jobs of uneven length from the worker it runs on,
// so they all start out in one place. Under tokio-multi-thread and smol, workers with nothing
// to do search, steal half of what they find, and the burst ends sooner than on one worker by
// about the number of workers; on one thread the jobs simply run one after another.
use std::time::Duration;
use tokio::time::{sleep, Instant};

const BURSTS: u64 = 1;
const PAUSE_MS: u64 = 5;

// The length of each job of a burst, in µs of computing: uneven, between 50 and 500.
fn job_lengths() -> Vec<u64> {
    vec![
        73, 489, 51, 130, 222, 274, 63, 286, 213, 57, 439, 81, 114, 403, 159, 231, 222, 250, 430,
        256, 476, 81, 63, 443, 283, 59, 441, 108, 342, 353, 55, 473,
    ]
}

// Pure computation for `length`: one poll that holds its worker until it is done.
async fn job(length: Duration) {
    work(length);
}

// Spawns each burst from the worker it runs on, waits for all its jobs, sleeps, spawns the
// next. Prints how long each burst took against the computing in it; returns the computing.
async fn dispatcher(lengths: Vec<u64>, bursts: u64, pause: Duration) -> u64 {
    let mut work_us = 0;
    for b in 0..bursts {
        if b > 0 {
            sleep(pause).await; // Every worker runs dry and parks meanwhile.
        }
        let start = Instant::now();
        let mut running = Vec::new();
        for length in lengths.iter() {
            work_us += *length;
            running.push(tokio::spawn(job(Duration::from_micros(*length))));
        }
        for r in running {
            r.await.unwrap();
        }
        println!(
            "burst {}: {:?} for {} jobs",
            b + 1,
            start.elapsed(),
            lengths.len()
        );
    }
    work_us
}

async fn report(work_us: u64) {
    println!("the jobs held {work_us} µs of computing");
}

#[tokio::main]
async fn main() {
    let pause = Duration::from_millis(PAUSE_MS);
    let dispatching = tokio::spawn(dispatcher(job_lengths(), BURSTS, pause));
    let work_us = dispatching.await.unwrap();
    tokio::spawn(report(work_us)).await.unwrap();
}
