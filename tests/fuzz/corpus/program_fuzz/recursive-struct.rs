use tokio::task::yield_now;
struct A { n: u32, a: Option<A> }
async fn f(x: A) -> u32 {
    yield_now().await;
    x.n
}
#[tokio::main]
async fn main() {
    let v = A { n: 1, a: None };
    println!("{}", f(v).await);
}
