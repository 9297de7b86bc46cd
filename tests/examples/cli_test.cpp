// The `wakeline` command line: output, exit codes and one-line errors.
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>

namespace {

struct cli_result {
  int status = -1;
  std::string out;
  std::string err;
};

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

std::string temp_path(const std::string& suffix) {
  return ::testing::TempDir() + "wakeline_cli_" + std::to_string(::getpid()) + "_" + suffix;
}

cli_result run_cli(const std::string& args) {
  const std::string err_path = temp_path("stderr");
  const std::string command = std::string(WAKELINE_CLI_PATH) + " " + args + " 2>" + err_path;
  cli_result result;
  FILE* pipe = ::popen(command.c_str(), "r");
  if (pipe == nullptr) return result;
  char buffer[4096];
  std::size_t n = 0;
  while ((n = std::fread(buffer, 1, sizeof buffer, pipe)) > 0) result.out.append(buffer, n);
  int status = ::pclose(pipe);
  result.status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  result.err = read_file(err_path);
  std::remove(err_path.c_str());
  return result;
}

std::size_t line_count(const std::string& text) {
  std::size_t n = 0;
  for (char c : text) n += c == '\n';
  return n;
}

TEST(Cli, ListShowsTheExamplesWithTheirParameters) {
  cli_result r = run_cli("list");
  EXPECT_EQ(r.status, 0);
  EXPECT_NE(r.out.find("basic  [basics]"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("concurrent  [basics]"), std::string::npos);
  EXPECT_NE(r.out.find("--set tasks=5  (1..10000)"), std::string::npos);
  EXPECT_NE(r.out.find("--set together=false  (true|false)"), std::string::npos);
  EXPECT_EQ(r.err, "");
}

TEST(Cli, HelpPrintsUsageAndSucceeds) {
  cli_result r = run_cli("--help");
  EXPECT_EQ(r.status, 0);
  EXPECT_EQ(r.out.rfind("usage:", 0), 0u);
  EXPECT_NE(r.out.find("--format"), std::string::npos);
}

TEST(Cli, RunPrintsTheNdjsonTraceOnStdout) {
  cli_result r = run_cli("run basic");
  EXPECT_EQ(r.status, 0);
  EXPECT_EQ(r.err, "");
  std::istringstream lines(r.out);
  std::string line;
  std::size_t count = 0;
  nlohmann::json first, last;
  while (std::getline(lines, line)) {
    nlohmann::json j = nlohmann::json::parse(line);  // throws, failing the test, if not JSON
    if (count == 0) first = j;
    last = j;
    ++count;
  }
  ASSERT_GT(count, 2u);
  EXPECT_EQ(first["schema"], "wakeline-trace");
  EXPECT_EQ(first["example"], "basic");
  EXPECT_EQ(last["kind"], "runtime_end");
  EXPECT_EQ(last["outcome"], "completed");
  EXPECT_EQ(last["events"], count - 1);
}

TEST(Cli, SettingsAndSeedAppearInTheHeader) {
  cli_result r = run_cli("run concurrent --set tasks=3 --seed 9");
  EXPECT_EQ(r.status, 0);
  nlohmann::json header = nlohmann::json::parse(r.out.substr(0, r.out.find('\n')));
  EXPECT_EQ(header["params"]["tasks"], 3);
  EXPECT_EQ(header["seed"], 9);
}

void expect_usage_error(const std::string& args, const std::string& needle) {
  SCOPED_TRACE(args);
  cli_result r = run_cli(args);
  EXPECT_EQ(r.status, 2);
  EXPECT_EQ(line_count(r.err), 1u) << r.err;
  EXPECT_EQ(r.err.rfind("wakeline: ", 0), 0u) << r.err;
  EXPECT_NE(r.err.find(needle), std::string::npos) << r.err;
  EXPECT_EQ(r.out, "");
}

TEST(Cli, UnknownExampleIsAUsageError) {
  expect_usage_error("run no-such-example", "no-such-example");
}

TEST(Cli, UnknownParameterIsAUsageError) { expect_usage_error("run basic --set nope=1", "nope"); }

TEST(Cli, OutOfRangeValueIsAUsageError) {
  expect_usage_error("run basic --set steps=21", "between 1 and 20");
  expect_usage_error("run concurrent --set tasks=0", "tasks");
}

TEST(Cli, MalformedValueIsAUsageError) {
  expect_usage_error("run basic --set steps=3x", "integer");
  expect_usage_error("run basic --set steps", "name=value");
  expect_usage_error("run basic --seed -1", "--seed");
  expect_usage_error("run state-machine --set together=maybe", "true or false");
}

TEST(Cli, BadOptionIsAUsageError) {
  expect_usage_error("run basic --frobnicate 1", "--frobnicate");
  expect_usage_error("run basic --format xml", "--format");
  expect_usage_error("run basic --seed", "needs a value");
  expect_usage_error("", "missing command");
  expect_usage_error("dance", "dance");
}

TEST(Cli, ChromeFormatIsOneValidJsonObject) {
  cli_result r = run_cli("run basic --format chrome");
  EXPECT_EQ(r.status, 0);
  nlohmann::json j = nlohmann::json::parse(r.out);
  ASSERT_TRUE(j.contains("traceEvents"));
  EXPECT_TRUE(j["traceEvents"].is_array());
  EXPECT_GT(j["traceEvents"].size(), 10u);
  EXPECT_EQ(j["metadata"]["example"], "basic");
}

TEST(Cli, OutWritesTheTraceToTheFileAndNothingToStdout) {
  const std::string path = temp_path("trace.ndjson");
  cli_result r = run_cli("run basic --out " + path);
  EXPECT_EQ(r.status, 0);
  EXPECT_EQ(r.out, "");
  std::string written = read_file(path);
  std::remove(path.c_str());
  EXPECT_EQ(written, run_cli("run basic").out);
}

}  // namespace

namespace {

std::string write_program(const std::string& name, const std::string& text) {
  const std::string path = temp_path(name);
  std::ofstream(path, std::ios::binary) << text;
  return path;
}

TEST(Cli, CheckPrintsNothingForAProgramThatParses) {
  const std::string path =
      write_program("good.rs", "#[tokio::main]\nasync fn main() {\n    println!(\"hi\");\n}\n");
  const cli_result r = run_cli("check " + path);
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(r.out, "");
  EXPECT_EQ(r.err, "");
}

TEST(Cli, CheckPrintsErrorsAsRustcDoesAndExitsWithOne) {
  const std::string path = write_program("bad.rs", "fn main() {\n    let x = 5\n}\n");
  const cli_result r = run_cli("check " + path);
  EXPECT_EQ(r.status, 1);
  EXPECT_EQ(r.out, "");
  EXPECT_EQ(r.err,
            "error: expected `;`, found `}`\n"
            " --> " +
                path +
                ":2:14\n"
                "  |\n"
                "2 |     let x = 5\n"
                "  |              ^ expected `;`\n\n");
}

TEST(Cli, CheckReportsTheCheckersFindingsOnceTheProgramParses) {
  const std::string path = write_program("await.rs", "fn main() {\n    work().await;\n}\n");
  const cli_result r = run_cli("check " + path);
  EXPECT_EQ(r.status, 1);
  EXPECT_NE(r.err.find("error: `await` is only allowed inside `async` functions and blocks\n"),
            std::string::npos)
      << r.err;
}

TEST(Cli, CheckOfAFileThatCannotBeReadIsBadUsage) {
  const cli_result r = run_cli("check /nonexistent/main.rs");
  EXPECT_EQ(r.status, 2);
  EXPECT_EQ(r.err, "wakeline: cannot read '/nonexistent/main.rs': No such file or directory\n");
}

const std::string step_program =
    "use std::time::Duration;\nuse tokio::time::sleep;\n\n"
    "async fn step(n: u32, d: Duration) -> u32 {\n    sleep(d).await;\n    n * 10\n}\n\n"
    "#[tokio::main]\nasync fn main() {\n    let total = step(1, Duration::from_millis(5)).await;\n"
    "    println!(\"{total}\");\n}\n";

TEST(Cli, RunsAProgramAndPrintsWhatItPrintsOnStderr) {
  const std::string path = write_program("step.rs", step_program);
  const cli_result r = run_cli("run " + path + " --strategy tokio-current-thread");
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(r.err, "10\n");
  EXPECT_NE(r.out.find(R"("kind":"output","task":1,"stream":"stdout","text":"10\n")"),
            std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find(R"("kind":"runtime_end","outcome":"completed")"), std::string::npos);
}

TEST(Cli, ARunOfAProgramWithErrorsPrintsThemAndExitsWithOne) {
  const std::string path = write_program("broken.rs", "fn main() {\n    let x = y;\n}\n");
  const cli_result r = run_cli("run " + path);
  EXPECT_EQ(r.status, 1);
  EXPECT_EQ(r.out, "");
  EXPECT_NE(r.err.find("error: cannot find value `y` in this scope"), std::string::npos) << r.err;
}

TEST(Cli, StatesPrintsEachStateMachineAsTextJsonOrCode) {
  const std::string path = write_program("states.rs", step_program);
  const cli_result text = run_cli("states " + path);
  EXPECT_EQ(text.status, 0) << text.err;
  EXPECT_NE(text.out.find("async fn step"), std::string::npos) << text.out;
  EXPECT_NE(text.out.find("state 3  suspended at line 5: `sleep(d).await`"), std::string::npos)
      << text.out;
  const cli_result json = run_cli("states " + path + " --json");
  EXPECT_EQ(json.out.rfind(R"({"machines":[{"name":"step","kind":"async fn")", 0), 0u) << json.out;
  const cli_result code = run_cli("states " + path + " --code");
  EXPECT_NE(code.out.find("step (2 params"), std::string::npos) << code.out;
  EXPECT_NE(code.out.find("await 0 0"), std::string::npos) << code.out;
  EXPECT_EQ(run_cli("states " + path + " --yaml").status, 2);
}

}  // namespace
