// The trace header as a JSON object: the NDJSON header line, and the Chrome trace's metadata.
#pragma once

#include <nlohmann/json.hpp>

#include "header.hpp"

namespace wakeline {

/// The header's fields in the order of the NDJSON header line (docs/trace-format.md).
nlohmann::ordered_json header_json(const trace_header& header);

}  // namespace wakeline
