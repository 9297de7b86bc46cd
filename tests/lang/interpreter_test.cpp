// The interpreter runs a program as Rust would: values, integer overflow and its panics,
// formatting, drops where Rust drops them, hand-written futures, select! and join!, and the
// bounds that keep a program from taking the host down (recursion, loops that never yield).
#include "lang/interpreter.hpp"

#include <gtest/gtest.h>

#include <string>

#include "support/run_program.hpp"

namespace {

using namespace wakeline;
using namespace wakeline::lang::testing;

TEST(Interpreter, RunsAnAsyncMainAndPrints) {
  const program_run r = run_program(in_main(R"(    let mut total = 0;
    for i in 1..=3 {
        sleep(Duration::from_millis(10)).await;
        total += i * 10;
    }
    println!("total = {total}");)"));
  EXPECT_EQ(r.outcome, run_outcome::completed) << r.error;
  EXPECT_EQ(r.output, "total = 60\n");
}

// A pending poll names the suspend state the innermost async body waits in, by rustc's numbers:
// 3 for a body's first `.await`, 4 for its second.
TEST(Interpreter, APendingPollCarriesTheStateOfTheInnermostAwait) {
  const program_run r = run_program(in_main(R"(    sleep(Duration::from_millis(1)).await;
    sleep(Duration::from_millis(1)).await;
    twice().await;)",
                                            R"(async fn twice() {
    sleep(Duration::from_millis(1)).await;
    sleep(Duration::from_millis(1)).await;
}
)"));
  EXPECT_EQ(r.outcome, run_outcome::completed) << r.error;
  EXPECT_EQ(r.suspensions, (std::vector<std::string>{"10:3", "11:4", "5:3", "6:4"}));
}

TEST(Interpreter, OverflowPanicsAsADebugBuildDoes) {
  program_run r = run_program(
      in_main("    let x: u32 = 4294967295;\n    let y = x + 1;\n    println!(\"{y}\");"));
  EXPECT_EQ(r.outcome, run_outcome::failed);
  EXPECT_EQ(r.error, "attempt to add with overflow, main.rs:7:13");
  // An integer nothing gives a type is an i32, as in Rust.
  r = run_program(in_main("    let mut n = 1;\n    for _ in 0..40 {\n        n = n * 2;\n    }"));
  EXPECT_EQ(r.error, "attempt to multiply with overflow, main.rs:8:13");
  r = run_program(in_main("    let zero = 0;\n    let n = 10 / zero;"));
  EXPECT_EQ(r.error, "attempt to divide by zero, main.rs:7:13");
  r = run_program(in_main("    let n: u64 = 3;\n    let m = n - 4;"));
  EXPECT_EQ(r.error, "attempt to subtract with overflow, main.rs:7:13");
}

TEST(Interpreter, CastsWrapAsRustsAsDoes) {
  const program_run r = run_program(in_main(
      R"(    let big: u64 = 4294967297;
    let neg: i32 = -1;
    println!("{} {} {} {}", big as u32, neg as u32, 300u32 as i32, (neg as i64) * 2);)"));
  EXPECT_EQ(r.output, "1 4294967295 300 -2\n") << r.error;
}

TEST(Interpreter, PanicsOfTheStandardLibraryKeepRustsWords) {
  struct {
    const char* body;
    const char* message;
  } cases[] = {
      {"    let v = vec![1, 2, 3];\n    let x = v[5];",
       "index out of bounds: the len is 3 but the index is 5"},
      {"    let o: Option<u32> = None;\n    o.unwrap();",
       "called `Option::unwrap()` on a `None` value"},
      {"    let r: Result<u32, String> = Err(\"no\".to_string());\n    r.expect(\"it failed\");",
       "it failed: \"no\""},
      {"    panic!(\"at {} ms\", 5);", "at 5 ms"},
      {"    assert_eq!(1 + 1, 3);",
       "assertion failed: `(left == right)`\n  left: `2`,\n right: `3`"},
      {"    unreachable!();", "internal error: entered unreachable code"},
  };
  for (const auto& c : cases) {
    const program_run r = run_program(in_main(c.body));
    EXPECT_EQ(r.outcome, run_outcome::failed) << c.body;
    EXPECT_EQ(r.error.substr(0, r.error.rfind(", main.rs")), c.message) << c.body;
  }
}

TEST(Interpreter, FormatsAsRustsFormatDoes) {
  const program_run r = run_program(in_main(
      R"(    let name = "ab";
    let d = Duration::from_micros(1500);
    println!("[{:>5}] [{:<5}] [{:^6}] [{:05}] [{:*>4}]", name, name, name, 42, 7);
    println!("{:?} {:?} {:?} {:?}", Some("x"), vec![1, 2], (1, "a"), d);
    println!("{name}{{}}");)"));
  EXPECT_EQ(r.output,
            "[   ab] [ab   ] [  ab  ] [00042] [***7]\n"
            "Some(\"x\") [1, 2] (1, \"a\") 1.5ms\n"
            "ab{}\n")
      << r.error;
}

TEST(Interpreter, DroppingTheLastSenderClosesTheChannel) {
  // Moved into the task, the sender is dropped when the task ends; `drop(tx)` drops main's.
  const program_run r = run_program(in_main(R"(    let (tx, mut rx) = mpsc::channel(4);
    let tx2 = tx.clone();
    tokio::spawn(async move {
        tx2.send(1).await.unwrap();
    });
    drop(tx);
    let mut got = 0;
    while let Some(v) = rx.recv().await {
        got += v;
    }
    println!("closed after {got}");)"));
  EXPECT_EQ(r.outcome, run_outcome::completed) << r.error;
  EXPECT_EQ(r.output, "closed after 1\n");
}

TEST(Interpreter, AGuardUnlocksAtTheEndOfItsScope) {
  const program_run r =
      run_program(in_main(R"(    let m = std::sync::Arc::new(tokio::sync::Mutex::new(0));
    {
        let mut g = m.lock().await;
        *g += 5;
    }
    let g = m.lock().await;
    println!("{}", *g);)"));
  EXPECT_EQ(r.outcome, run_outcome::completed) << r.error;
  EXPECT_EQ(r.output, "5\n");
}

TEST(Interpreter, AHandWrittenFutureIsPolledWithTheTasksWaker) {
  const std::string items = R"(use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll};
struct Twice {
    polls: u32,
}
impl Future for Twice {
    type Output = u32;
    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<u32> {
        self.polls += 1;
        if self.polls == 2 {
            return Poll::Ready(self.polls);
        }
        cx.waker().wake_by_ref();
        Poll::Pending
    }
}
)";
  const program_run r =
      run_program(in_main("    let n = Twice { polls: 0 }.await;\n    println!(\"{n}\");", items));
  EXPECT_EQ(r.outcome, run_outcome::completed) << r.error;
  EXPECT_EQ(r.output, "2\n");
  // Without the wake, nobody will poll it again: the runtime reports the deadlock.
  std::string lost = items;
  lost.replace(lost.find("cx.waker().wake_by_ref();"), 25, "let _ = cx;");
  EXPECT_EQ(run_program(in_main("    Twice { polls: 0 }.await;", lost)).outcome,
            run_outcome::deadlock);
}

TEST(Interpreter, SelectDisablesABranchWhosePatternDoesNotMatch) {
  const program_run r = run_program(in_main(R"(    let (tx, mut rx) = mpsc::channel::<u32>(1);
    drop(tx);
    let mut rounds = 0;
    loop {
        rounds += 1;
        tokio::select! {
            biased;
            Some(v) = rx.recv() => println!("got {v}"),
            _ = sleep(Duration::from_millis(5)) => {
                println!("timer after {rounds} round");
                break;
            }
        }
    })"));
  EXPECT_EQ(r.outcome, run_outcome::completed) << r.error;
  EXPECT_EQ(r.output, "timer after 1 round\n");
}

TEST(Interpreter, JoinGivesTheTupleOfOutputs) {
  const std::string items = R"(async fn after(ms: u64, v: u32) -> u32 {
    sleep(Duration::from_millis(ms)).await;
    v
}
)";
  const program_run r = run_program(in_main(
      "    let (a, b) = tokio::join!(after(20, 1), after(10, 2));\n    println!(\"{a} {b}\");",
      items));
  EXPECT_EQ(r.output, "1 2\n") << r.error;
}

TEST(Interpreter, TheQuestionMarkReturnsTheError) {
  const std::string items = R"(fn half(n: u32) -> Result<u32, String> {
    if n % 2 == 1 {
        return Err(format!("{n} is odd"));
    }
    Ok(n / 2)
}
async fn quarter(n: u32) -> Result<u32, String> {
    let h = half(n)?;
    Ok(half(h)?)
}
)";
  const program_run r = run_program(
      in_main("    println!(\"{:?} {:?}\", quarter(8).await, quarter(6).await);", items));
  EXPECT_EQ(r.output, "Ok(2) Err(\"3 is odd\")\n") << r.error;
}

TEST(Interpreter, AJoinHandleGivesTheTasksPanicAsAnError) {
  const program_run r = run_program(in_main(R"(    let h = tokio::spawn(async {
        let v: Vec<u32> = Vec::new();
        v[0]
    });
    let result = h.await;
    println!("{}", result.is_err());)"));
  EXPECT_EQ(r.outcome, run_outcome::completed) << r.error;
  EXPECT_EQ(r.output, "true\n");
}

TEST(Interpreter, DeepRecursionPanicsInsteadOfOverflowingTheHost) {
  const program_run r = run_program(in_main("    println!(\"{}\", down(1));",
                                            "fn down(n: u64) -> u64 {\n    down(n + 1) + 1\n}\n"));
  EXPECT_EQ(r.outcome, run_outcome::failed);
  EXPECT_NE(r.error.find("stack overflow"), std::string::npos) << r.error;
}

TEST(Interpreter, ALoopThatNeverYieldsEndsTheRunAndSaysWhere) {
  const program_run r =
      run_program(in_main("    let mut n: u64 = 0;\n    loop {\n        n += 1;\n    }"));
  EXPECT_NE(r.outcome, run_outcome::completed);
  EXPECT_NE(r.error.find("without reaching an `.await` that was pending"), std::string::npos)
      << r.error;
  EXPECT_NE(r.error.find("main.rs:"), std::string::npos) << r.error;
}

TEST(Interpreter, ASpawnedTaskThatNeverYieldsStopsTheRun) {
  const program_run r = run_program(in_main(R"(    tokio::spawn(async {
        loop {
            let _ = 1;
        }
    });
    sleep(Duration::from_millis(1)).await;
    println!("never");)"));
  EXPECT_EQ(r.outcome, run_outcome::cancelled);
  EXPECT_EQ(r.output, "");
}

TEST(Interpreter, StructsMethodsAndConstants) {
  const std::string items = R"(const START: u32 = 40;
struct Counter {
    n: u32,
}
impl Counter {
    fn new() -> Counter {
        Counter { n: START }
    }
    fn bump(&mut self, by: u32) -> u32 {
        self.n += by;
        self.n
    }
}
)";
  const program_run r = run_program(in_main(
      "    let mut c = Counter::new();\n    c.bump(1);\n    println!(\"{}\", c.bump(1));", items));
  EXPECT_EQ(r.output, "42\n") << r.error;
}

}  // namespace
