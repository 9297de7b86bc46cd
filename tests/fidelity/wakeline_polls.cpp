// Prints every task poll of each fidelity scenario run on Wakeline's `local` runtime, one
// NDJSON line per poll, read from the trace's poll_end events:
// {"scenario":..,"t":ns,"task":n,"result":"pending"|"ready"} — the format of the Tokio program
// in tests/fidelity/tokio. With scenario names as arguments, runs only those.
#include <algorithm>
#include <cstdio>
#include <exception>
#include <string_view>
#include <vector>

#include "scenarios/scenarios.hpp"
#include "wakeline.hpp"

int main(int argc, char** argv) {
  using namespace wakeline;
  std::vector<std::string_view> only(argv + 1, argv + argc);
  int failures = 0;
  for (const fidelity::scenario& s : fidelity::scenarios()) {
    if (!only.empty() && std::find(only.begin(), only.end(), s.name) == only.end()) continue;
    runtime rt;
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
