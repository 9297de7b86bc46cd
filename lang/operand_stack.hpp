// A frame's operand stack: every instruction pushes or pops it, so a push is a store and a
// compare, inline. Its room comes with the frame, in the frame's own block: the most the body
// holds at once (function_code::max_stack, counted by lowering). A push beyond that moves it
// to a block of its own, on a cold path, so a wrong count costs time, never memory safety.
#pragma once

#include <cstddef>
#include <new>
#include <utility>

#include "value.hpp"

namespace wakeline::lang {

class operand_stack {
 public:
  /// A stack in `capacity` values of uninitialised room that its owner keeps.
  operand_stack(value* room, std::size_t capacity)
      : base_(room), top_(room), end_(room + capacity) {}
  operand_stack(const operand_stack&) = delete;
  operand_stack& operator=(const operand_stack&) = delete;
  ~operand_stack() {
    clear();
    if (grown_) free_block(base_, capacity() * sizeof(value));
  }

  void push_back(const value& v) {
    if (top_ == end_) grow();
    new (top_) value(v);
    ++top_;
  }
  void push_back(value&& v) {
    if (top_ == end_) grow();
    new (top_) value(std::move(v));
    ++top_;
  }
  void pop_back() { (--top_)->~value(); }
  value& back() { return top_[-1]; }
  value& operator[](std::size_t i) { return base_[i]; }

  std::size_t size() const { return static_cast<std::size_t>(top_ - base_); }
  bool empty() const { return top_ == base_; }
  value* data() { return base_; }
  value* begin() { return base_; }
  value* end() { return top_; }

  /// Drops the values above the first `n`.
  void shrink_to(std::size_t n) {
    value* const keep = base_ + n;
    while (top_ != keep) pop_back();
  }
  void clear() { shrink_to(0); }

 private:
  std::size_t capacity() const { return static_cast<std::size_t>(end_ - base_); }

  [[gnu::cold, gnu::noinline]] void grow() {
    const std::size_t n = capacity() == 0 ? 4 : capacity() * 2;
    auto* fresh = static_cast<value*>(allocate_block(n * sizeof(value)));
    value* to = fresh;
    for (value* from = base_; from != top_; ++from, ++to) {
      new (to) value(std::move(*from));
      from->~value();
    }
    if (grown_) free_block(base_, capacity() * sizeof(value));
    base_ = fresh;
    top_ = to;
    end_ = fresh + n;
    grown_ = true;
  }

  value* base_;
  value* top_;
  value* end_;
  bool grown_ = false;  ///< The room is a block of its own, no longer the owner's
};

}  // namespace wakeline::lang
