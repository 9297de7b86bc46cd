// Tokio's timers in the language beyond `sleep` and `tick`: `MissedTickBehavior` and the
// interval's other methods (`reset`, `period`, `missed_tick_behavior`), `interval_at`, and a
// `Sleep` pinned with `tokio::pin!` (`reset`, `deadline`, `is_elapsed`, `&mut sleep` awaited and
// in `select!`). Each method runs as Tokio's does; what rustc refuses (a reset of a sleep that is
// not pinned, `&mut` of one, an argument of the wrong type) is refused before the run, in
// rustc's words, and what only the run can tell panics with Rust's.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "lang/lower.hpp"
#include "support/run_program.hpp"

namespace {

using namespace wakeline;
using namespace wakeline::lang;
using namespace wakeline::lang::testing;

// A program whose `main` is `body`, with the timers' names in scope.
std::string timers(const std::string& body, const std::string& items = "") {
  return "use std::time::Duration;\n"
         "use tokio::time::{interval, interval_at, sleep, Instant, MissedTickBehavior};\n" +
         items + "#[tokio::main]\nasync fn main() {\n" + body + "\n}\n";
}

// Every error of a program, by message and label.
std::vector<std::string> errors_of(const std::string& text) {
  diagnostics problems;
  compile_program("main.rs", text, problems);
  std::vector<std::string> out;
  for (const diagnostic& d : problems.all()) {
    if (d.severity == severity::error) out.push_back(d.message + " | " + d.label);
  }
  return out;
}

using messages = std::vector<std::string>;

// A task that sleeps past three ticks of a 10 ms interval, then takes four more, under each
// behaviour: the times each tick was due and taken, in ms.
const char* const missing_ticks = R"(    let start = Instant::now();
    let mut every = interval(Duration::from_millis(10));
    every.set_missed_tick_behavior(BEHAVIOUR);
    every.tick().await;
    sleep(Duration::from_millis(35)).await;
    for _ in 0..4 {
        let due = every.tick().await;
        print!("{}/{} ", (due - start).as_millis(), start.elapsed().as_millis());
    })";

std::string with_behaviour(const std::string& behaviour) {
  std::string body = missing_ticks;
  body.replace(body.find("BEHAVIOUR"), 9, behaviour);
  return timers(body);
}

TEST(Timers, MissedTicksFollowTheIntervalsBehaviour) {
  for (strategy_kind s : {strategy_kind::tokio_current_thread, strategy_kind::local}) {
    program_run r = run_program(with_behaviour("MissedTickBehavior::Burst"), s);
    EXPECT_EQ(r.outcome, run_outcome::completed) << r.error;
    EXPECT_EQ(r.output, "10/35 20/35 30/35 40/40 ");
    r = run_program(with_behaviour("MissedTickBehavior::Delay"), s);
    EXPECT_EQ(r.output, "10/35 45/45 55/55 65/65 ") << r.error;
    r = run_program(with_behaviour("MissedTickBehavior::Skip"), s);
    EXPECT_EQ(r.output, "10/35 40/40 50/50 60/60 ") << r.error;
  }
}

// Under Tokio's rules the interval keeps one sleep, reset inside the tick's poll, with the task's
// waker still in it: at 10 ms its next deadline wakes the task, which is sleeping for something
// else (one more poll), and at 35 ms the resets to deadlines already past wake it during the
// burst (one more poll at 35). The textbook interval arms a timer per tick: neither happens.
TEST(Timers, ABurstUnderTokioWakesTheTaskAsTokiosDoes) {
  program_run r =
      run_program(with_behaviour("MissedTickBehavior::Burst"), strategy_kind::tokio_current_thread);
  EXPECT_EQ(r.outcome, run_outcome::completed) << r.error;
  EXPECT_EQ(r.suspensions, (messages{"9:4", "9:4", "11:5", "11:5"}));
  r = run_program(with_behaviour("MissedTickBehavior::Burst"), strategy_kind::local);
  EXPECT_EQ(r.suspensions, (messages{"9:4", "11:5"})) << r.error;
}

TEST(Timers, TheBehaviourIsAValueToCompareShowAndMatch) {
  const program_run r =
      run_program(timers(R"(    let mut every = interval(Duration::from_millis(10));
    let before = every.missed_tick_behavior();
    every.set_missed_tick_behavior(MissedTickBehavior::Skip);
    let now = every.missed_tick_behavior();
    println!("{:?} {:?} {} {}", before, now, now == MissedTickBehavior::Skip, before != now);
    assert_eq!(before, MissedTickBehavior::Burst);
    let copy = now;
    match now {
        MissedTickBehavior::Burst => println!("burst"),
        MissedTickBehavior::Delay | MissedTickBehavior::Skip => println!("not burst"),
    }
    println!("{:?} {:?}", copy, Some(MissedTickBehavior::Delay));)"));
  EXPECT_EQ(r.outcome, run_outcome::completed) << r.error;
  EXPECT_EQ(r.output, "Burst Skip true true\nnot burst\nSkip Some(Delay)\n");
}

TEST(Timers, AnIntervalResetTicksOnePeriodLaterAndKnowsItsPeriod) {
  for (strategy_kind s : {strategy_kind::tokio_current_thread, strategy_kind::local}) {
    const program_run r = run_program(timers(R"(    let start = Instant::now();
    let mut every = interval(Duration::from_millis(10));
    every.tick().await;
    sleep(Duration::from_millis(3)).await;
    every.reset();
    let a = every.tick().await;
    let b = every.tick().await;
    println!("{} {} {:?}", (a - start).as_millis(), (b - start).as_millis(), every.period());)"),
                                      s);
    EXPECT_EQ(r.outcome, run_outcome::completed) << r.error;
    EXPECT_EQ(r.output, "13 23 10ms\n");
  }
}

TEST(Timers, IntervalAtStartsWhereItIsTold) {
  program_run r = run_program(timers(R"(    let start = Instant::now();
    let mut every = interval_at(start + Duration::from_millis(5), Duration::from_millis(10));
    let a = every.tick().await;
    let b = every.tick().await;
    println!("{} {} at {}", (a - start).as_millis(), (b - start).as_millis(), start.elapsed().as_millis());)"));
  EXPECT_EQ(r.outcome, run_outcome::completed) << r.error;
  EXPECT_EQ(r.output, "5 15 at 15\n");
  // A start already past: the first tick is at once, and tells the start.
  r = run_program(timers(R"(    let start = Instant::now();
    sleep(Duration::from_millis(7)).await;
    let mut every = interval_at(start, Duration::from_millis(10));
    let a = every.tick().await;
    println!("{} at {}", (a - start).as_millis(), start.elapsed().as_millis());)"));
  EXPECT_EQ(r.output, "0 at 7\n") << r.error;
}

TEST(Timers, TimeoutAtBoundsAFutureByADeadline) {
  const program_run r = run_program(timers(R"(    let start = Instant::now();
    let deadline = start + Duration::from_millis(10);
    let a = tokio::time::timeout_at(deadline, sleep(Duration::from_millis(4))).await;
    let b = tokio::time::timeout_at(deadline, sleep(Duration::from_millis(9))).await;
    let c = tokio::time::timeout_at(start, async { 5 }).await;
    println!("{:?} {} {:?} at {}", a, b.is_err(), c, start.elapsed().as_millis());)"));
  EXPECT_EQ(r.outcome, run_outcome::completed) << r.error;
  EXPECT_EQ(r.output, "Ok(()) true Ok(5) at 10\n");
}

TEST(Timers, APinnedSleepResetsAndTellsItsDeadline) {
  for (strategy_kind s : {strategy_kind::tokio_current_thread, strategy_kind::local}) {
    const program_run r = run_program(timers(R"(    let start = Instant::now();
    let s = sleep(Duration::from_millis(10));
    tokio::pin!(s);
    print!("{} {} ", (s.deadline() - start).as_millis(), s.is_elapsed());
    (&mut s).await;
    print!("{} {} ", start.elapsed().as_millis(), s.is_elapsed());
    s.as_mut().reset(Instant::now() + Duration::from_millis(20));
    print!("{} {} ", (s.as_mut().deadline() - start).as_millis(), s.is_elapsed());
    s.as_mut().await;
    print!("{} ", start.elapsed().as_millis());
    s.as_mut().reset(start);
    print!("{} ", s.is_elapsed());
    s.await;
    println!("{}", start.elapsed().as_millis());)"),
                                      s);
    EXPECT_EQ(r.outcome, run_outcome::completed) << r.error;
    EXPECT_EQ(r.output, "10 false 10 true 30 false 30 true 30\n");
  }
}

// A completed sleep keeps its task's waker under Tokio's rules: reset to now, it wakes the task
// in the reset's call, though the task then waits for another sleep (one more poll at 10 ms).
TEST(Timers, AResetToNowWakesTheTaskUnderTokio) {
  const std::string program = timers(R"(    let s = sleep(Duration::from_millis(10));
    tokio::pin!(s);
    (&mut s).await;
    s.as_mut().reset(Instant::now());
    sleep(Duration::from_millis(5)).await;
    (&mut s).await;)");
  program_run r = run_program(program, strategy_kind::tokio_current_thread);
  EXPECT_EQ(r.outcome, run_outcome::completed) << r.error;
  EXPECT_EQ(r.suspensions, (messages{"7:3", "9:4", "9:4"}));
  r = run_program(program, strategy_kind::local);
  EXPECT_EQ(r.suspensions, (messages{"7:3", "9:4"})) << r.error;
}

// Tokio's documentation: a pinned sleep borrowed by each turn of a select! loop survives the
// turns, and each message pushes it further.
TEST(Timers, ASleepBorrowedInASelectLoopSurvivesItsTurns) {
  const program_run r = run_program(timers(R"(    let start = Instant::now();
    let (tx, mut rx) = tokio::sync::mpsc::channel::<u32>(4);
    tokio::spawn(async move {
        for i in 0..3 {
            sleep(Duration::from_millis(4)).await;
            tx.send(i).await.unwrap();
        }
    });
    let deadline = sleep(Duration::from_millis(10));
    tokio::pin!(deadline);
    let mut got = 0;
    loop {
        tokio::select! {
            biased;
            Some(v) = rx.recv() => {
                got += v;
                deadline.as_mut().reset(Instant::now() + Duration::from_millis(10));
            }
            _ = &mut deadline => break,
        }
    }
    println!("{got} by {} ms", start.elapsed().as_millis());)"),
                                    strategy_kind::tokio_current_thread);
  EXPECT_EQ(r.outcome, run_outcome::completed) << r.error;
  EXPECT_EQ(r.output, "3 by 22 ms\n");
}

TEST(Timers, PinTakesSeveralNamesAndBoxPinWorksThroughAsMut) {
  const program_run r = run_program(timers(R"(    let start = Instant::now();
    let a = sleep(Duration::from_millis(3));
    let b = sleep(Duration::from_millis(5));
    tokio::pin!(a, b);
    (&mut b).await;
    a.await;
    let mut c = Box::pin(sleep(Duration::from_millis(1)));
    c.as_mut().reset(start + Duration::from_millis(8));
    (&mut c).await;
    println!("{} {}", start.elapsed().as_millis(), c.deadline() > start);)"));
  EXPECT_EQ(r.outcome, run_outcome::completed) << r.error;
  EXPECT_EQ(r.output, "8 true\n");
}

// Tokio's other form, `tokio::pin! { let x = f(); }`: a statement of its own, as a macro
// written with braces is in Rust, so the next line starts afresh even with a `(`.
TEST(Timers, PinAlsoTakesLetStatements) {
  const program_run r = run_program(timers(R"(    let start = Instant::now();
    tokio::pin! {
        let a = sleep(Duration::from_millis(3));
        let b = sleep(Duration::from_millis(5));
    }
    (&mut b).await;
    a.as_mut().reset(start + Duration::from_millis(9));
    a.await;
    println!("{}", start.elapsed().as_millis());)"));
  EXPECT_EQ(r.outcome, run_outcome::completed) << r.error;
  EXPECT_EQ(r.output, "9\n");
  // Closing a block, it is a statement still; empty, it pins nothing and says so.
  EXPECT_EQ(errors_of(timers("    tokio::pin! {\n        let a = sleep(Duration::from_millis(1));\n"
                             "    }")),
            messages{});
  EXPECT_EQ(errors_of(timers("    tokio::pin! {}")),
            (messages{"`tokio::pin!` takes the names of the futures to pin | "}));
  EXPECT_EQ(errors_of(timers("    tokio::pin!(a = sleep(Duration::from_millis(1)));")),
            (messages{"`tokio::pin!` takes the names of local variables | a local variable's "
                      "name; pin a future made here with `let`, then its name"}));
}

TEST(Timers, WhatRustcRefusesIsRefusedBeforeTheRun) {
  EXPECT_EQ(errors_of(timers("    let s = sleep(Duration::from_millis(1));\n"
                             "    s.reset(Instant::now());")),
            (messages{"no method named `reset` found for struct `Sleep` in the current scope | "
                      "method not found in `Sleep`: it takes a `Pin<&mut Sleep>`; pin it "
                      "first, with `tokio::pin!(s);`"}));
  EXPECT_EQ(errors_of(timers("    let mut s = Box::pin(sleep(Duration::from_millis(1)));\n"
                             "    s.reset(Instant::now());")),
            (messages{"no method named `reset` found for struct `Pin<Box<Sleep>>` in the current "
                      "scope | reset it through `as_mut()`: `s.as_mut().reset(..)`"}));
  EXPECT_EQ(errors_of(timers("    let mut s = sleep(Duration::from_millis(1));\n"
                             "    (&mut s).await;")),
            (messages{"`PhantomPinned` cannot be unpinned | this future is not `Unpin`: pin it "
                      "first, with `tokio::pin!(s);`"}));
  EXPECT_EQ(errors_of(timers("    let mut s = sleep(Duration::from_millis(1));\n"
                             "    tokio::select! {\n        _ = &mut s => {}\n    }")),
            (messages{"`PhantomPinned` cannot be unpinned | this future is not `Unpin`: pin it "
                      "first, with `tokio::pin!(s);`"}));
  EXPECT_EQ(
      errors_of(timers("    let mut f = work();\n    (&mut f).await;", "async fn work() {}\n")),
      (messages{"`impl Future` cannot be unpinned | this future is not `Unpin`: pin it "
                "first, with `tokio::pin!(f);`"}));
  // Pinned, the same program is fine.
  EXPECT_EQ(errors_of(timers("    let f = work();\n    tokio::pin!(f);\n    (&mut f).await;",
                             "async fn work() {}\n")),
            messages{});
  // `reset` takes its `Pin<&mut Sleep>` by value: called on the pin itself it moves it, and the
  // next use is rustc's E0382; through `as_mut()` the pin stays.
  const std::string pinned =
      "    let s = sleep(Duration::from_millis(5));\n    tokio::pin!(s);\n"
      "    s.reset(Instant::now());\n";
  EXPECT_EQ(errors_of(timers(pinned + "    println!(\"{}\", s.is_elapsed());")),
            (messages{"borrow of moved value: `s` | value borrowed here after move"}));
  EXPECT_EQ(errors_of(timers(pinned + "    s.reset(Instant::now());")),
            (messages{"use of moved value: `s` | value used here after move"}));
  EXPECT_EQ(errors_of(timers(pinned)), messages{});
  EXPECT_EQ(errors_of(timers("    let s = sleep(Duration::from_millis(5));\n    tokio::pin!(s);\n"
                             "    s.as_mut().reset(Instant::now());\n"
                             "    s.as_mut().reset(Instant::now());\n    (&mut s).await;")),
            messages{});
}

TEST(Timers, ArgumentsOfTheWrongTypeAreMismatchedTypes) {
  EXPECT_EQ(errors_of(timers("    let s = sleep(Duration::from_millis(1));\n    tokio::pin!(s);\n"
                             "    s.as_mut().reset(Duration::from_millis(5));")),
            (messages{"mismatched types | expected struct `Instant`, found struct `Duration`"}));
  EXPECT_EQ(errors_of(timers("    let mut every = interval(Duration::from_millis(1));\n"
                             "    every.set_missed_tick_behavior(3);")),
            (messages{"mismatched types | expected enum `MissedTickBehavior`, found integer"}));
  EXPECT_EQ(errors_of(timers("    let mut every = interval_at(Duration::from_millis(1), 5u64);")),
            (messages{"mismatched types | expected struct `Instant`, found struct `Duration`",
                      "mismatched types | expected struct `Duration`, found `u64`"}));
  EXPECT_EQ(errors_of(timers("    let r = tokio::time::timeout_at(Duration::from_millis(1), "
                             "sleep(Duration::from_millis(1))).await;")),
            (messages{"mismatched types | expected struct `Instant`, found struct `Duration`"}));
  EXPECT_EQ(errors_of(timers("    let b = MissedTickBehavior::Burst();")),
            (messages{"expected function, found enum variant `MissedTickBehavior::Burst` | call "
                      "expression requires function"}));
}

TEST(Timers, PinIsAStatementOfLocalNames) {
  EXPECT_EQ(errors_of(timers("    tokio::pin!(sleep(Duration::from_millis(1)));")),
            (messages{"`tokio::pin!` takes the names of local variables | a local variable's "
                      "name; pin a future made here with `let`, then its name"}));
  EXPECT_EQ(errors_of(timers("    tokio::pin!(nothing);")),
            (messages{"cannot find value `nothing` in this scope | not found in this scope"}));
  EXPECT_EQ(errors_of(timers("    let s = sleep(Duration::from_millis(1));\n"
                             "    let p = tokio::pin!(s);")),
            (messages{"`tokio::pin!` declares its locals: write it as a statement | "
                      "`tokio::pin!(x);` on a line of its own"}));
  EXPECT_EQ(
      errors_of(timers("    let s = sleep(Duration::from_millis(1));\n"
                       "    std::pin::pin!(s);")),
      (messages{"the macro `std::pin::pin!` is not part of this subset | use `tokio::pin!`"}));
  // Through `use tokio::pin;`, as Tokio's examples write it.
  EXPECT_EQ(errors_of(timers("    let s = sleep(Duration::from_millis(1));\n    pin!(s);\n"
                             "    s.await;",
                             "use tokio::pin;\n")),
            messages{});
}

// What lowering cannot type waits for the run, which panics with Rust's words.
TEST(Timers, WhatOnlyTheRunCanTellPanics) {
  struct {
    const char* body;
    const char* message;
  } cases[] = {
      {"    let (tx, mut rx) = tokio::sync::mpsc::unbounded_channel();\n"
       "    tx.send(Duration::from_millis(1)).unwrap();\n"
       "    let s = sleep(Duration::from_millis(1));\n    tokio::pin!(s);\n"
       "    s.as_mut().reset(rx.recv().await.unwrap());",
       "mismatched types: `reset` takes an `Instant`, found `Duration`"},
      {"    let (tx, mut rx) = tokio::sync::mpsc::unbounded_channel();\n"
       "    tx.send(2).unwrap();\n"
       "    let mut every = interval(Duration::from_millis(1));\n"
       "    every.set_missed_tick_behavior(rx.recv().await.unwrap());",
       "mismatched types: `set_missed_tick_behavior` takes a `MissedTickBehavior`, found `i32`"},
      {"    let every = interval_at(Instant::now(), Duration::from_millis(0));",
       "`period` must be non-zero."},
      {"    let mut every = interval(Duration::from_millis(1));\n    every.reset(1);",
       "`reset` takes 0 arguments but 1 were supplied"},
      {"    let s = sleep(Duration::from_millis(1));\n    tokio::pin!(s);\n"
       "    s.as_mut().reset();",
       "`reset` takes 1 argument but 0 were supplied"},
  };
  for (const auto& c : cases) {
    const program_run r = run_program(timers(c.body));
    EXPECT_EQ(r.outcome, run_outcome::failed) << c.body;
    EXPECT_EQ(r.error.substr(0, r.error.rfind(", main.rs")), c.message) << c.body;
  }
}

}  // namespace
