// Writes a trace as Chrome trace JSON, which Perfetto and chrome://tracing open: polls as complete
// slices on worker tracks, task lifetimes as async slices, wakes as flow arrows, run-queue depth
// as a counter, task and worker names as metadata.
#pragma once

#include <iosfwd>
#include <nlohmann/json_fwd.hpp>

#include "header.hpp"
#include "recorder.hpp"

namespace wakeline {

/// The whole trace as one Chrome trace JSON object.
void write_chrome_trace(std::ostream& out, const trace_header& header, const trace_recorder& trace);
/// The same from a trace read back from NDJSON: `header` is its header line's object.
void write_chrome_trace(std::ostream& out, const nlohmann::ordered_json& header,
                        const trace_recorder& trace);

}  // namespace wakeline
