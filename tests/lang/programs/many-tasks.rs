// Seventy tasks that finish at their first poll, awaited in spawn order: enough to cross Tokio's
// event interval (61 polls), after which the scheduler checks timers and main once more.
#[tokio::main]
async fn main() {
    let mut handles = Vec::new();
    for i in 0..70u64 {
        handles.push(tokio::spawn(async move { i * 2 }));
    }
    let mut total = 0;
    for handle in handles {
        total += handle.await.unwrap();
    }
    println!("total {total}");
}
