// Prints every task poll of each fidelity scenario run on a Wakeline runtime, one NDJSON line per
// poll, read from the trace's poll_end events:
// {"scenario":..,"t":ns,"task":n,"result":"pending"|"ready"} — the format of the Tokio program
// in tests/fidelity/tokio. Usage: wakeline_polls [--strategy NAME] [SCENARIO...]; the strategy
// is `local` unless named, and with scenario names only those run.
#include <algorithm>
#include <cstdio>
#include <exception>
#include <optional>
#include <string_view>
#include <vector>

#include "scenarios/scenarios.hpp"
#include "wakeline.hpp"

int main(int argc, char** argv) {
  using namespace wakeline;
  std::vector<std::string_view> only;
  strategy_kind strategy = strategy_kind::local;
  for (int i = 1; i < argc; ++i) {
    std::string_view arg = argv[i];
    if (arg == "--strategy" && i + 1 < argc) {
      std::optional<strategy_kind> kind = parse_strategy(argv[++i]);
      if (!kind) {
        std::fprintf(stderr, "wakeline_polls: unknown strategy '%s'\n", argv[i]);
        return 2;
      }
      strategy = *kind;
    } else {
      only.push_back(arg);
    }
  }
  int failures = 0;
  std::vector<fidelity::scenario> all(fidelity::scenarios().begin(), fidelity::scenarios().end());
  all.insert(all.end(), fidelity::primitive_scenarios().begin(),
             fidelity::primitive_scenarios().end());
  for (const fidelity::scenario& s : all) {
    if (!only.empty() && std::find(only.begin(), only.end(), s.name) == only.end()) continue;
    runtime rt(runtime_options{.strategy = strategy});
    try {
      rt.block_on(s.root(), "main");
    } catch (const std::exception& e) {
      std::fprintf(stderr, "wakeline_polls: scenario %.*s failed: %s\n",
                   static_cast<int>(s.name.size()), s.name.data(), e.what());
      ++failures;
    }
    for (const trace_event& e : rt.trace().events()) {
      if (e.kind != event_kind::poll_end) continue;
      std::printf("{\"scenario\":\"%.*s\",\"t\":%llu,\"task\":%u,\"result\":\"%s\"}\n",
                  static_cast<int>(s.name.size()), s.name.data(),
                  static_cast<unsigned long long>(e.t), e.task,
                  to_string(static_cast<poll_result>(e.detail)));
    }
  }
  return failures == 0 ? 0 : 1;
}
