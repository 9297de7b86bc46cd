// Sleep::reset on a pinned sleep, with its deadline() and is_elapsed(). A completed sleep still
// holds its task's waker in Tokio: reset to now, it fires in the reset's call and wakes the
// task, which is then waiting for another sleep; reset to a later deadline, it wakes the task
// when that comes, whatever the task waits for then.
use std::time::Duration;
use tokio::time::{sleep, Instant};

#[tokio::main]
async fn main() {
    let start = Instant::now();
    let s = sleep(Duration::from_millis(10));
    tokio::pin!(s);
    println!(
        "deadline {} ms, elapsed {}",
        (s.deadline() - start).as_millis(),
        s.is_elapsed()
    );
    (&mut s).await;
    println!("at {} ms, elapsed {}", start.elapsed().as_millis(), s.is_elapsed());

    s.as_mut().reset(Instant::now());
    println!("reset to now: elapsed {}", s.is_elapsed());
    sleep(Duration::from_millis(5)).await;
    (&mut s).await;
    println!("ready again at {} ms", start.elapsed().as_millis());

    s.as_mut().reset(Instant::now() + Duration::from_millis(20));
    println!(
        "reset to {} ms: elapsed {}",
        (s.deadline() - start).as_millis(),
        s.is_elapsed()
    );
    sleep(Duration::from_millis(30)).await;
    println!("at {} ms, elapsed {}", start.elapsed().as_millis(), s.is_elapsed());
    (&mut s).await;
    println!("done at {} ms", start.elapsed().as_millis());
}
