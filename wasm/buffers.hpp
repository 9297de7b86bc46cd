// The two texts JavaScript and the module hand each other through the module's memory: the
// input JS writes (`wakeline_input`) and the last answer it reads (`wakeline_answer`). Shared by
// the bindings of the examples and those of the language.
#pragma once

#include <string>

namespace wakeline::wasm {

/// Text JS hands over, written in place by JS after `wakeline_input` sized it.
std::string& input();
/// The text of the last answer, until JS releases it.
std::string& answer();

}  // namespace wakeline::wasm
