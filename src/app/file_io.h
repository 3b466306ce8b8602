#ifndef OCRLINT_APP_FILE_IO_H_
#define OCRLINT_APP_FILE_IO_H_

#include <filesystem>
#include <istream>
#include <string>
#include <string_view>

namespace ocrlint {

// Results carry an error message instead of throwing: one bad file must not stop a run.
struct ReadResult {
  std::string bytes;
  std::string error;  // empty on success
};

ReadResult ReadFileBytes(const std::filesystem::path& path);
ReadResult ReadAll(std::istream& in);

// Replaces `path` with `bytes` atomically: a temporary file in the same folder is
// written, flushed (fsync), given the original's permissions and renamed over the
// original, so a crash leaves either the old or the new file, never a truncated one.
// Returns an error message, empty on success.
std::string WriteFileAtomic(const std::filesystem::path& path, std::string_view bytes);

}  // namespace ocrlint

#endif  // OCRLINT_APP_FILE_IO_H_
