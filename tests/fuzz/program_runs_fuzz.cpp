// Runs random valid programs of the language: the input writes a program from a grammar of
// tasks that sleep, yield, send on a channel, hold a lock across an await, select!, join!,
// compute and print, then picks a strategy, a seed and a step at which the run is cancelled or
// dropped. Every program it writes must compile; a run in slices, like the JavaScript API's, must
// give the same trace, event for event, as the same run in one go. Panics (an overflow the
// arithmetic reaches) end their task as in Rust; nothing may crash the host.
#include <fuzzer/FuzzedDataProvider.h>

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>

#include "runner.hpp"
#include "sliced_run.hpp"

namespace {

using namespace wakeline;
using namespace wakeline::examples;

std::string number(FuzzedDataProvider& in, int max) {
  return std::to_string(in.ConsumeIntegralInRange(0, max));
}

// One statement of a task's body; `depth` bounds the nesting of loops and branches.
std::string statement(FuzzedDataProvider& in, int depth, const std::string& indent) {
  const int choices = depth > 1 ? 9 : 12;
  switch (in.ConsumeIntegralInRange(0, choices - 1)) {
    case 0:
      return indent + "sleep(Duration::from_millis(" + number(in, 20) + ")).await;\n";
    case 1:
      return indent + "yield_now().await;\n";
    case 2:
      return indent + "let _ = tx.send(acc).await;\n";
    case 3:
      return indent + "{\n" + indent + "    let mut held = lock.lock().await;\n" + indent +
             "    *held += 1;\n" + indent + "    sleep(Duration::from_millis(" + number(in, 5) +
             ")).await;\n" + indent + "}\n";
    case 4:
      return indent + "acc = acc * " + number(in, 9) + " + " + number(in, 1000) + ";\n";
    case 5:
      return indent + "work(Duration::from_micros(" + number(in, 3000) + "));\n";
    case 6:
      return indent + "tokio::select! {\n" + indent + "    biased;\n" + indent +
             "    _ = sleep(Duration::from_millis(" + number(in, 10) + ")) => acc += 1,\n" +
             indent + "    _ = yield_now() => acc += 2,\n" + indent + "}\n";
    case 7:
      return indent + "tokio::join!(sleep(Duration::from_millis(" + number(in, 10) +
             ")), yield_now());\n";
    case 8:
      return indent + "println!(\"task {id}: {acc}\");\n";
    case 9:
      return indent + "for _ in 0.." + number(in, 3) + " {\n" +
             statement(in, depth + 1, indent + "    ") + indent + "}\n";
    case 10:
      return indent + "if acc % 2 == 0 {\n" + statement(in, depth + 1, indent + "    ") + indent +
             "} else {\n" + statement(in, depth + 1, indent + "    ") + indent + "}\n";
    default:
      return indent + "match acc % 3 {\n" + indent + "    0 => {\n" +
             statement(in, depth + 1, indent + "        ") + indent + "    }\n" + indent +
             "    _ => acc += 1,\n" + indent + "}\n";
  }
}

std::string program(FuzzedDataProvider& in) {
  std::string text =
      "use std::sync::Arc;\nuse std::time::Duration;\nuse tokio::sync::{mpsc, Mutex};\n"
      "use tokio::task::yield_now;\nuse tokio::time::sleep;\n\n";
  const int tasks = in.ConsumeIntegralInRange(1, 4);
  for (int k = 0; k < tasks; ++k) {
    text += "async fn task" + std::to_string(k) +
            "(id: u64, tx: mpsc::Sender<u64>, lock: Arc<Mutex<u64>>) -> u64 {\n"
            "    let mut acc: u64 = id;\n";
    const int statements = in.ConsumeIntegralInRange(1, 6);
    for (int s = 0; s < statements; ++s) text += statement(in, 0, "    ");
    text += "    let _ = &lock;\n    acc\n}\n\n";
  }
  text += "#[tokio::main]\nasync fn main() {\n    let (tx, mut rx) = mpsc::channel::<u64>(" +
          std::to_string(in.ConsumeIntegralInRange(1, 3)) +
          ");\n    let lock = Arc::new(Mutex::new(0));\n";
  for (int k = 0; k < tasks; ++k) {
    const std::string n = std::to_string(k);
    text +=
        "    let h" + n + " = tokio::spawn(task" + n + "(" + n + ", tx.clone(), lock.clone()));\n";
  }
  if (in.ConsumeBool()) text += "    h0.abort();\n";
  text +=
      "    drop(tx);\n    let mut total: u64 = 0;\n"
      "    while let Some(v) = rx.recv().await {\n        total += v % 1000;\n    }\n";
  for (int k = 0; k < tasks; ++k) {
    text += "    if let Ok(v) = h" + std::to_string(k) +
            ".await {\n        total += v % 1000;\n    }\n";
  }
  text += "    println!(\"total {total}\");\n}\n";
  return text;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  FuzzedDataProvider in(data, size);
  static const char* const strategies[] = {"local", "tokio-current-thread", "tokio-multi-thread",
                                           "smol", "embassy"};
  run_request request;
  request.is_program = true;
  request.program_name = "main.rs";
  request.strategy = in.PickValueInArray(strategies);
  request.seed = in.ConsumeIntegral<std::uint64_t>();
  request.budget = in.ConsumeIntegralInRange<std::uint64_t>(1, fuzz::max_fuzz_events);
  request.program_text = program(in);

  std::optional<checked_run> checked;
  try {
    checked.emplace(check_request(request));
  } catch (const usage_error& error) {
    std::fprintf(stderr, "%s\n%s\n", request.program_text.c_str(), error.what());
    fuzz::fuzz_failure("a program of the grammar does not compile");
  }
  auto stop = in.PickValueInArray(
      {fuzz::stop_kind::at_end, fuzz::stop_kind::cancel, fuzz::stop_kind::drop});
  auto stop_step = in.ConsumeIntegralInRange<std::uint64_t>(0, 3000);
  std::optional<run_result> result = fuzz::run_sliced(*checked, stop, stop_step, in, 512);
  if (!result) return 0;
  fuzz::check_ended_run(*checked, stop, *result);
  return 0;
}
