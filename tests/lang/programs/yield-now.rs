// yield_now: three tasks and main give way in turn. Under Tokio a yield waits until the run
// queue is empty or the driver is polled, while a task that wakes itself re-enters the queue
// at once; the printed order shows who ran when.
use tokio::task::yield_now;

async fn polite(name: &str, turns: u32) -> u32 {
    for turn in 0..turns {
        println!("{name} turn {turn}");
        yield_now().await;
    }
    turns
}

#[tokio::main]
async fn main() {
    let a = tokio::spawn(polite("a", 3));
    let b = tokio::spawn(polite("b", 2));
    let c = tokio::spawn(polite("c", 1));
    for turn in 0..2 {
        println!("main turn {turn}");
        yield_now().await;
    }
    let total = a.await.unwrap() + b.await.unwrap() + c.await.unwrap();
    println!("{total} turns");
}
