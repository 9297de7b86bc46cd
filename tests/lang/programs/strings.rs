// Strings: &str and String, escapes, to_string, `+` on String, and format!/println!/print! with
// `{}`, `{:?}`, `{name}`, widths and alignment, `{{` and `}}`, from two tasks at different times.
use std::time::Duration;
use tokio::time::sleep;

fn greet(name: &str) -> String {
    "hello, ".to_string() + name + "!"
}

async fn echo_twice(word: String, delay: Duration) -> String {
    sleep(delay).await;
    println!("echo after {} ms", delay.as_millis());
    format!("{word}-{word}")
}

#[tokio::main]
async fn main() {
    let name = "wakeline";
    let greeting = greet(name);
    println!("{}", greeting);
    println!("{greeting} {name}");
    println!("[{:>10}] [{:<10}] [{:10}] [{:6}]", name, "left", 42, true);
    println!("[{:^9}] [{:>4}] [{:<4}]", "mid", -7, 3);
    println!("{:?} {:?}", "quote \" tab \t", greeting);
    println!("{{literal braces}} and {}", 1 + 1);
    print!("no newline, ");
    print!("then a newline\n");
    let echo = tokio::spawn(echo_twice("ab".to_string(), Duration::from_millis(3)));
    let line = format!("{} + {} = {}", 2, 3, 2 + 3);
    println!("{line}");
    let doubled = echo.await.unwrap();
    println!("{:?} {}", doubled, doubled.clone() + "!");
    let mut text = "a".to_string();
    text = text + "b";
    text = text + &"c".to_string();
    println!("{text:>5}|");
}
