// Semaphore: five tasks and two permits. A task holds its permit while it sleeps and returns it
// when the permit is dropped at the end of its scope; waiters get permits in the order they asked.
use std::sync::Arc;
use std::time::Duration;
use tokio::sync::Semaphore;
use tokio::time::{sleep, Instant};

async fn job(gate: Arc<Semaphore>, id: u64, start: Instant) {
    let permit = gate.acquire().await.unwrap();
    println!("job {id} starts at {} ms", start.elapsed().as_millis());
    sleep(Duration::from_millis(3 + id)).await;
    drop(permit);
    println!("job {id} ends at {} ms", start.elapsed().as_millis());
}

#[tokio::main]
async fn main() {
    let start = Instant::now();
    let gate = Arc::new(Semaphore::new(2));
    let mut jobs = Vec::new();
    for id in 1..=5 {
        jobs.push(tokio::spawn(job(gate.clone(), id, start)));
    }
    for j in jobs {
        j.await.unwrap();
    }
    let last = gate.acquire().await.unwrap();
    println!("main took a permit at {} ms", start.elapsed().as_millis());
    drop(last);
}
