// `node wakeline.js run EXAMPLE [options]`: the native CLI's `run`, compiled to WebAssembly.
// It goes through the same runner and writer as the CLI, so equal arguments must give a
// byte-identical trace; tests/wasm/native_parity.test.mjs holds it to that.
#include <iostream>
#include <string>
#include <string_view>

#include "registry.hpp"
#include "runner.hpp"
#include "trace/ndjson_writer.hpp"

namespace {

using namespace wakeline;
using namespace wakeline::examples;

constexpr const char* usage_text = R"(usage:
  node wakeline.js list
  node wakeline.js run EXAMPLE [--strategy NAME] [--set name=value]... [--seed N] [--budget N]

The WebAssembly build of the wakeline CLI: 'list' prints one example id per line, 'run' prints
the NDJSON trace (virtual clock only). Exit status as the native CLI: 0 completed, 1 another
outcome, 2 bad usage.
)";

int fail_usage(const std::string& message) {
  std::cerr << "wakeline: " << message << '\n';
  return 2;
}

std::optional<std::uint64_t> parse_unsigned(std::string_view text) {
  auto value = parse_integer(text);
  if (!value || *value < 0) return std::nullopt;
  return static_cast<std::uint64_t>(*value);
}

int run(int argc, char** argv) {
  run_request request;
  request.example = argv[2];
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
    } else {
      return fail_usage("unknown option '" + std::string(flag) + "' (see --help)");
    }
  }

  run_result result;
  try {
    result = run_example(request);
  } catch (const usage_error& error) {
    return fail_usage(error.what());
  }
  write_ndjson(std::cout, result.header, result.rt->trace());
  std::cout.flush();
  if (result.outcome != run_outcome::completed) {
    std::cerr << "wakeline: run ended with outcome " << to_string(result.outcome);
    if (!result.message.empty()) std::cerr << ": " << result.message;
    std::cerr << '\n';
    return 1;
  }
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) return fail_usage("missing command (see --help)");
  std::string_view command = argv[1];
  if (command == "--help" || command == "-h" || command == "help") {
    std::cout << usage_text;
    return 0;
  }
  if (command == "list") {
    if (argc > 2) return fail_usage("'list' takes no arguments");
    for (const example* e : all_examples()) {
      if (e->listed) std::cout << e->id << '\n';
    }
    return 0;
  }
  if (command == "run") {
    if (argc < 3) return fail_usage("'run' needs an example id (see 'list')");
    return run(argc, argv);
  }
  return fail_usage("unknown command '" + std::string(command) + "' (see --help)");
}
