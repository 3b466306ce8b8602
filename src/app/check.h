#ifndef OCRLINT_APP_CHECK_H_
#define OCRLINT_APP_CHECK_H_

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "app/files.h"
#include "engine/config.h"
#include "engine/linter.h"
#include "output/report.h"

namespace ocrlint {

struct CheckOptions {
  std::optional<FixMode> fix;  // nullopt: lint only
  bool write = true;           // false with --diff: fix in memory, keep the original bytes
  unsigned threads = 0;        // 0: every core
};

// Lints (and fixes) one text that is not read from a file: standard input, an editor
// buffer. `path` labels it and selects its format and config. Never writes.
FileReport CheckText(const std::filesystem::path& path, std::string bytes, ConfigResolver& resolver,
                     const CheckOptions& options);

// Checks every file on a pool of threads; reports come back in the order of `files`
// whatever the thread count. A failure on one file (I/O, config) is recorded in its report
// and the others still run. With options.fix and options.write, changed files are
// replaced atomically; a file with invalid UTF-8 is never written.
std::vector<FileReport> CheckFiles(const std::vector<DiscoveredFile>& files,
                                   ConfigResolver& resolver, const CheckOptions& options);

}  // namespace ocrlint

#endif  // OCRLINT_APP_CHECK_H_
