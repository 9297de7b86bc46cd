// Lowering makes each async body a state machine as rustc does: state 0 unresumed (keeping the
// arguments), 1 returned, 2 poisoned, one suspend state per `.await` from 3 in source order,
// each keeping the locals live across its await: read after it, or still holding a value to
// drop (a guard, a sender) that was not moved away before.
#include "lang/lower.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "support/run_program.hpp"

namespace {

using namespace wakeline::lang;
using wakeline::lang::testing::compile_or_fail;
using wakeline::lang::testing::in_main;

const function_code& body(const compiled_program& p, const std::string& name) {
  for (const function_code& f : p.code.functions) {
    if (f.name == name) return f;
  }
  throw std::runtime_error("no body " + name);
}

// The user-named locals each suspend state keeps, one list per `.await`.
std::vector<std::vector<std::string>> kept(const function_code& f) {
  std::vector<std::vector<std::string>> out;
  for (const suspend_point& sp : f.suspends) {
    std::vector<std::string> names;
    for (std::uint32_t slot : sp.kept) {
      if (f.slots[slot].name[0] != '$') names.push_back(f.slots[slot].name);
    }
    out.push_back(names);
  }
  return out;
}

using lists = std::vector<std::vector<std::string>>;

TEST(Lowering, NumbersSuspendStatesAsRustcDoes) {
  auto p = compile_or_fail(in_main(
      "    sleep(Duration::from_millis(1)).await;\n    sleep(Duration::from_millis(2)).await;\n"
      "    sleep(Duration::from_millis(3)).await;"));
  const function_code& main = body(*p, "main");
  ASSERT_EQ(main.suspends.size(), 3u);
  EXPECT_EQ(main.suspends[0].state, 3u);
  EXPECT_EQ(main.suspends[2].state, 5u);
  EXPECT_EQ(main.suspends[1].line, 7u);
}

TEST(Lowering, KeepsWhatIsReadAfterTheAwait) {
  auto p = compile_or_fail(in_main(R"(    let a = 1;
    let b = 2;
    sleep(Duration::from_millis(1)).await;
    println!("{a}");
    sleep(Duration::from_millis(1)).await;)"));
  EXPECT_EQ(kept(body(*p, "main")), (lists{{"a"}, {}}));
}

TEST(Lowering, KeepsAGuardHeldAcrossAnAwaitButNotWhatWasMovedAway) {
  auto p = compile_or_fail(in_main(R"(    let m = tokio::sync::Mutex::new(0);
    let (tx, rx) = mpsc::channel::<u32>(1);
    drop(rx);
    let guard = m.lock().await;
    sleep(Duration::from_millis(1)).await;
    drop(guard);
    drop(tx);)"));
  // At the lock: m (borrowed by the lock), tx (dropped later); rx was moved into drop().
  // At the sleep: the guard and tx, still to drop; m is borrowed by the guard.
  EXPECT_EQ(kept(body(*p, "main")), (lists{{"m", "tx"}, {"m", "tx", "guard"}}));
}

TEST(Lowering, ACopyValuePassedOnIsStillKeptWhenReadLater) {
  auto p = compile_or_fail(in_main(R"(    let d = Duration::from_millis(1);
    sleep(d).await;
    sleep(d).await;)"));
  EXPECT_EQ(kept(body(*p, "main")), (lists{{"d"}, {}}));
}

TEST(Lowering, BindingsOfOneBranchAreNotKeptInTheOther) {
  auto p = compile_or_fail(in_main(R"(    let o: Option<u32> = None;
    if let Some(x) = o {
        sleep(Duration::from_millis(1)).await;
        println!("{x}");
    } else {
        sleep(Duration::from_millis(2)).await;
    })"));
  EXPECT_EQ(kept(body(*p, "main")), (lists{{"x"}, {}}));
}

TEST(Lowering, AnAsyncBlockCapturesWhatItUsesAsItsArguments) {
  auto p = compile_or_fail(in_main(R"(    let n = 5;
    let unused = 6;
    let task = async move {
        sleep(Duration::from_millis(1)).await;
        n + 1
    };
    println!("{} {unused}", task.await);)"));
  const function_code& block = body(*p, "main::{async block#0}");
  ASSERT_EQ(block.params, 1u);
  EXPECT_EQ(block.slots[0].name, "n");
  EXPECT_EQ(kept(block), (lists{{"n"}}));
}

TEST(Lowering, ReportsWhatItCannotResolveInRustcsWords) {
  struct {
    std::string program;
    std::string message;
  } cases[] = {
      {in_main("    let x = y + 1;"), "cannot find value `y` in this scope"},
      {in_main("    frobnicate(1);"), "cannot find function `frobnicate` in this scope"},
      {in_main("    let v = add(1);", "fn add(a: u32, b: u32) -> u32 {\n    a + b\n}\n"),
       "this function takes 2 arguments but 1 argument was supplied"},
      {in_main("    let p = Point { x: 1 };", "struct Point {\n    x: u32,\n    y: u32,\n}\n"),
       "missing field `y` in initializer of `Point`"},
      {in_main("    break;"), "`break` outside of a loop"},
      {in_main("    println!(\"{} {}\", 1);"),
       "2 positional arguments in format string, but there is 1 argument"},
      {in_main("    println!(\"{}\", 1, 2);"), "argument never used"},
      {in_main("    println!(\"{:x}\", 1);"),
       "invalid format string: `{:x}` is not a format this subset knows (`{}`, `{:?}`, `{name}`, "
       "`{:>8}`, `{:05}`)"},
  };
  for (const auto& c : cases) {
    diagnostics problems;
    EXPECT_EQ(compile_program("main.rs", c.program, problems), nullptr) << c.program;
    ASSERT_FALSE(problems.all().empty()) << c.program;
    EXPECT_EQ(problems.all()[0].message, c.message) << c.program;
  }
}

// Every error of a program, by message.
std::vector<std::string> errors_of(const std::string& text) {
  diagnostics problems;
  compile_program("main.rs", text, problems);
  std::vector<std::string> out;
  for (const diagnostic& d : problems.all()) {
    if (d.severity == severity::error) out.push_back(d.message);
  }
  return out;
}

TEST(Lowering, FindsAUseAfterMoveBeforeTheRun) {
  using messages = std::vector<std::string>;
  EXPECT_EQ(errors_of(in_main("    let s = String::from(\"a\");\n    let t = s;\n"
                              "    println!(\"{s} {t}\");")),
            messages{"borrow of moved value: `s`"});
  EXPECT_EQ(errors_of(in_main("    let (tx, rx) = mpsc::channel::<u32>(1);\n    drop(tx);\n"
                              "    tx.send(1).await.unwrap();\n    drop(rx);")),
            messages{"borrow of moved value: `tx`"});
  // Moved into a task in the first turn of a loop, gone in the second.
  EXPECT_EQ(errors_of(in_main("    let (tx, _rx) = mpsc::channel::<u32>(1);\n    for _ in 0..2 {\n"
                              "        tokio::spawn(async move {\n"
                              "            tx.send(1).await.unwrap();\n        });\n    }")),
            messages{"use of moved value: `tx`"});
  // Moved on one path only: still an error, as rustc says.
  EXPECT_EQ(errors_of(in_main("    let h = tokio::spawn(async {});\n    let flag = true;\n"
                              "    if flag {\n        drop(h);\n    }\n    h.await.unwrap();")),
            messages{"use of moved value: `h`"});
}

TEST(Lowering, ACopyValueOrABindingOfNothingIsNotMoved) {
  EXPECT_TRUE(errors_of(in_main("    let d = Duration::from_millis(1);\n    sleep(d).await;\n"
                                "    sleep(d).await;"))
                  .empty());
  EXPECT_TRUE(errors_of(in_main("    let s = String::from(\"a\");\n    let _ = s;\n"
                                "    println!(\"{s}\");"))
                  .empty());
  // A moved local given a new value is usable again.
  EXPECT_TRUE(errors_of(in_main("    let mut s = String::from(\"a\");\n    drop(s);\n"
                                "    s = String::from(\"b\");\n    println!(\"{s}\");"))
                  .empty());
}

TEST(Lowering, ABodyTooLargeToAnalyseIsAnErrorNotAHang) {
  std::string body;
  for (int i = 0; i < 6000; ++i)
    body += "    let v" + std::to_string(i) + " = " + std::to_string(i) + ";\n";
  const std::vector<std::string> found = errors_of(in_main(body));
  ASSERT_EQ(found.size(), 1u);
  EXPECT_NE(found[0].find("`main` is too large to compile here"), std::string::npos) << found[0];
}

TEST(Lowering, WarnsOfAFutureThatIsNeverAwaited) {
  const std::string items = "async fn job() {}\n";
  diagnostics problems;
  auto p = compile_program("main.rs",
                           in_main("    job();\n    sleep(Duration::from_millis(1));\n"
                                   "    job().await;\n    let _kept = job();",
                                   items),
                           problems);
  ASSERT_NE(p, nullptr) << "a warning does not stop a program";
  ASSERT_EQ(problems.all().size(), 2u);
  for (const diagnostic& d : problems.all()) {
    EXPECT_EQ(d.severity, severity::warning);
    EXPECT_EQ(d.message, "unused implementer of `Future` that must be used");
    EXPECT_EQ(d.label, "futures do nothing unless you `.await` or poll them");
  }
}

}  // namespace
