#ifndef OCRLINT_LSP_SCHEDULER_H_
#define OCRLINT_LSP_SCHEDULER_H_

#include <chrono>
#include <condition_variable>
#include <functional>
#include <map>
#include <mutex>
#include <string>
#include <thread>

namespace ocrlint::lsp {

// Runs `publish(uri)` on a worker thread, debounced per document: a change that follows a
// quiet period is published at once; a change within `debounce` of the previous one waits
// until the document has been quiet for `debounce`, so a burst of keystrokes is linted once
// at its end. Calls for one document never overlap.
class DiagnosticScheduler {
 public:
  using Clock = std::chrono::steady_clock;

  DiagnosticScheduler(std::chrono::milliseconds debounce,
                      std::function<void(const std::string&)> publish);
  ~DiagnosticScheduler();  // stops the worker; pending work is dropped
  DiagnosticScheduler(const DiagnosticScheduler&) = delete;
  DiagnosticScheduler& operator=(const DiagnosticScheduler&) = delete;

  // After a change of `uri`: debounced as described above.
  void Changed(const std::string& uri);
  // Publish as soon as the worker is free (open, config change).
  void Now(const std::string& uri);
  void set_debounce(std::chrono::milliseconds debounce);

 private:
  void Loop();

  std::function<void(const std::string&)> publish_;
  std::mutex mutex_;
  std::condition_variable wake_;
  std::chrono::milliseconds debounce_;
  std::map<std::string, Clock::time_point> due_;          // uri -> when to publish
  std::map<std::string, Clock::time_point> last_change_;  // uri -> its latest change
  bool stop_ = false;
  std::thread worker_;  // last: starts after the members above exist
};

}  // namespace ocrlint::lsp

#endif  // OCRLINT_LSP_SCHEDULER_H_
