// abort: a sleeping task aborted through its JoinHandle (awaiting it gives an error, its timer is
// cancelled), one aborted before its first poll, and abort of a task that has already finished.
use std::time::Duration;
use tokio::task::yield_now;
use tokio::time::sleep;

#[tokio::main]
async fn main() {
    let sleeper = tokio::spawn(async {
        sleep(Duration::from_millis(100)).await;
        println!("never printed");
    });
    let done = tokio::spawn(async { 7 });
    sleep(Duration::from_millis(1)).await;
    sleeper.abort();
    done.abort();
    yield_now().await;
    println!("finished: {} {}", sleeper.is_finished(), done.is_finished());
    match sleeper.await {
        Ok(_) => println!("the sleeper finished"),
        Err(_) => println!("the sleeper was aborted"),
    }
    match done.await {
        Ok(v) => println!("done had already returned {v}"),
        Err(_) => println!("done was aborted"),
    }
    let never = tokio::spawn(async {
        println!("never runs");
    });
    never.abort();
    match never.await {
        Ok(_) => println!("it ran"),
        Err(_) => println!("aborted before its first poll"),
    }
    sleep(Duration::from_millis(5)).await;
}
