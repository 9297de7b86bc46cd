// Writes a trace as NDJSON: one header line, then one line per event (docs/trace-format.md).
#pragma once

#include <cstdint>
#include <iosfwd>
#include <string>

#include "header.hpp"
#include "recorder.hpp"

namespace wakeline {

/// The header line, without the newline.
std::string ndjson_header(const trace_header& header);
/// One event as a JSON line, without the newline.
std::string ndjson_event(const trace_recorder& trace, const trace_event& e);
/// Appends one event's JSON line, without the newline, to `out`.
void append_ndjson_event(std::string& out, const trace_recorder& trace, const trace_event& e);
/// The `stuck` array of a deadlock event (its `arg` is `deadlock`), as JSON text.
std::string ndjson_stuck_tasks(const trace_recorder& trace, std::uint64_t deadlock);
/// The whole trace: header line and every event, each line ending in '\n'.
void write_ndjson(std::ostream& out, const trace_header& header, const trace_recorder& trace);

/// The file name of a source path without its directories, so traces do not depend on where
/// the sources were built.
const char* source_file_name(const char* path);

}  // namespace wakeline
