// mutex-contention: several tasks take turns on one async mutex and hold it across an await.
// The waiters queue in order, and each unlock hands the lock straight to the next of them with a
// wake: a chain of task-to-task wakes that goes round the tasks, 1, 2, 3, 4, 1, 2, ...
use std::sync::Arc;
use std::time::Duration;
use tokio::sync::Mutex;
use tokio::task::yield_now;
use tokio::time::sleep;

const TASKS: u64 = 4;
const HOLD_MS: u64 = 2;
const ITERATIONS: u64 = 3;
const COMPUTE: bool = false;

// Takes the lock `iterations` times and awaits while it holds it, so the others are polled,
// find the lock taken and wait in line. The guard is dropped at the end of each turn, which
// hands the lock to the first in line; asking again puts this task at the back.
async fn worker(shared: Arc<Mutex<u64>>, iterations: u64, hold: Duration, compute: bool) {
    for _ in 0..iterations {
        let mut guard = shared.lock().await;
        if compute {
            work(hold); // Computes with the lock held...
            yield_now().await; // ...then lets the others run, still holding it.
        } else {
            sleep(hold).await; // Waits with the lock held (an I/O call, say).
        }
        *guard += 1;
    }
}

#[tokio::main]
async fn main() {
    let shared = Arc::new(Mutex::new(0u64));
    let hold = Duration::from_millis(HOLD_MS);
    let mut running = Vec::new();
    for _ in 1..=TASKS {
        running.push(tokio::spawn(worker(
            shared.clone(),
            ITERATIONS,
            hold,
            COMPUTE,
        )));
    }
    for r in running {
        r.await.unwrap();
    }
    // Every increment happened under the lock: none was lost.
    let total = *shared.lock().await;
    if total != TASKS * ITERATIONS {
        panic!("lost an update");
    }
    println!("{total} increments, none lost");
}
