#ifndef OCRLINT_TESTS_TESTING_RUN_OCRLINT_H_
#define OCRLINT_TESTS_TESTING_RUN_OCRLINT_H_

#include <filesystem>
#include <string>
#include <vector>

namespace ocrlint::testing {

struct RunResult {
  int exit_code = -1;
  std::string out;
  std::string err;
};

// Runs the built ocrlint binary as a child process in `cwd` with `args`, feeding `input`
// on standard input; captures both output streams.
RunResult RunOcrlint(const std::vector<std::string>& args, const std::filesystem::path& cwd,
                     const std::string& input = "");

std::string ReadFile(const std::filesystem::path& path);
void WriteFile(const std::filesystem::path& path, const std::string& bytes);

// A fresh temporary folder, removed on destruction.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

inline std::filesystem::path SourceDir() { return OCRLINT_SOURCE_DIR; }

}  // namespace ocrlint::testing

#endif  // OCRLINT_TESTS_TESTING_RUN_OCRLINT_H_
