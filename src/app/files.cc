#include "app/files.h"

#include <algorithm>
#include <system_error>

namespace ocrlint {
namespace {

namespace fs = std::filesystem;

// The path of `file` relative to the config's folder, '/'-separated, for glob matching.
std::string RelativeToConfig(const fs::path& file, const Config& config) {
  std::error_code ec;
  fs::path absolute = fs::absolute(file, ec);
  fs::path root = config.root.empty() ? fs::current_path(ec) : fs::absolute(config.root, ec);
  fs::path relative = absolute.lexically_normal().lexically_relative(root.lexically_normal());
  if (relative.empty() || *relative.begin() == "..") relative = absolute.filename();
  return relative.generic_string();
}

bool MatchesAny(const std::vector<std::string>& globs, const std::string& path) {
  return std::any_of(globs.begin(), globs.end(),
                     [&](const std::string& glob) { return GlobMatch(glob, path); });
}

bool IsExcluded(const fs::path& path, ConfigResolver& resolver) {
  const auto config = resolver.ConfigFor(path);
  return MatchesAny(config->exclude, RelativeToConfig(path, *config));
}

bool IsIncluded(const fs::path& path, ConfigResolver& resolver) {
  const auto config = resolver.ConfigFor(path);
  const std::string relative = RelativeToConfig(path, *config);
  return MatchesAny(config->include, relative) && !MatchesAny(config->exclude, relative);
}

bool IsHidden(const fs::path& path) {
  const std::string name = path.filename().string();
  return name.size() > 1 && name[0] == '.' && name != "..";
}

void WalkFolder(const fs::path& folder, ConfigResolver& resolver,
                std::vector<DiscoveredFile>& out) {
  std::vector<fs::path> files;
  std::error_code ec;
  auto it = fs::recursive_directory_iterator(folder, fs::directory_options::none, ec);
  if (ec) {
    out.push_back({folder, "cannot read folder: " + ec.message()});
    return;
  }
  for (; it != fs::recursive_directory_iterator(); it.increment(ec)) {
    if (ec) {
      out.push_back({it->path(), "cannot read folder: " + ec.message()});
      break;
    }
    const fs::path& path = it->path();
    if (IsHidden(path)) {
      if (it->is_directory(ec)) it.disable_recursion_pending();
      continue;
    }
    if (it->is_directory(ec)) {
      if (IsExcluded(path, resolver)) it.disable_recursion_pending();
      continue;
    }
    if (it->is_regular_file(ec) && IsIncluded(path, resolver)) files.push_back(path);
  }
  std::sort(files.begin(), files.end());
  for (auto& file : files) out.push_back({std::move(file), ""});
}

}  // namespace

std::vector<DiscoveredFile> DiscoverFiles(const std::vector<std::string>& paths,
                                          ConfigResolver& resolver) {
  std::vector<DiscoveredFile> out;
  for (const std::string& given : paths) {
    const fs::path path(given);
    std::error_code ec;
    const auto status = fs::status(path, ec);
    if (ec || !fs::exists(status)) {
      out.push_back({path, "no such file or directory"});
    } else if (fs::is_directory(status)) {
      WalkFolder(path, resolver, out);
    } else if (!IsExcluded(path, resolver)) {
      out.push_back({path, ""});
    }
  }
  return out;
}

}  // namespace ocrlint
