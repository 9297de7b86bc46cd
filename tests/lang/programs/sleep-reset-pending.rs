// A pending sleep reset to a later deadline: Tokio leaves it filed at its old tick and files it
// again at the new one only when the old one comes, so it fires behind a timer that another
// task filed for the new tick in between. The sleep is pinned and polled through `&mut s` in a
// select!, so the select's end does not drop it.
use std::time::Duration;
use tokio::time::{sleep, sleep_until, Instant};

#[tokio::main]
async fn main() {
    let start = Instant::now();
    let a = tokio::spawn(async move {
        let s = sleep(Duration::from_millis(10));
        tokio::pin!(s);
        tokio::select! {
            biased;
            _ = &mut s => panic!("not yet"),
            _ = sleep(Duration::from_millis(1)) => {}
        }
        s.as_mut().reset(start + Duration::from_millis(20));
        (&mut s).await;
        println!("a woke at {} ms", start.elapsed().as_millis());
    });
    let b = tokio::spawn(async move {
        sleep(Duration::from_millis(2)).await;
        sleep_until(start + Duration::from_millis(20)).await;
        println!("b woke at {} ms", start.elapsed().as_millis());
    });
    a.await.unwrap();
    b.await.unwrap();
}
