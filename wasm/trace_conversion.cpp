// The conversion of a trace to Chrome's format for Perfetto (the page's Export), linked only into
// the full module (wakeline-full.wasm): it brings the NDJSON reader, the Chrome writer and C++'s
// streams, about a fifth of a module, which a page needs only when asked to export.
#include <emscripten/emscripten.h>

#include <new>
#include <sstream>
#include <string>
#include <utility>

#include "buffers.hpp"
#include "trace/chrome_writer.hpp"
#include "trace/ndjson_reader.hpp"

using namespace wakeline;
using wakeline::wasm::answer;
using wakeline::wasm::input;

extern "C" {

/// Writes the NDJSON trace in the input (header line and events, as `wakeline run` prints them)
/// as Chrome trace JSON, by the same writer as `wakeline run --format chrome`. Returns 1 with the
/// JSON as the answer, or 0 with a sentence naming the problem (the line, and what is wrong).
EMSCRIPTEN_KEEPALIVE int wakeline_chrome_trace() {
  int written = 0;
  try {
    const read_trace trace = read_ndjson(input());
    input() = std::string();
    std::ostringstream out;
    write_chrome_trace(out, trace.header, trace.events);
    answer() = std::move(out).str();
    written = 1;
  } catch (const trace_read_error& error) {
    answer() = error.what();
  } catch (const std::bad_alloc&) {
    answer() = "the trace is too large to convert in this page's memory";
  }
  input() = std::string();
  return written;
}

}  // extern "C"
