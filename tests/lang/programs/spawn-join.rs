// spawn and JoinHandle: tasks numbered in spawn order, is_finished before and after they run, a
// handle awaited for the task's value, and a handle dropped unawaited: the task runs on, detached.
use std::time::Duration;
use tokio::task::yield_now;
use tokio::time::sleep;

async fn slow(ms: u64, value: u32) -> u32 {
    sleep(Duration::from_millis(ms)).await;
    value
}

#[tokio::main]
async fn main() {
    let quick = tokio::spawn(async { 1 });
    let late = tokio::spawn(slow(10, 2));
    println!("before: {} {}", quick.is_finished(), late.is_finished());
    yield_now().await;
    println!(
        "after a yield: {} {}",
        quick.is_finished(),
        late.is_finished()
    );
    let detached = tokio::spawn(async {
        sleep(Duration::from_millis(5)).await;
        println!("the detached task ends at 5 ms");
    });
    drop(detached);
    let sum = quick.await.unwrap() + late.await.unwrap();
    println!("sum {sum} at 10 ms");
}
