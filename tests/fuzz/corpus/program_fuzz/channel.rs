use tokio::sync::mpsc;
use tokio::time::{sleep, Duration};

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let (tx, mut rx) = mpsc::channel::<u64>(2);
    let producer = tokio::spawn(async move {
        for i in 0..5 {
            tx.send(i).await.unwrap();
        }
    });
    loop {
        tokio::select! {
            biased;
            Some(v) = rx.recv() => println!("{:>3}", v * 2),
            _ = sleep(Duration::from_millis(10)) => break,
        }
    }
    match producer.await {
        Ok(()) => {}
        Err(e) => panic!("{:?}", e),
    }
    let v = vec![1u32; 4];
    let total: u32 = if v.len() > 2 && !v.is_empty() { v[0] + v[1] } else { 0 };
    assert_eq!(total, 2);
}
