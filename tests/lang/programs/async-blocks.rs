// Async blocks: `async { }` awaited in place, an `async move { }` that does nothing until it is
// awaited (its sleep starts then), one that owns a Vec and is spawned, and blocks nested in blocks.
use std::time::Duration;
use tokio::task::yield_now;
use tokio::time::{sleep, Instant};

#[tokio::main]
async fn main() {
    let start = Instant::now();
    let base = 10;
    let plain = async { base + 1 };
    println!("plain: {}", plain.await);
    let name = "late".to_string();
    let later = async move {
        sleep(Duration::from_millis(5)).await;
        format!("{name} by 5 ms")
    };
    sleep(Duration::from_millis(2)).await;
    println!("{} at {} ms", later.await, start.elapsed().as_millis());
    let data = vec![1, 2, 3];
    let handle = tokio::spawn(async move {
        let mut total = 0;
        for v in data.iter() {
            total += *v;
            yield_now().await;
        }
        total
    });
    let nested = async {
        let inner = async { 6 * 7 };
        inner.await + 1
    };
    println!("nested: {}", nested.await);
    println!("spawned: {}", handle.await.unwrap());
}
