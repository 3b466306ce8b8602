#include "lsp/scheduler.h"

#include <exception>

namespace ocrlint::lsp {

DiagnosticScheduler::DiagnosticScheduler(std::chrono::milliseconds debounce,
                                         std::function<void(const std::string&)> publish)
    : publish_(std::move(publish)), debounce_(debounce), worker_([this] { Loop(); }) {}

DiagnosticScheduler::~DiagnosticScheduler() {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    stop_ = true;
  }
  wake_.notify_all();
  worker_.join();
}

void DiagnosticScheduler::Changed(const std::string& uri) {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    const Clock::time_point now = Clock::now();
    auto last = last_change_.find(uri);
    const bool burst = last != last_change_.end() && now - last->second < debounce_;
    last_change_[uri] = now;
    due_[uri] = burst ? now + debounce_ : now;
  }
  wake_.notify_all();
}

void DiagnosticScheduler::Now(const std::string& uri) {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    due_[uri] = Clock::now();
  }
  wake_.notify_all();
}

void DiagnosticScheduler::set_debounce(std::chrono::milliseconds debounce) {
  std::lock_guard<std::mutex> lock(mutex_);
  debounce_ = debounce;
}

void DiagnosticScheduler::Loop() {
  std::unique_lock<std::mutex> lock(mutex_);
  while (!stop_) {
    if (due_.empty()) {
      wake_.wait(lock);
      continue;
    }
    auto next = due_.begin();
    for (auto it = due_.begin(); it != due_.end(); ++it) {
      if (it->second < next->second) next = it;
    }
    if (next->second > Clock::now()) {
      wake_.wait_until(lock, next->second);
      continue;  // re-evaluate: a new change may have moved the deadline
    }
    const std::string uri = next->first;
    due_.erase(next);
    lock.unlock();
    try {
      publish_(uri);
    } catch (const std::exception&) {
      // publish_ reports its own failures; never let one document stop the worker.
    }
    lock.lock();
  }
}

}  // namespace ocrlint::lsp
