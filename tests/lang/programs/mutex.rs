// tokio::sync::Mutex shared through Arc: tasks push to a Vec under the lock and hold it across
// a yield and a sleep, so the others queue; the guard unlocks at the end of its scope.
use std::sync::Arc;
use std::time::Duration;
use tokio::sync::Mutex;
use tokio::task::yield_now;
use tokio::time::sleep;

async fn append(log: Arc<Mutex<Vec<u32>>>, id: u32) {
    for round in 0..2 {
        {
            let mut entries = log.lock().await;
            entries.push(id * 10 + round);
            yield_now().await;
            sleep(Duration::from_millis(1)).await;
        }
        yield_now().await;
    }
}

#[tokio::main]
async fn main() {
    let log = Arc::new(Mutex::new(Vec::new()));
    let mut tasks = Vec::new();
    for id in 1..=3 {
        tasks.push(tokio::spawn(append(log.clone(), id)));
    }
    for task in tasks {
        task.await.unwrap();
    }
    let entries = log.lock().await;
    println!("{:?}", *entries);
}
