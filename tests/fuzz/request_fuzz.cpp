// Fuzzes the JSON run request of the JavaScript API (wakeline_check and wakeline_start in
// wasm/bindings.cpp): the input up to its first NUL byte is the request, as the C string the API
// receives; the bytes after it choose how the run is sliced and where it is stopped. A request
// that checks out is run, for at most max_fuzz_events events. An api_error is an answer; a crash,
// a sanitizer report, a leak, a hang or any other exception is a bug.
#include <fuzzer/FuzzedDataProvider.h>

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <functional>
#include <optional>
#include <string>

#include "request_json.hpp"
#include "sliced_run.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace wakeline;
  const auto* text = reinterpret_cast<const char*>(data);
  const std::size_t length = strnlen(text, size);
  const std::string request(text, length);

  std::optional<examples::checked_run> checked;
  try {
    checked.emplace(examples::check_json_request(request));
  } catch (const examples::api_error& error) {
    if (error.code.empty() || error.message.empty())
      fuzz::fuzz_failure("an error without code or message");
    // The answer the API returns must be JSON whatever the request held.
    (void)examples::error_json(error);
    return 0;
  }
  (void)ndjson_header(checked->header);
  if (!fuzz::runs_natively(*checked->e)) return 0;

  // A plain request (no NUL) still gets stopped somewhere: its hash chooses where.
  std::uint64_t hash = std::hash<std::string>{}(request);
  FuzzedDataProvider choices(
      length < size ? data + length + 1 : reinterpret_cast<const std::uint8_t*>(&hash),
      length < size ? size - length - 1 : sizeof hash);
  auto stop = choices.PickValueInArray(
      {fuzz::stop_kind::at_end, fuzz::stop_kind::cancel, fuzz::stop_kind::drop});
  auto stop_step = choices.ConsumeIntegralInRange<std::uint64_t>(0, 3000);
  fuzz::run_sliced(std::move(*checked), stop, stop_step, choices);
  return 0;
}
