// Overflow panics as in Rust's debug build: a task that doubles a u32 past its range fails and
// its JoinHandle gives the error, an i64 that stays in range does not, and the run goes on.
use tokio::task::yield_now;

async fn double(times: u32) -> u32 {
    let mut x: u32 = 1;
    for _ in 0..times {
        yield_now().await;
        x *= 2;
    }
    x
}

async fn countdown(from: i64, steps: i64) -> i64 {
    let mut x = from;
    for _ in 0..steps {
        x -= 1_000_000_000;
    }
    x
}

#[tokio::main]
async fn main() {
    let fits = tokio::spawn(double(31));
    let overflows = tokio::spawn(double(32));
    let negative = tokio::spawn(countdown(0, 9));
    println!("2^31 = {}", fits.await.unwrap());
    match overflows.await {
        Ok(v) => println!("no overflow: {v}"),
        Err(_) => println!("the doubling task panicked"),
    }
    println!("i64 goes below zero: {}", negative.await.unwrap());
}
