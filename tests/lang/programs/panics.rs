// Panics fail their task, never the run: unwrap of None, expect of an Err, an index out of
// bounds, a division by zero and panic! each end a task whose JoinHandle gives an error, one of
// them after it has waited; the others, and main, go on.
use std::time::Duration;
use tokio::time::sleep;

fn divide(a: u32, b: u32) -> u32 {
    a / b
}

async fn unwrap_none() -> u32 {
    let nothing: Option<u32> = None;
    nothing.unwrap()
}

async fn expect_err() -> u32 {
    let failed: Result<u32, String> = Err("no answer".to_string());
    failed.expect("the answer")
}

async fn out_of_bounds(i: usize) -> u32 {
    let values = vec![1, 2, 3];
    values[i]
}

async fn late_panic(n: u32) -> u32 {
    sleep(Duration::from_millis(5)).await;
    if n > 2 {
        panic!("n is {n}, more than 2");
    }
    n
}

#[tokio::main]
async fn main() {
    let handles = vec![
        tokio::spawn(unwrap_none()),
        tokio::spawn(expect_err()),
        tokio::spawn(out_of_bounds(3)),
        tokio::spawn(async { divide(1, 0) }),
        tokio::spawn(late_panic(3)),
        tokio::spawn(late_panic(2)),
    ];
    let mut failed = 0;
    for handle in handles {
        match handle.await {
            Ok(v) => println!("a task returned {v}"),
            Err(_) => failed += 1,
        }
    }
    println!("{failed} tasks panicked");
}
