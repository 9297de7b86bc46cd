// A FIFO queue of tasks linked through their headers: pushing and popping never allocate.
#pragma once

#include <cstddef>

#include "../detail/task.hpp"

namespace wakeline::detail {

class task_fifo {
 public:
  void push_back(task_header* task) {
    task->next_in_queue = nullptr;
    if (tail_ != nullptr)
      tail_->next_in_queue = task;
    else
      head_ = task;
    tail_ = task;
    ++size_;
  }

  /// The first task, or nullptr when empty.
  task_header* pop_front() {
    task_header* task = head_;
    if (task == nullptr) return nullptr;
    head_ = task->next_in_queue;
    if (head_ == nullptr) tail_ = nullptr;
    task->next_in_queue = nullptr;
    --size_;
    return task;
  }

  std::size_t size() const { return size_; }
  bool empty() const { return size_ == 0; }

 private:
  task_header* head_ = nullptr;
  task_header* tail_ = nullptr;
  std::size_t size_ = 0;
};

}  // namespace wakeline::detail
