// What the compiler has to say about a program: errors that stop it from running and warnings
// that do not, each with the span it is about. Rendered in rustc's shape, so a Rust reader
// recognises them at once:
//
//   error: expected `;`, found `}`
//    --> main.rs:3:14
//     |
//   3 |     let x = 5
//     |              ^ expected `;`
#pragma once

#include <string>
#include <vector>

#include "source.hpp"

namespace wakeline::lang {

enum class severity { error, warning };

struct diagnostic {
  lang::severity severity = severity::error;
  std::string message;  ///< The headline: what is wrong.
  span where;           ///< What it is about; an empty span points between two characters.
  std::string label;    ///< Said under the caret; empty for none.
};

/// Collects the diagnostics of one program, in the order they are found.
class diagnostics {
 public:
  void error(span where, std::string message, std::string label = {}) {
    list_.push_back({severity::error, std::move(message), where, std::move(label)});
  }
  void warning(span where, std::string message, std::string label = {}) {
    list_.push_back({severity::warning, std::move(message), where, std::move(label)});
  }

  const std::vector<diagnostic>& all() const { return list_; }
  bool has_errors() const;

 private:
  std::vector<diagnostic> list_;
};

/// `d` as rustc prints one: the headline, the location, the line with a caret under the span.
std::string render(const diagnostic& d, const source_file& source);

}  // namespace wakeline::lang
