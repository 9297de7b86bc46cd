// Tasks that spawn tasks: main -> a -> (b -> d, c). Task numbers follow spawn order, whoever
// spawns; each parent awaits its children's JoinHandles.
use std::time::Duration;
use tokio::task::yield_now;
use tokio::time::sleep;

async fn leaf(name: &str, ms: u64) -> u64 {
    yield_now().await;
    sleep(Duration::from_millis(ms)).await;
    println!("{name} done");
    ms
}

async fn middle() -> u64 {
    let d = tokio::spawn(leaf("d", 3));
    let own = leaf("b", 1).await;
    own + d.await.unwrap()
}

#[tokio::main]
async fn main() {
    let a = tokio::spawn(async {
        let b = tokio::spawn(middle());
        let c = tokio::spawn(leaf("c", 2));
        b.await.unwrap() + c.await.unwrap()
    });
    println!("total {}", a.await.unwrap());
}
