#include "cli_args.hpp"

#include <string>
#include <utility>
#include <vector>

namespace wakeline::examples {

namespace {

cli_command refuse(std::string problem) {
  cli_command command;
  command.action = cli_action::refuse;
  command.problem = std::move(problem);
  return command;
}

// `run EXAMPLE [--flag value]...`: every option takes a value, so a lone last word is missing
// its value even when it is no option at all.
cli_command parse_run(std::span<const std::string_view> args, const cli_flavour& flavour) {
  cli_command command;
  command.action = cli_action::run;
  run_request& request = command.request;
  // A file of the language (`main.rs`) runs as a program; any other word names an example.
  if (args[1].size() > 3 && args[1].substr(args[1].size() - 3) == ".rs") {
    request.is_program = true;
    command.program_path = std::string(args[1]);
  } else {
    request.example = args[1];
  }
  for (std::size_t i = 2; i < args.size(); i += 2) {
    const std::string_view flag = args[i];
    if (i + 1 >= args.size()) return refuse("option " + std::string(flag) + " needs a value");
    const std::string value(args[i + 1]);
    if (flag == "--strategy") {
      request.strategy = value;
    } else if (flag == "--set") {
      auto eq = value.find('=');
      if (eq == std::string::npos || eq == 0) {
        return refuse("--set takes name=value, not '" + value + "'");
      }
      request.settings.emplace_back(value.substr(0, eq), value.substr(eq + 1));
    } else if (flag == "--seed") {
      auto seed = parse_unsigned(value);
      if (!seed) return refuse("--seed takes a non-negative integer, not '" + value + "'");
      request.seed = *seed;
    } else if (flag == "--budget") {
      auto budget = parse_unsigned(value);
      if (!budget || *budget == 0) {
        return refuse("--budget takes a positive integer, not '" + value + "'");
      }
      request.budget = *budget;
    } else if (flag == "--memory-limit") {
      auto limit = parse_unsigned(value);
      if (!limit) {
        return refuse("--memory-limit takes a byte count (0 for none), not '" + value + "'");
      }
      request.memory_limit = *limit;
    } else if (flag == "--clock") {
      if (value == "virtual") {
        request.clock = clock_kind::virtual_time;
      } else if (value == "real" && !flavour.real_clock) {
        return refuse("--clock real is not available in this build (use the native CLI)");
      } else if (value == "real") {
        request.clock = clock_kind::real_time;
      } else {
        return refuse("--clock takes virtual or real, not '" + value + "'");
      }
    } else if (flag == "--format") {
      if (value == "ndjson") {
        command.format = trace_format::ndjson;
      } else if (value == "chrome") {
        command.format = trace_format::chrome;
      } else {
        return refuse("--format takes ndjson or chrome, not '" + value + "'");
      }
    } else if (flag == "--out") {
      command.out_path = value;
    } else {
      return refuse("unknown option '" + std::string(flag) + "' (see wakeline --help)");
    }
  }
  return command;
}

cli_command simple(cli_action action) {
  cli_command command;
  command.action = action;
  return command;
}

}  // namespace

std::optional<std::uint64_t> parse_unsigned(std::string_view text) {
  auto value = parse_integer(text);
  if (!value || *value < 0) return std::nullopt;
  return static_cast<std::uint64_t>(*value);
}

cli_command parse_cli_args(std::span<const std::string_view> args, const cli_flavour& flavour) {
  if (args.empty()) return refuse("missing command (see wakeline --help)");
  const std::string_view command = args[0];
  // Help wins over whatever follows it.
  if (command == "--help" || command == "-h" || command == "help") return simple(cli_action::help);
  if (command == "list") {
    if (args.size() > 1) return refuse("'list' takes no arguments");
    return simple(cli_action::list);
  }
  if (command == "strategies") {
    if (args.size() > 1) return refuse("'strategies' takes no arguments");
    return simple(cli_action::strategies);
  }
  if (command == "run") {
    if (args.size() < 2) return refuse("'run' needs an example id (see 'wakeline list')");
    return parse_run(args, flavour);
  }
  if (command == "check") {
    if (args.size() != 2) return refuse("'check' takes one program file (wakeline check main.rs)");
    cli_command check = simple(cli_action::check);
    check.program_path = std::string(args[1]);
    return check;
  }
  if (command == "states") {
    const std::string_view option = args.size() == 3 ? args[2] : std::string_view();
    if (args.size() < 2 || args.size() > 3 ||
        (args.size() == 3 && option != "--json" && option != "--code")) {
      return refuse(
          "'states' takes one program file and --json or --code (wakeline states main.rs)");
    }
    cli_command states = simple(cli_action::states);
    states.program_path = std::string(args[1]);
    states.json = option == "--json";
    states.code = option == "--code";
    return states;
  }
  return refuse("unknown command '" + std::string(command) + "' (see wakeline --help)");
}

cli_command parse_cli_args(int argc, const char* const* argv, const cli_flavour& flavour) {
  std::vector<std::string_view> args;
  for (int i = 1; i < argc; ++i) args.emplace_back(argv[i]);
  return parse_cli_args(args, flavour);
}

}  // namespace wakeline::examples
