#ifndef OCRLINT_APP_FILES_H_
#define OCRLINT_APP_FILES_H_

#include <filesystem>
#include <string>
#include <vector>

#include "engine/config.h"

namespace ocrlint {

struct DiscoveredFile {
  std::filesystem::path path;  // as given, or joined below a given folder
  std::string error;           // e.g. "no such file or directory"
};

// Expands the command-line paths: a file is taken as it is (even when its extension is not
// included, but not when its config excludes it); a folder is walked recursively for files
// matching the `include` globs of their config and not its `exclude` globs, skipping hidden
// files and folders (names starting with '.'). Each folder's files come sorted by path, so
// the order is deterministic. A path that does not exist yields an entry with an error.
// Throws ConfigError for a broken config.
std::vector<DiscoveredFile> DiscoverFiles(const std::vector<std::string>& paths,
                                          ConfigResolver& resolver);

}  // namespace ocrlint

#endif  // OCRLINT_APP_FILES_H_
