// Fuzzes the command line's text inputs: `--set name=value` settings, `--seed` and `--budget`
// (read by the CLI's own parse_unsigned, examples/cli/cli_args.hpp), through check_request and
// a run of at most max_fuzz_events events. The input picks an example and a strategy from the
// registry, then names (real or made up) and values (near the ranges, or any bytes). A
// usage_error is an answer; a crash, a sanitizer report, a leak, a hang or any other exception
// is a bug. tests/fuzz/cli_fuzz.cpp fuzzes the whole command line around these.
#include <fuzzer/FuzzedDataProvider.h>

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "cli_args.hpp"
#include "registry.hpp"
#include "runner.hpp"
#include "sliced_run.hpp"

namespace {

using namespace wakeline;
using namespace wakeline::examples;

// A value as text: a number near the parameter's range, a boolean word, or arbitrary bytes.
std::string value_text(FuzzedDataProvider& in, const std::optional<param_spec>& spec) {
  switch (in.ConsumeIntegralInRange(0, 3)) {
    case 0:
      if (spec) {
        return std::to_string(
            in.ConsumeIntegralInRange<std::int64_t>(spec->min - 2, spec->max + 2));
      }
      [[fallthrough]];
    case 1:
      return std::to_string(in.ConsumeIntegral<std::int64_t>());
    case 2:
      return in.PickValueInArray({"true", "false", "0", "1", "-0", "+1", "", " 1", "1e3"});
    default:
      return in.ConsumeRandomLengthString(24);
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  FuzzedDataProvider in(data, size);
  const std::vector<const example*>& all = all_examples();
  run_request request;
  const example& e = *all[in.ConsumeIntegralInRange<std::size_t>(0, all.size() - 1)];
  request.example = in.ConsumeBool() ? e.id : in.ConsumeRandomLengthString(16);
  switch (in.ConsumeIntegralInRange(0, 3)) {
    case 0:
      break;  // The example's first strategy.
    case 1:
      request.strategy = in.ConsumeRandomLengthString(24);
      break;
    default:
      request.strategy =
          e.strategies[in.ConsumeIntegralInRange<std::size_t>(0, e.strategies.size() - 1)];
  }
  const strategy_kind strategy =
      parse_strategy(request.strategy.empty() ? e.strategies.front() : request.strategy)
          .value_or(strategy_kind::local);

  // Names the example or the strategy knows, and made-up ones.
  std::vector<std::string> names;
  for (const param_spec& p : e.params) names.push_back(p.name);
  for (const strategy_setting& s : settings_of(strategy)) names.emplace_back(s.name);
  const int count = in.ConsumeIntegralInRange(0, 6);
  for (int i = 0; i < count; ++i) {
    std::string name = names.empty() || in.ConsumeIntegralInRange(0, 7) == 0
                           ? in.ConsumeRandomLengthString(16)
                           : names[in.ConsumeIntegralInRange<std::size_t>(0, names.size() - 1)];
    std::string value = value_text(in, find_setting(e, strategy, name));
    request.settings.emplace_back(std::move(name), std::move(value));
  }
  const std::string seed = in.ConsumeBool() ? std::to_string(in.ConsumeIntegral<std::uint64_t>())
                                            : in.ConsumeRandomLengthString(24);
  const std::string budget =
      in.ConsumeBool() ? std::to_string(in.ConsumeIntegralInRange<std::int64_t>(-2, 30'000))
                       : in.ConsumeRandomLengthString(24);
  // The real clock is only checked, never run: its runs sleep for real.
  const bool real_clock = in.ConsumeIntegralInRange(0, 7) == 0;
  if (real_clock) request.clock = clock_kind::real_time;

  std::optional<std::uint64_t> parsed_seed = parse_unsigned(seed);
  std::optional<std::uint64_t> parsed_budget = parse_unsigned(budget);
  if (!parsed_seed || !parsed_budget || *parsed_budget == 0) return 0;  // The CLI stops here.
  request.seed = *parsed_seed;
  request.budget = *parsed_budget;

  std::optional<checked_run> checked;
  try {
    checked.emplace(check_request(request));
  } catch (const usage_error& error) {
    if (std::string(error.what()).empty()) fuzz::fuzz_failure("a usage error without a message");
    return 0;
  }
  if (real_clock || !fuzz::runs_natively(*checked->e)) return 0;
  checked->request.budget = std::min(checked->request.budget, fuzz::max_fuzz_events);
  run_result result = execute(*checked);
  if (result.rt->trace().events().empty()) fuzz::fuzz_failure("a run recorded nothing");
  return 0;
}
