#include "app/check.h"

#include <algorithm>
#include <atomic>
#include <exception>
#include <thread>

#include "app/file_io.h"
#include "core/document.h"

namespace ocrlint {
namespace {

// Lints or fixes `bytes`; fills everything of the report but the path and I/O.
void Analyse(const std::filesystem::path& path, std::string bytes, ConfigResolver& resolver,
             const CheckOptions& options, FileReport& report) {
  const auto rules = resolver.RulesFor(path);
  auto document = Document::Create(path.string(), std::move(bytes));
  if (!options.fix) {
    report.diagnostics = Lint(*document, *rules);
    document->ReleaseShared();
    report.document = std::move(document);
    return;
  }
  std::string original(document->raw());
  FixResult fixed = ApplyFixes(std::move(document), *rules, *options.fix);
  report.fixes_applied = fixed.applied;
  report.diagnostics = std::move(fixed.remaining);
  fixed.document->ReleaseShared();
  report.document = std::move(fixed.document);
  if (fixed.changed) report.original = std::move(original);
}

FileReport CheckOne(const DiscoveredFile& file, ConfigResolver& resolver,
                    const CheckOptions& options) {
  FileReport report;
  report.path = file.path.string();
  if (!file.error.empty()) {
    report.error = file.error;
    return report;
  }
  ReadResult read = ReadFileBytes(file.path);
  if (!read.error.empty()) {
    report.error = read.error;
    return report;
  }
  try {
    Analyse(file.path, std::move(read.bytes), resolver, options, report);
  } catch (const std::exception& e) {
    report = FileReport{report.path, nullptr, {}, e.what(), 0, std::nullopt};
    return report;
  }
  if (report.original && options.write) {
    std::string error = WriteFileAtomic(file.path, report.document->raw());
    if (!error.empty()) {
      report = FileReport{report.path, nullptr, {}, error, 0, std::nullopt};
    }
  }
  if (!options.write) return report;
  report.original.reset();  // only --diff needs the bytes before fixing
  return report;
}

}  // namespace

FileReport CheckText(const std::filesystem::path& path, std::string bytes, ConfigResolver& resolver,
                     const CheckOptions& options) {
  FileReport report;
  report.path = path.string();
  try {
    Analyse(path, std::move(bytes), resolver, options, report);
  } catch (const std::exception& e) {
    report = FileReport{report.path, nullptr, {}, e.what(), 0, std::nullopt};
  }
  return report;
}

std::vector<FileReport> CheckFiles(const std::vector<DiscoveredFile>& files,
                                   ConfigResolver& resolver, const CheckOptions& options) {
  std::vector<FileReport> reports(files.size());
  unsigned threads = options.threads ? options.threads : std::thread::hardware_concurrency();
  threads = std::clamp<unsigned>(threads, 1, std::max<std::size_t>(files.size(), 1));
  std::atomic<std::size_t> next{0};
  auto work = [&] {
    for (std::size_t i = next++; i < files.size(); i = next++) {
      reports[i] = CheckOne(files[i], resolver, options);
    }
  };
  if (threads == 1) {
    work();
    return reports;
  }
  std::vector<std::jthread> pool;
  pool.reserve(threads);
  for (unsigned t = 0; t < threads; ++t) pool.emplace_back(work);
  pool.clear();  // joins
  return reports;
}

}  // namespace ocrlint
