// Drives random valid runs: the input picks an example, one of its strategies, a value in range
// for each parameter and strategy setting, a seed, and a step at which the run is cancelled or
// dropped. Runs go through start and resume in slices, like the JavaScript API's. A run left to
// its end must have a trace that begins with runtime_start, ends with a runtime_end carrying its
// outcome, and matches event for event the trace of the same run made in one go.
#include <fuzzer/FuzzedDataProvider.h>

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "registry.hpp"
#include "runner.hpp"
#include "sliced_run.hpp"

namespace {

using namespace wakeline;
using namespace wakeline::examples;

// A value in the parameter's range, as `--set` text; its ends and its default come up often.
std::string value_in_range(FuzzedDataProvider& in, const param_spec& spec) {
  std::int64_t value = 0;
  switch (in.ConsumeIntegralInRange(0, 4)) {
    case 0:
      value = spec.min;
      break;
    case 1:
      value = spec.max;
      break;
    case 2:
      value = spec.default_value;
      break;
    default:
      value = in.ConsumeIntegralInRange(spec.min, spec.max);
  }
  if (spec.type == param_type::boolean) return value != 0 ? "true" : "false";
  return std::to_string(value);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  FuzzedDataProvider in(data, size);
  static const std::vector<const example*> runnable = [] {
    std::vector<const example*> list;
    for (const example* e : all_examples()) {
      if (fuzz::runs_natively(*e)) list.push_back(e);
    }
    return list;
  }();
  const example& e = *runnable[in.ConsumeIntegralInRange<std::size_t>(0, runnable.size() - 1)];
  run_request request;
  request.example = e.id;
  request.strategy =
      e.strategies[in.ConsumeIntegralInRange<std::size_t>(0, e.strategies.size() - 1)];
  const strategy_kind strategy = *parse_strategy(request.strategy);
  for (const param_spec& p : e.params) {
    if (in.ConsumeBool()) request.settings.emplace_back(p.name, value_in_range(in, p));
  }
  for (const strategy_setting& s : settings_of(strategy)) {
    if (in.ConsumeBool())
      request.settings.emplace_back(std::string(s.name), value_in_range(in, as_param(s)));
  }
  request.seed = in.ConsumeIntegral<std::uint64_t>();
  request.budget = in.ConsumeIntegralInRange<std::uint64_t>(1, fuzz::max_fuzz_events);

  std::optional<checked_run> checked;
  try {
    checked.emplace(check_request(request));
  } catch (const usage_error&) {
    fuzz::fuzz_failure("a request of values in range was refused");
  }
  auto stop = in.PickValueInArray(
      {fuzz::stop_kind::at_end, fuzz::stop_kind::cancel, fuzz::stop_kind::drop});
  auto stop_step = in.ConsumeIntegralInRange<std::uint64_t>(0, 3000);
  std::optional<run_result> result = fuzz::run_sliced(*checked, stop, stop_step, in, 512);
  if (!result) return 0;

  fuzz::check_ended_run(*checked, stop, *result);
  return 0;
}
