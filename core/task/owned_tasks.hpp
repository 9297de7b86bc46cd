// Every task of a runtime whose future has not ended, in spawn order (Tokio's `OwnedTasks`,
// task/list.rs): what a deadlock report lists and what shutdown cancels. Intrusive: the links
// are in the task's header, so adding and removing allocate nothing.
#pragma once

#include "../detail/task.hpp"

namespace wakeline::detail {

class owned_tasks {
 public:
  void push_back(task_header* task) {
    task->prev_live = tail_;
    if (tail_ != nullptr) {
      tail_->next_live = task;
    } else {
      head_ = task;
    }
    tail_ = task;
  }

  void remove(task_header* task) {
    if (task->prev_live != nullptr) {
      task->prev_live->next_live = task->next_live;
    } else {
      head_ = task->next_live;
    }
    if (task->next_live != nullptr) {
      task->next_live->prev_live = task->prev_live;
    } else {
      tail_ = task->prev_live;
    }
    task->prev_live = task->next_live = nullptr;
  }

  /// The oldest task alive, or nullptr.
  task_header* front() const { return head_; }
  bool empty() const { return head_ == nullptr; }

  /// Calls `f` on every task, oldest first.
  template <class F>
  void for_each(F&& f) const {
    for (task_header* t = head_; t != nullptr; t = t->next_live) f(t);
  }

 private:
  task_header* head_ = nullptr;
  task_header* tail_ = nullptr;
};

}  // namespace wakeline::detail
