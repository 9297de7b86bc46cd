// An intrusive FIFO list of waiting futures, the wait queue under every synchronisation
// primitive (tokio's `util::linked_list` under its semaphore and Notify).
//
// The nodes live inside the waiting futures themselves, so waiting allocates nothing. That is
// why those futures must not move once polled: the list points into them. A future that is
// dropped while linked unlinks itself in its destructor, which is how cancellation removes a
// waiter without leaving a dangling pointer or consuming a wakeup meant for someone else.
#pragma once

#include <cassert>
#include <cstddef>
#include <optional>
#include <utility>

#include "../../waker.hpp"

namespace wakeline::detail {

/// The part of a waiting future that the list links, plus the waker to call when it is its turn.
struct waiter_node {
  waiter_node() = default;
  /// Moving is allowed only before the node is linked (before the future's first poll).
  waiter_node(waiter_node&& other) noexcept : waiter(std::move(other.waiter)) {
    assert(!other.linked);
  }
  waiter_node& operator=(waiter_node&&) = delete;
  ~waiter_node() { assert(!linked); }

  /// Keeps a clone of `w`, unless the stored waker already wakes the same task: re-polling a
  /// waiting future then records no new waker_clone.
  void register_waker(const waker& w) {
    if (!waiter || !waiter->will_wake(w)) waiter = w;
  }

  /// Consumes the stored waker, if any, and wakes it.
  void wake() {
    if (!waiter) return;
    waker w = std::move(*waiter);
    waiter.reset();
    std::move(w).wake();
  }

  waiter_node* prev = nullptr;
  waiter_node* next = nullptr;
  /// True while the node is in a list. Never true after the owner's destructor has run.
  bool linked = false;
  std::optional<waker> waiter;
};

/// A doubly linked FIFO of `Node`s (each derived from `waiter_node`). It owns no node.
template <class Node>
class waiter_list {
 public:
  waiter_list() = default;
  waiter_list(const waiter_list&) = delete;
  waiter_list& operator=(const waiter_list&) = delete;
  ~waiter_list() { assert(empty()); }

  bool empty() const { return head_ == nullptr; }
  std::size_t size() const { return size_; }

  /// The longest-waiting node, or nullptr.
  Node* front() const { return static_cast<Node*>(head_); }

  /// Appends `node`, which must not be linked.
  void push_back(Node* node) {
    waiter_node* n = node;
    assert(!n->linked);
    n->prev = tail_;
    n->next = nullptr;
    if (tail_ != nullptr)
      tail_->next = n;
    else
      head_ = n;
    tail_ = n;
    n->linked = true;
    ++size_;
  }

  /// Unlinks `node` from wherever it is in the list; does nothing if it is not linked.
  void remove(Node* node) {
    waiter_node* n = node;
    if (!n->linked) return;
    if (n->prev != nullptr)
      n->prev->next = n->next;
    else
      head_ = n->next;
    if (n->next != nullptr)
      n->next->prev = n->prev;
    else
      tail_ = n->prev;
    n->prev = n->next = nullptr;
    n->linked = false;
    --size_;
  }

  /// Unlinks and returns the longest-waiting node, or nullptr.
  Node* pop_front() {
    Node* node = front();
    if (node != nullptr) remove(node);
    return node;
  }

 private:
  waiter_node* head_ = nullptr;
  waiter_node* tail_ = nullptr;
  std::size_t size_ = 0;
};

}  // namespace wakeline::detail
