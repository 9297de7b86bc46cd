// The command line's argument parser (examples/cli/cli_args.hpp): each command and flag, and the
// exact message of each refusal, which the CLI prints after "wakeline: ".
#include "cli_args.hpp"

#include <gtest/gtest.h>

#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace {

using namespace wakeline;
using namespace wakeline::examples;

cli_command parse(std::initializer_list<std::string_view> args, cli_flavour flavour = {}) {
  return parse_cli_args(std::vector<std::string_view>(args), flavour);
}

// The message of a refused command line; fails the test when it was not refused.
std::string refusal(std::initializer_list<std::string_view> args, cli_flavour flavour = {}) {
  cli_command command = parse(args, flavour);
  EXPECT_EQ(command.action, cli_action::refuse);
  return command.problem;
}

TEST(CliArgs, HelpListAndStrategiesAreCommandsWithoutProblem) {
  for (std::string_view help : {"--help", "-h", "help"}) {
    EXPECT_EQ(parse({help}).action, cli_action::help) << help;
  }
  EXPECT_EQ(parse({"list"}).action, cli_action::list);
  EXPECT_EQ(parse({"strategies"}).action, cli_action::strategies);
  EXPECT_EQ(parse({"list"}).problem, "");
}

TEST(CliArgs, HelpIgnoresWhatFollowsIt) {
  EXPECT_EQ(parse({"--help", "run", "--nonsense"}).action, cli_action::help);
}

TEST(CliArgs, ArgvIsReadAfterTheProgramName) {
  const char* argv[] = {"wakeline", "run", "basic", "--seed", "4", nullptr};
  cli_command command = parse_cli_args(5, argv, {});
  ASSERT_EQ(command.action, cli_action::run);
  EXPECT_EQ(command.request.example, "basic");
  EXPECT_EQ(command.request.seed, 4u);
  const char* bare[] = {"wakeline", nullptr};
  EXPECT_EQ(parse_cli_args(1, bare, {}).problem, "missing command (see wakeline --help)");
}

TEST(CliArgs, RunWithoutOptionsKeepsTheRequestDefaults) {
  cli_command command = parse({"run", "basic"});
  ASSERT_EQ(command.action, cli_action::run);
  const run_request defaults;
  EXPECT_EQ(command.request.example, "basic");
  EXPECT_EQ(command.request.strategy, "");
  EXPECT_TRUE(command.request.settings.empty());
  EXPECT_EQ(command.request.seed, defaults.seed);
  EXPECT_EQ(command.request.budget, defaults.budget);
  EXPECT_EQ(command.request.memory_limit, defaults.memory_limit);
  EXPECT_EQ(command.request.clock, clock_kind::virtual_time);
  EXPECT_EQ(command.format, trace_format::ndjson);
  EXPECT_EQ(command.out_path, "");
  EXPECT_EQ(command.problem, "");
}

TEST(CliArgs, EachFlagSetsItsPartOfTheCommand) {
  cli_command command = parse({"run", "concurrent", "--strategy", "smol", "--set", "tasks=3",
                               "--seed", "9", "--budget", "500", "--memory-limit", "4096",
                               "--clock", "real", "--format", "chrome", "--out", "trace.json"});
  ASSERT_EQ(command.action, cli_action::run) << command.problem;
  EXPECT_EQ(command.request.example, "concurrent");
  EXPECT_EQ(command.request.strategy, "smol");
  ASSERT_EQ(command.request.settings.size(), 1u);
  EXPECT_EQ(command.request.settings[0].first, "tasks");
  EXPECT_EQ(command.request.settings[0].second, "3");
  EXPECT_EQ(command.request.seed, 9u);
  EXPECT_EQ(command.request.budget, 500u);
  EXPECT_EQ(command.request.memory_limit, 4096u);
  EXPECT_EQ(command.request.clock, clock_kind::real_time);
  EXPECT_EQ(command.format, trace_format::chrome);
  EXPECT_EQ(command.out_path, "trace.json");
}

TEST(CliArgs, TheLastValueOfARepeatedFlagWins) {
  cli_command command =
      parse({"run", "basic", "--format", "chrome", "--format", "ndjson", "--clock", "real",
             "--clock", "virtual", "--seed", "1", "--seed", "2"});
  EXPECT_EQ(command.format, trace_format::ndjson);
  EXPECT_EQ(command.request.clock, clock_kind::virtual_time);
  EXPECT_EQ(command.request.seed, 2u);
}

TEST(CliArgs, RepeatedSetsKeepTheirOrder) {
  cli_command command =
      parse({"run", "basic", "--set", "steps=3", "--set", "delay_ms=1", "--set", "steps=4"});
  const std::vector<std::pair<std::string, std::string>> expected = {
      {"steps", "3"}, {"delay_ms", "1"}, {"steps", "4"}};
  EXPECT_EQ(command.request.settings, expected);
}

TEST(CliArgs, SetSplitsAtTheFirstEqualsSign) {
  cli_command command = parse({"run", "basic", "--set", "steps=", "--set", "a=b=c"});
  const std::vector<std::pair<std::string, std::string>> expected = {{"steps", ""}, {"a", "b=c"}};
  EXPECT_EQ(command.request.settings, expected);
}

TEST(CliArgs, ExampleIdsAndValuesAreLeftForTheRunnerToCheck) {
  cli_command command = parse({"run", "no-such-example", "--strategy", "nope", "--set", "nope=x"});
  ASSERT_EQ(command.action, cli_action::run);
  EXPECT_EQ(command.request.example, "no-such-example");
  EXPECT_EQ(command.request.strategy, "nope");
}

TEST(CliArgs, AnEmptyOutPathMeansStandardOutput) {
  EXPECT_EQ(parse({"run", "basic", "--out", ""}).out_path, "");
}

TEST(CliArgs, CommandsAreRefusedWithTheirMessages) {
  EXPECT_EQ(refusal({}), "missing command (see wakeline --help)");
  EXPECT_EQ(refusal({"dance"}), "unknown command 'dance' (see wakeline --help)");
  EXPECT_EQ(refusal({""}), "unknown command '' (see wakeline --help)");
  EXPECT_EQ(refusal({"list", "x"}), "'list' takes no arguments");
  EXPECT_EQ(refusal({"strategies", "x"}), "'strategies' takes no arguments");
  EXPECT_EQ(refusal({"run"}), "'run' needs an example id (see 'wakeline list')");
}

TEST(CliArgs, AFlagWithoutAValueIsRefused) {
  EXPECT_EQ(refusal({"run", "basic", "--seed"}), "option --seed needs a value");
  EXPECT_EQ(refusal({"run", "basic", "--out"}), "option --out needs a value");
  EXPECT_EQ(refusal({"run", "basic", "--seed", "1", "--set"}), "option --set needs a value");
  // Every option takes a value, so a stray word is read as an option missing its value.
  EXPECT_EQ(refusal({"run", "basic", "extra"}), "option extra needs a value");
}

TEST(CliArgs, AnUnknownOptionIsRefused) {
  EXPECT_EQ(refusal({"run", "basic", "--frobnicate", "1"}),
            "unknown option '--frobnicate' (see wakeline --help)");
  EXPECT_EQ(refusal({"run", "basic", "-s", "1"}), "unknown option '-s' (see wakeline --help)");
}

TEST(CliArgs, SetWithoutANameBeforeTheEqualsSignIsRefused) {
  EXPECT_EQ(refusal({"run", "basic", "--set", "steps"}), "--set takes name=value, not 'steps'");
  EXPECT_EQ(refusal({"run", "basic", "--set", "=3"}), "--set takes name=value, not '=3'");
  EXPECT_EQ(refusal({"run", "basic", "--set", ""}), "--set takes name=value, not ''");
}

TEST(CliArgs, SeedMustBeANonNegativeIntegerThatFitsInt64) {
  EXPECT_EQ(refusal({"run", "basic", "--seed", "-1"}),
            "--seed takes a non-negative integer, not '-1'");
  EXPECT_EQ(refusal({"run", "basic", "--seed", "abc"}),
            "--seed takes a non-negative integer, not 'abc'");
  EXPECT_EQ(refusal({"run", "basic", "--seed", "+1"}),
            "--seed takes a non-negative integer, not '+1'");
  EXPECT_EQ(refusal({"run", "basic", "--seed", ""}), "--seed takes a non-negative integer, not ''");
  EXPECT_EQ(refusal({"run", "basic", "--seed", "9223372036854775808"}),
            "--seed takes a non-negative integer, not '9223372036854775808'");
  EXPECT_EQ(refusal({"run", "basic", "--seed", "18446744073709551615"}),
            "--seed takes a non-negative integer, not '18446744073709551615'");
  EXPECT_EQ(parse({"run", "basic", "--seed", "9223372036854775807"}).request.seed,
            9223372036854775807u);
  EXPECT_EQ(parse({"run", "basic", "--seed", "0"}).request.seed, 0u);
}

TEST(CliArgs, BudgetMustBeAPositiveInteger) {
  EXPECT_EQ(refusal({"run", "basic", "--budget", "0"}),
            "--budget takes a positive integer, not '0'");
  EXPECT_EQ(refusal({"run", "basic", "--budget", "-3"}),
            "--budget takes a positive integer, not '-3'");
  EXPECT_EQ(refusal({"run", "basic", "--budget", "x"}),
            "--budget takes a positive integer, not 'x'");
  EXPECT_EQ(refusal({"run", "basic", "--budget", "99999999999999999999"}),
            "--budget takes a positive integer, not '99999999999999999999'");
  EXPECT_EQ(refusal({"run", "basic", "--budget", " 5"}),
            "--budget takes a positive integer, not ' 5'");
  EXPECT_EQ(parse({"run", "basic", "--budget", "1"}).request.budget, 1u);
}

TEST(CliArgs, MemoryLimitTakesAByteCountAndZeroMeansNone) {
  EXPECT_EQ(parse({"run", "basic", "--memory-limit", "0"}).request.memory_limit, 0u);
  EXPECT_EQ(refusal({"run", "basic", "--memory-limit", "-1"}),
            "--memory-limit takes a byte count (0 for none), not '-1'");
  EXPECT_EQ(refusal({"run", "basic", "--memory-limit", "1MiB"}),
            "--memory-limit takes a byte count (0 for none), not '1MiB'");
}

TEST(CliArgs, ClockIsVirtualOrReal) {
  EXPECT_EQ(parse({"run", "basic", "--clock", "virtual"}).request.clock, clock_kind::virtual_time);
  EXPECT_EQ(refusal({"run", "basic", "--clock", "fake"}),
            "--clock takes virtual or real, not 'fake'");
  EXPECT_EQ(refusal({"run", "basic", "--clock", "Real"}),
            "--clock takes virtual or real, not 'Real'");
}

TEST(CliArgs, RealClockIsRefusedInAFlavourWithoutIt) {
  const cli_flavour wasm{.real_clock = false};
  EXPECT_EQ(refusal({"run", "basic", "--clock", "real"}, wasm),
            "--clock real is not available in this build (use the native CLI)");
  EXPECT_EQ(parse({"run", "basic", "--clock", "virtual"}, wasm).action, cli_action::run);
  // A bad clock name gets the general message in either flavour.
  EXPECT_EQ(refusal({"run", "basic", "--clock", "fake"}, wasm),
            "--clock takes virtual or real, not 'fake'");
}

TEST(CliArgs, FormatIsNdjsonOrChrome) {
  EXPECT_EQ(parse({"run", "basic", "--format", "chrome"}).format, trace_format::chrome);
  EXPECT_EQ(refusal({"run", "basic", "--format", "xml"}),
            "--format takes ndjson or chrome, not 'xml'");
}

TEST(CliArgs, TheFirstProblemInOrderIsTheOneReported) {
  EXPECT_EQ(refusal({"run", "basic", "--seed", "x", "--budget", "0"}),
            "--seed takes a non-negative integer, not 'x'");
}

TEST(CliArgs, ParseUnsignedReadsWhatParseIntegerReadsAndNoNegatives) {
  EXPECT_EQ(parse_unsigned("0"), 0u);
  EXPECT_EQ(parse_unsigned("42"), 42u);
  EXPECT_EQ(parse_unsigned("9223372036854775807"), 9223372036854775807u);
  EXPECT_EQ(parse_unsigned("9223372036854775808"), std::nullopt);
  EXPECT_EQ(parse_unsigned("-0"), 0u);
  EXPECT_EQ(parse_unsigned("-1"), std::nullopt);
  EXPECT_EQ(parse_unsigned("+1"), std::nullopt);
  EXPECT_EQ(parse_unsigned(""), std::nullopt);
  EXPECT_EQ(parse_unsigned("1 "), std::nullopt);
  EXPECT_EQ(parse_unsigned("0x10"), std::nullopt);
}

}  // namespace

namespace {

using namespace wakeline::examples;

TEST(CliArgs, CheckTakesExactlyOneProgramFile) {
  const cli_command command = parse_cli_args(std::vector<std::string_view>{"check", "main.rs"}, {});
  ASSERT_EQ(command.action, cli_action::check);
  EXPECT_EQ(command.program_path, "main.rs");
  for (const std::vector<std::string_view>& args :
       {std::vector<std::string_view>{"check"},
        std::vector<std::string_view>{"check", "a.rs", "b.rs"}}) {
    const cli_command refused = parse_cli_args(args, {});
    EXPECT_EQ(refused.action, cli_action::refuse);
    EXPECT_EQ(refused.problem, "'check' takes one program file (wakeline check main.rs)");
  }
}

}  // namespace
