// The runtime's micro-benchmarks without Google Benchmark, so the same workloads
// (workloads.hpp) run natively and in WebAssembly under node. For each workload, trace off and
// on, it runs one warm-up and then N timed repetitions, and prints one JSON line:
//   {"name":"BM_SpawnJoin/trace:0","ops":10000,"reps":5,"median_ns":95.1,"min_ns":93.8,"digest":...}
// where median_ns and min_ns are wall-clock (steady_clock) nanoseconds per operation, and digest
// is what one run returned (event count plus virtual time): equal natively and in wasm.
// Usage: micro_bench [--reps N] [--filter SUBSTRING] [--list]
// --list prints the names that --filter selects, one a line, and runs nothing.
#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "workloads.hpp"

namespace {

struct options {
  int reps = 5;
  std::string filter;
  bool list = false;
};

bool parse(int argc, char** argv, options& out) {
  for (int i = 1; i < argc; ++i) {
    const std::string_view arg = argv[i];
    if (arg == "--reps" && i + 1 < argc) {
      out.reps = std::atoi(argv[++i]);
      if (out.reps < 1) return false;
    } else if (arg == "--filter" && i + 1 < argc) {
      out.filter = argv[++i];
    } else if (arg == "--list") {
      out.list = true;
    } else {
      return false;
    }
  }
  return true;
}

// Nanoseconds per operation of one run; `digest` is set to what the run returned.
double time_one(const wakeline::bench::workload& w, bool trace, std::uint64_t& digest) {
  const auto start = std::chrono::steady_clock::now();
  digest = w.run(w.size, trace);
  const auto elapsed = std::chrono::steady_clock::now() - start;
  return static_cast<double>(
             std::chrono::duration_cast<std::chrono::nanoseconds>(elapsed).count()) /
         w.size;
}

double median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  const std::size_t n = v.size();
  return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

}  // namespace

int main(int argc, char** argv) {
  options opts;
  if (!parse(argc, argv, opts)) {
    std::fprintf(stderr, "usage: micro_bench [--reps N] [--filter SUBSTRING] [--list]\n");
    return 2;
  }
  for (const auto& w : wakeline::bench::workloads) {
    for (const bool trace : {false, true}) {
      const std::string name = std::string(w.name) + (trace ? "/trace:1" : "/trace:0");
      if (name.find(opts.filter) == std::string::npos) continue;
      if (opts.list) {
        std::printf("%s\n", name.c_str());
        continue;
      }
      std::uint64_t digest = 0;
      time_one(w, trace, digest);  // Warm-up: page in the heap and the frame pool.
      std::vector<double> per_op;
      for (int r = 0; r < opts.reps; ++r) per_op.push_back(time_one(w, trace, digest));
      std::printf(
          "{\"name\":\"%s\",\"ops\":%d,\"reps\":%d,\"median_ns\":%.3f,\"min_ns\":%.3f,"
          "\"digest\":%llu}\n",
          name.c_str(), w.size, opts.reps, median(per_op),
          *std::min_element(per_op.begin(), per_op.end()), static_cast<unsigned long long>(digest));
      std::fflush(stdout);
    }
  }
  return 0;
}
