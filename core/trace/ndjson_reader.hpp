// Reads an NDJSON trace (docs/trace-format.md) back into a recorder, by the event schema: the
// inverse of the NDJSON writer, so that a trace saved or imported as text can be written in the
// other formats (the page's Chrome trace export goes through here).
#pragma once

#include <deque>
#include <nlohmann/json.hpp>
#include <stdexcept>
#include <string>
#include <string_view>

#include "recorder.hpp"

namespace wakeline {

/// A trace that is not what the NDJSON writer writes; the message names the line and the problem.
class trace_read_error : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// A trace read from NDJSON. Events point at their file names, which `files` keeps.
struct read_trace {
  nlohmann::ordered_json header;
  std::deque<std::string> files;
  trace_recorder events;
};

/// Reads a whole NDJSON trace: the header line, then one event per line, `seq` counting from 1.
/// Throws trace_read_error on anything else.
read_trace read_ndjson(std::string_view text);

}  // namespace wakeline
