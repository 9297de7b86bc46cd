// work(d): CPU work that does not yield. The clock moves on while a task computes: a timer due
// meanwhile fires late, once the poll has ended; Instant::now() sees the time spent, and a sleep
// started after the work counts from the end of it.
use std::time::Duration;
use tokio::task::yield_now;
use tokio::time::{sleep, Instant};

#[tokio::main]
async fn main() {
    let start = Instant::now();
    let timer = tokio::spawn(async move {
        sleep(Duration::from_millis(5)).await;
        start.elapsed().as_millis()
    });
    let busy = tokio::spawn(async move {
        work(Duration::from_millis(8));
        let first = start.elapsed().as_millis();
        sleep(Duration::from_millis(3)).await;
        let second = start.elapsed().as_millis();
        yield_now().await;
        work(Duration::from_micros(2500));
        (first, second, start.elapsed().as_millis())
    });
    let fired = timer.await.unwrap();
    let (first, second, third) = busy.await.unwrap();
    println!("the 5 ms timer fired at {fired} ms");
    println!("work ended at {first} ms, the sleep at {second} ms, more work at {third} ms");
    work(Duration::from_millis(1));
    println!("main ends at {} ms", start.elapsed().as_millis());
}
