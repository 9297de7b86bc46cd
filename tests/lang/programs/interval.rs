// interval: the first tick() is immediate, then one per period; when the task computes past
// some ticks (work), the missed ticks come at once and the next ones keep the original pace.
use std::time::Duration;
use tokio::time::{interval, Instant};

#[tokio::main]
async fn main() {
    let start = Instant::now();
    let mut every = interval(Duration::from_millis(10));
    for i in 0..6 {
        every.tick().await;
        println!("tick {i} at {} ms", start.elapsed().as_millis());
        if i == 1 {
            work(Duration::from_millis(25));
        }
    }
    let other = tokio::spawn(async move {
        let mut fast = interval(Duration::from_millis(3));
        let mut ticks = 0;
        while ticks < 4 {
            fast.tick().await;
            ticks += 1;
        }
        start.elapsed().as_millis()
    });
    println!("the other ticker ended at {} ms", other.await.unwrap());
}
