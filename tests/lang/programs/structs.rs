// Structs and methods: struct literals (with field init shorthand), field reads and writes,
// methods on `&self` and `&mut self`, an associated `new`, and a struct moved into a task and
// returned from it.
use tokio::task::yield_now;

struct Counter {
    name: String,
    count: u32,
    step: u32,
}

impl Counter {
    fn new(name: &str, step: u32) -> Counter {
        Counter {
            name: name.to_string(),
            count: 0,
            step,
        }
    }

    fn bump(&mut self) {
        self.count += self.step;
    }

    fn describe(&self) -> String {
        format!("{} = {}", self.name, self.count)
    }
}

async fn run(mut counter: Counter, times: u32) -> Counter {
    for _ in 0..times {
        counter.bump();
        yield_now().await;
    }
    counter
}

#[tokio::main]
async fn main() {
    let mut a = Counter::new("a", 2);
    a.bump();
    a.step = 5;
    a.bump();
    println!("{}", a.describe());
    let task = tokio::spawn(run(Counter::new("b", 3), 4));
    let other = tokio::spawn(run(a, 2));
    let b = task.await.unwrap();
    let a = other.await.unwrap();
    println!(
        "{} after {} steps; {}",
        b.describe(),
        b.count / b.step,
        a.describe()
    );
}
