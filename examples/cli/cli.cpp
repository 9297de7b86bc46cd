#include "cli.hpp"

#include <cstring>
#include <fstream>
#include <iostream>
#include <string>
#include <string_view>

#include "registry.hpp"
#include "runner.hpp"
#include "trace/chrome_writer.hpp"

namespace {

using namespace wakeline;
using namespace wakeline::examples;

constexpr const char* usage_text = R"(usage:
  wakeline list
  wakeline strategies
  wakeline run EXAMPLE [--strategy NAME] [--set name=value]... [--seed N] [--budget N]
                       [--memory-limit BYTES] [--clock virtual|real] [--format ndjson|chrome]
                       [--out FILE]
  wakeline --help

Runs one of Wakeline's example programs on the async runtime and prints its scheduler trace:
NDJSON (one event per line, docs/trace-format.md) or Chrome trace JSON for Perfetto.

  --strategy NAME    scheduling strategy (default: the example's first, local for most)
  --set name=value   set an example parameter ('wakeline list') or a setting of the
                     strategy ('wakeline strategies'); repeatable
  --seed N           seed for the example's random choices (default: 0)
  --budget N         stop after N events with outcome budget_exhausted (default: 1000000)
  --memory-limit N   stop with outcome memory_exhausted once the program holds more than N
                     bytes of task frames and trace (default: 268435456, 256 MiB; 0: none)
  --clock KIND       virtual (default: time jumps to the next deadline) or real
  --format FORMAT    ndjson (default) or chrome
  --out FILE         write the trace to FILE instead of stdout

Exit status: 0 when the run completed, 1 when it ended otherwise (deadlock, budget, memory, failure),
2 on bad usage.
)";

int fail_usage(const std::string& message) {
  std::cerr << "wakeline: " << message << '\n';
  return 2;
}

// One `--set` line of a listing: name, default, range, description.
void print_setting(const param_spec& p) {
  std::cout << "    --set " << p.name << "=";
  if (p.type == param_type::boolean) {
    std::cout << (p.default_value ? "true" : "false") << "  (true|false)";
  } else {
    std::cout << p.default_value << "  (" << p.min << ".." << p.max << ")";
  }
  std::cout << "  " << p.description << '\n';
}

void list_examples() {
  for (const example* e : all_examples()) {
    if (!e->listed) continue;
    std::cout << e->id << "  [" << e->topic << "]  " << e->title << '\n';
    for (const param_spec& p : e->params) print_setting(p);
  }
}

void list_strategies() {
  for (int k = 0; k <= static_cast<int>(last_strategy_kind); ++k) {
    auto kind = static_cast<strategy_kind>(k);
    std::cout << to_string(kind) << '\n';
    for (const strategy_setting& s : settings_of(kind)) print_setting(as_param(s));
  }
}

std::optional<std::uint64_t> parse_unsigned(std::string_view text) {
  auto value = parse_integer(text);
  if (!value || *value < 0) return std::nullopt;
  return static_cast<std::uint64_t>(*value);
}

int run(int argc, char** argv, const cli_flavour& flavour) {
  run_request request;
  request.example = argv[2];
  std::string format = "ndjson";
  std::string out_path;
  for (int i = 3; i < argc; ++i) {
    std::string_view flag = argv[i];
    if (i + 1 >= argc) return fail_usage("option " + std::string(flag) + " needs a value");
    std::string value = argv[++i];
    if (flag == "--strategy") {
      request.strategy = value;
    } else if (flag == "--set") {
      auto eq = value.find('=');
      if (eq == std::string::npos || eq == 0) {
        return fail_usage("--set takes name=value, not '" + value + "'");
      }
      request.settings.emplace_back(value.substr(0, eq), value.substr(eq + 1));
    } else if (flag == "--seed") {
      auto seed = parse_unsigned(value);
      if (!seed) return fail_usage("--seed takes a non-negative integer, not '" + value + "'");
      request.seed = *seed;
    } else if (flag == "--budget") {
      auto budget = parse_unsigned(value);
      if (!budget || *budget == 0) {
        return fail_usage("--budget takes a positive integer, not '" + value + "'");
      }
      request.budget = *budget;
    } else if (flag == "--memory-limit") {
      auto limit = parse_unsigned(value);
      if (!limit) {
        return fail_usage("--memory-limit takes a byte count (0 for none), not '" + value + "'");
      }
      request.memory_limit = *limit;
    } else if (flag == "--clock") {
      if (value == "virtual") {
        request.clock = clock_kind::virtual_time;
      } else if (value == "real" && !flavour.real_clock) {
        return fail_usage("--clock real is not available in this build (use the native CLI)");
      } else if (value == "real") {
        request.clock = clock_kind::real_time;
      } else {
        return fail_usage("--clock takes virtual or real, not '" + value + "'");
      }
    } else if (flag == "--format") {
      if (value != "ndjson" && value != "chrome") {
        return fail_usage("--format takes ndjson or chrome, not '" + value + "'");
      }
      format = value;
    } else if (flag == "--out") {
      out_path = value;
    } else {
      return fail_usage("unknown option '" + std::string(flag) + "' (see wakeline --help)");
    }
  }

  run_result result;
  try {
    result = run_example(request);
  } catch (const usage_error& error) {
    return fail_usage(error.what());
  }

  std::ofstream file;
  if (!out_path.empty()) {
    file.open(out_path, std::ios::binary);
    if (!file) return fail_usage("cannot write '" + out_path + "': " + std::strerror(errno));
  }
  std::ostream& out = out_path.empty() ? std::cout : file;
  if (format == "chrome") {
    write_chrome_trace(out, result.header, result.rt->trace());
  } else {
    write_ndjson(out, result.header, result.rt->trace());
  }
  out.flush();
  if (result.outcome != run_outcome::completed) {
    std::cerr << "wakeline: run ended with outcome " << to_string(result.outcome);
    if (!result.message.empty()) std::cerr << ": " << result.message;
    std::cerr << '\n';
    return 1;
  }
  return 0;
}

}  // namespace

namespace wakeline::examples {

int cli_main(int argc, char** argv, const cli_flavour& flavour) {
  std::ios::sync_with_stdio(false);
  if (argc < 2) return fail_usage("missing command (see wakeline --help)");
  std::string_view command = argv[1];
  if (command == "--help" || command == "-h" || command == "help") {
    std::cout << usage_text;
    return 0;
  }
  if (command == "list") {
    if (argc > 2) return fail_usage("'list' takes no arguments");
    list_examples();
    return 0;
  }
  if (command == "strategies") {
    if (argc > 2) return fail_usage("'strategies' takes no arguments");
    list_strategies();
    return 0;
  }
  if (command == "run") {
    if (argc < 3) return fail_usage("'run' needs an example id (see 'wakeline list')");
    return run(argc, argv, flavour);
  }
  return fail_usage("unknown command '" + std::string(command) + "' (see wakeline --help)");
}

}  // namespace wakeline::examples
