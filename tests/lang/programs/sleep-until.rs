// Instants and sleep_until: deadlines from Instant::now() plus a Duration, elapsed() and
// as_millis() in virtual time, a deadline already past (ready at once), Duration::from_secs and
// from_micros, and a sleep of a fraction of a millisecond.
use std::time::Duration;
use tokio::time::{sleep, sleep_until, Instant};

#[tokio::main]
async fn main() {
    let start = Instant::now();
    sleep_until(start + Duration::from_millis(25)).await;
    println!("woke at {} ms", start.elapsed().as_millis());
    sleep_until(start + Duration::from_millis(10)).await;
    println!("a past deadline: still {} ms", start.elapsed().as_millis());
    let waiter = tokio::spawn(async move {
        sleep_until(start + Duration::from_secs(1)).await;
        start.elapsed().as_millis()
    });
    sleep(Duration::from_micros(1500)).await;
    println!("1.5 ms later: {} ms", start.elapsed().as_millis());
    println!("the waiter woke at {} ms", waiter.await.unwrap());
    let d = Duration::from_secs(2);
    println!(
        "{} ms in 2 s, {} ms in 2500 us",
        d.as_millis(),
        Duration::from_micros(2500).as_millis()
    );
}
