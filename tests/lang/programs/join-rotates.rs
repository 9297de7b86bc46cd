// join!: each poll of the join starts one branch further. The three branches wake three
// consumers; the consumers run in the order their branches were polled: 1 2 3, then 2 3 1,
// then 3 1 2.
use std::time::Duration;
use tokio::sync::mpsc;
use tokio::time::sleep;

async fn branch(tx: mpsc::UnboundedSender<u32>) {
    for i in 0..3 {
        if i > 0 {
            sleep(Duration::from_millis(1)).await;
        }
        tx.send(i).unwrap();
    }
}

async fn consumer(mut rx: mpsc::UnboundedReceiver<u32>, id: u32) {
    while let Some(v) = rx.recv().await {
        println!("consumer {id} got {v}");
    }
}

#[tokio::main]
async fn main() {
    let (a_tx, a_rx) = mpsc::unbounded_channel();
    let (b_tx, b_rx) = mpsc::unbounded_channel();
    let (c_tx, c_rx) = mpsc::unbounded_channel();
    let a = tokio::spawn(consumer(a_rx, 1));
    let b = tokio::spawn(consumer(b_rx, 2));
    let c = tokio::spawn(consumer(c_rx, 3));
    tokio::join!(branch(a_tx), branch(b_tx), branch(c_tx));
    a.await.unwrap();
    b.await.unwrap();
    c.await.unwrap();
}
