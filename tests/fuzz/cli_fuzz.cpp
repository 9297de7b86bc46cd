// Fuzzes the command line's argument parser (parse_cli_args, examples/cli/cli_args.hpp) with an
// argv built from the input: the commands, the flags, example ids and strategy names from the
// registry, `--set name=value` with real names and values near their ranges, and any bytes.
// A refusal must name its problem, and a parsed command must read back the same from the
// arguments that spell it. A parsed `run` is checked, and run unless it asks for the real clock
// or the `trap` example, for at most max_fuzz_events events; its trace is then written in its
// format to a string, as the CLI writes it, so the writers get fuzzed too. No file is opened:
// the parser only returns the `--out` path. A usage_error is an answer; a crash, a sanitizer
// report, a leak, a hang or any other exception is a bug. Each seed in
// tests/fuzz/corpus/cli_fuzz/ is named after the command line its bytes choose.
#include <fuzzer/FuzzedDataProvider.h>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "cli_args.hpp"
#include "registry.hpp"
#include "runner.hpp"
#include "sliced_run.hpp"
#include "trace/chrome_writer.hpp"
#include "trace/ndjson_writer.hpp"

namespace {

using namespace wakeline;
using namespace wakeline::examples;

constexpr const char* flags[] = {"--strategy",     "--set",   "--seed",   "--budget",
                                 "--memory-limit", "--clock", "--format", "--out"};

// Any bytes, empty and odd ones included; a NUL ends the argument, as in a real argv.
std::string any_text(FuzzedDataProvider& in) { return in.ConsumeRandomLengthString(24); }

const example& any_example(FuzzedDataProvider& in) {
  const std::vector<const example*>& all = all_examples();
  return *all[in.ConsumeIntegralInRange<std::size_t>(0, all.size() - 1)];
}

std::string strategy_text(FuzzedDataProvider& in) {
  switch (in.ConsumeIntegralInRange(0, 3)) {
    case 0:
      return any_text(in);
    default: {
      const auto k = in.ConsumeIntegralInRange(0, static_cast<int>(last_strategy_kind));
      return std::string(to_string(static_cast<strategy_kind>(k)));
    }
  }
}

// `name=value`: a parameter of the example or a setting of any strategy, or a made-up name, with
// a value near its range, a boolean word, or any bytes; sometimes no `=`, or nothing before it.
std::string setting_text(FuzzedDataProvider& in, const example& e) {
  std::vector<param_spec> specs = e.params;
  for (int k = 0; k <= static_cast<int>(last_strategy_kind); ++k) {
    for (const strategy_setting& s : settings_of(static_cast<strategy_kind>(k))) {
      specs.push_back(as_param(s));
    }
  }
  const bool made_up = specs.empty() || in.ConsumeIntegralInRange(0, 7) == 0;
  const param_spec* spec =
      made_up ? nullptr : &specs[in.ConsumeIntegralInRange<std::size_t>(0, specs.size() - 1)];
  std::string name = spec != nullptr ? spec->name : any_text(in);
  std::string value;
  switch (in.ConsumeIntegralInRange(0, 4)) {
    case 0:
    case 1:
      if (spec != nullptr) {
        value =
            std::to_string(in.ConsumeIntegralInRange<std::int64_t>(spec->min - 2, spec->max + 2));
        break;
      }
      [[fallthrough]];
    case 2:
      value = in.PickValueInArray({"true", "false", "0", "1", "-0", "+1", "", " 1", "1e3"});
      break;
    default:
      value = any_text(in);
  }
  switch (in.ConsumeIntegralInRange(0, 15)) {
    case 0:
      return name;  // No '='.
    case 1:
      return "=" + value;  // No name.
    default:
      return name + "=" + value;
  }
}

// A count as `--seed`, `--budget` or `--memory-limit` may get it: in range, at the edges of
// parse_unsigned, or not a number.
std::string count_text(FuzzedDataProvider& in) {
  switch (in.ConsumeIntegralInRange(0, 4)) {
    case 0:
      return std::to_string(in.ConsumeIntegralInRange<std::int64_t>(-2, 30'000));
    case 1:
      return std::to_string(in.ConsumeIntegral<std::uint64_t>());
    case 2:
      return in.PickValueInArray({"0", "1", "-1", "-0", "+1", "", " 1", "1 ", "0x10", "1e3", "4096",
                                  "268435456", "9223372036854775807", "9223372036854775808",
                                  "18446744073709551615", "18446744073709551616"});
    default:
      return any_text(in);
  }
}

// A value that suits `flag` most of the time, any bytes otherwise.
std::string value_for(FuzzedDataProvider& in, std::string_view flag, const example& e) {
  if (in.ConsumeIntegralInRange(0, 7) == 0) return any_text(in);
  if (flag == "--strategy") return strategy_text(in);
  if (flag == "--set") return setting_text(in, e);
  if (flag == "--clock") return in.PickValueInArray({"virtual", "real", "Virtual", ""});
  if (flag == "--format") return in.PickValueInArray({"ndjson", "chrome", "json", ""});
  if (flag == "--out") return any_text(in);
  return count_text(in);
}

// An argv, argv[0] included: a command (most often `run` and an example id), then options,
// some of them malformed, misplaced or missing their value.
std::vector<std::string> fuzzed_args(FuzzedDataProvider& in) {
  std::vector<std::string> args = {"wakeline"};
  switch (in.ConsumeIntegralInRange(0, 7)) {
    case 0:
      return args;  // No command.
    case 1:
      args.push_back(in.PickValueInArray({"list", "strategies", "--help", "-h", "help"}));
      break;
    case 2:
      args.push_back(any_text(in));
      break;
    default:
      args.emplace_back("run");
  }
  const example& e = any_example(in);
  switch (in.ConsumeIntegralInRange(0, 7)) {
    case 0:
      break;  // No example id.
    case 1:
      args.push_back(any_text(in));
      break;
    default:
      args.push_back(e.id);
  }
  const int options = in.ConsumeIntegralInRange(0, 10);
  for (int i = 0; i < options; ++i) {
    const std::size_t pick = in.ConsumeIntegralInRange<std::size_t>(0, std::size(flags) + 1);
    const std::string flag = pick < std::size(flags)    ? flags[pick]
                             : pick == std::size(flags) ? any_text(in)
                                                        : "run";
    args.push_back(flag);
    if (in.ConsumeIntegralInRange(0, 15) != 0) args.push_back(value_for(in, flag, e));
  }
  return args;
}

// The arguments after the program's name that spell `command`, options in a fixed order.
std::vector<std::string> spelled(const cli_command& command) {
  const run_request& r = command.request;
  std::vector<std::string> args = {"run", r.example};
  if (!r.strategy.empty()) args.insert(args.end(), {"--strategy", r.strategy});
  for (const auto& [name, value] : r.settings)
    args.insert(args.end(), {"--set", name + "=" + value});
  args.insert(args.end(), {"--seed", std::to_string(r.seed), "--budget", std::to_string(r.budget),
                           "--memory-limit", std::to_string(r.memory_limit), "--clock",
                           r.clock == clock_kind::real_time ? "real" : "virtual", "--format",
                           command.format == trace_format::chrome ? "chrome" : "ndjson"});
  if (!command.out_path.empty()) args.insert(args.end(), {"--out", command.out_path});
  return args;
}

bool same_run(const cli_command& a, const cli_command& b) {
  const run_request& x = a.request;
  const run_request& y = b.request;
  return a.action == b.action && x.example == y.example && x.strategy == y.strategy &&
         x.settings == y.settings && x.seed == y.seed && x.budget == y.budget &&
         x.memory_limit == y.memory_limit && x.clock == y.clock && a.format == b.format &&
         a.out_path == b.out_path;
}

// NDJSON lines parsed per trace: nlohmann's parser takes ten times as long per line as the writer,
// so a long trace gets its header, its last line and an even sample of the rest parsed.
constexpr std::size_t max_parsed_lines = 1000;

// The trace as the CLI writes it, and a check that what it wrote is JSON.
void write_and_check(const cli_command& command, const run_result& result) {
  std::ostringstream out;
  if (command.format == trace_format::chrome) {
    write_chrome_trace(out, result.header, result.rt->trace());
    if (!nlohmann::json::accept(out.str())) fuzz::fuzz_failure("a Chrome trace that is not JSON");
    return;
  }
  write_ndjson(out, result.header, result.rt->trace());
  const std::string text = out.str();
  const std::size_t expected_lines = result.rt->trace().events().size() + 1;
  if (text.empty() || text.back() != '\n') {
    fuzz::fuzz_failure("an NDJSON trace without its last newline");
  }
  const std::size_t stride = expected_lines / max_parsed_lines + 1;
  std::size_t lines = 0;
  for (std::size_t begin = 0; begin < text.size(); ++lines) {
    const std::size_t end = text.find('\n', begin);
    const bool parsed = lines % stride == 0 || end + 1 == text.size();
    if (parsed && !nlohmann::json::accept(std::string_view(text).substr(begin, end - begin))) {
      fuzz::fuzz_failure("an NDJSON line that is not JSON");
    }
    begin = end + 1;
  }
  if (lines != expected_lines) {
    fuzz::fuzz_failure("an NDJSON trace without one line per event after its header");
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  FuzzedDataProvider in(data, size);
  const cli_flavour flavour{.real_clock = in.ConsumeBool()};
  const std::vector<std::string> args = fuzzed_args(in);
  std::vector<const char*> argv;
  for (const std::string& arg : args) argv.push_back(arg.c_str());
  argv.push_back(nullptr);

  const cli_command command = parse_cli_args(static_cast<int>(args.size()), argv.data(), flavour);
  if (command.action == cli_action::refuse) {
    if (command.problem.empty()) fuzz::fuzz_failure("a refusal without a message");
    return 0;
  }
  if (!command.problem.empty())
    fuzz::fuzz_failure("a command that is no refusal carries a problem");
  if (command.action != cli_action::run) return 0;
  if (command.request.clock == clock_kind::real_time && !flavour.real_clock) {
    fuzz::fuzz_failure("the real clock in a flavour without it");
  }
  const std::vector<std::string> again = spelled(command);
  const std::vector<std::string_view> again_views(again.begin(), again.end());
  if (!same_run(parse_cli_args(again_views, flavour), command)) {
    fuzz::fuzz_failure("a run command reads back differently from the arguments that spell it");
  }

  std::optional<checked_run> checked;
  try {
    checked.emplace(check_request(command.request));
  } catch (const usage_error& error) {
    if (std::string(error.what()).empty()) fuzz::fuzz_failure("a usage error without a message");
    return 0;
  }
  // The real clock is only checked, never run: its runs sleep for real.
  if (command.request.clock == clock_kind::real_time || !fuzz::runs_natively(*checked->e)) return 0;
  checked->request.budget = std::min(checked->request.budget, fuzz::max_fuzz_events);
  checked->header.budget = checked->request.budget;
  const run_result result = execute(*checked);
  if (result.rt->trace().events().empty()) fuzz::fuzz_failure("a run recorded nothing");
  write_and_check(command, result);
  return 0;
}
