// A sleep reset before its first poll: Tokio files its timer in the reset's call, not at the
// first poll, so it is elapsed as soon as its new deadline passes, polled or not, and it fires
// ahead of a timer for the same tick that another task filed before its first poll.
use std::time::Duration;
use tokio::time::{sleep, sleep_until, Instant};

#[tokio::main]
async fn main() {
    let start = Instant::now();
    let a = tokio::spawn(async move {
        let s = sleep(Duration::from_millis(100));
        tokio::pin!(s);
        s.as_mut().reset(start + Duration::from_millis(10));
        sleep(Duration::from_millis(1)).await;
        (&mut s).await;
        println!("a woke at {} ms", start.elapsed().as_millis());
    });
    let b = tokio::spawn(async move {
        sleep_until(start + Duration::from_millis(10)).await;
        println!("b woke at {} ms", start.elapsed().as_millis());
    });
    let c = sleep(Duration::from_millis(50));
    tokio::pin!(c);
    c.as_mut().reset(start + Duration::from_millis(2));
    println!("before any poll: elapsed {}", c.is_elapsed());
    sleep(Duration::from_millis(3)).await;
    println!("at 3 ms, never polled: elapsed {}", c.is_elapsed());
    (&mut c).await;
    a.await.unwrap();
    b.await.unwrap();
}
