#include "engine/linter.h"

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <exception>
#include <functional>
#include <iterator>
#include <map>
#include <span>
#include <string>
#include <string_view>
#include <unordered_set>
#include <utility>
#include <vector>

#include "engine/suppression.h"

namespace ocrlint {
namespace {

// The one rule that may report on invalid UTF-8 bytes; every other rule reads U+001A there.
constexpr std::string_view kInvalidUtf8RuleId = "invalid-utf8";
constexpr std::size_t kBomSize = 3;

// Whether `range` overlaps one of `sorted` (sorted, non-overlapping ranges). O(log n): ranges
// ending before `range` are skipped by binary search, and at most two of the ranges that
// follow can touch `range` without overlapping it.
bool OverlapsAny(std::span<const ByteRange> sorted, const ByteRange& range) {
  auto it = std::partition_point(sorted.begin(), sorted.end(),
                                 [&](const ByteRange& r) { return r.end < range.begin; });
  for (; it != sorted.end() && it->begin <= range.end; ++it) {
    if (it->Overlaps(range)) return true;
  }
  return false;
}

bool FixTouches(const Fix& fix, std::span<const ByteRange> sorted) {
  return std::any_of(fix.edits.begin(), fix.edits.end(),
                     [&](const Edit& edit) { return OverlapsAny(sorted, edit.range); });
}

// Runs one rule. A rule that throws loses its partial findings (they may be inconsistent)
// and is reported once, so that one broken rule never takes down a whole run.
void RunRule(const Document& document, const ConfiguredRule& configured,
             std::vector<Diagnostic>& out, std::vector<Diagnostic>& internal_errors) {
  if (configured.rule == nullptr) return;
  const RuleMeta& meta = configured.rule->meta();
  const std::size_t mark = out.size();
  DiagnosticSink sink(meta, configured.severity, out);
  std::string what;
  try {
    configured.rule->Check(document, sink);
    return;
  } catch (const std::exception& error) {
    what = error.what();
  } catch (...) {
    what = "unknown exception";
  }
  out.erase(out.begin() + static_cast<std::ptrdiff_t>(mark), out.end());
  Diagnostic& diagnostic = internal_errors.emplace_back();
  diagnostic.rule = &meta;
  diagnostic.severity = Severity::kError;
  diagnostic.message = "internal error in rule " + meta.id + ": " + what;
  diagnostic.range = ByteRange{0, 0};
}

// Drops a finding that lies where its rule may not report, and the fix of a kept finding
// that would edit such bytes.
bool Dropped(Diagnostic& diagnostic, const Document& document, const Suppressions& suppressions) {
  const RuleMeta& rule = *diagnostic.rule;
  if (!document.valid_utf8() && rule.id != kInvalidUtf8RuleId) {
    if (OverlapsAny(document.invalid_utf8(), diagnostic.range)) return true;
    if (diagnostic.fix && FixTouches(*diagnostic.fix, document.invalid_utf8())) {
      diagnostic.fix.reset();
    }
  }
  if (rule.group != RuleGroup::kHygiene && !document.excluded().empty()) {
    if (OverlapsAny(document.excluded(), diagnostic.range)) return true;
    if (diagnostic.fix && FixTouches(*diagnostic.fix, document.excluded())) {
      diagnostic.fix.reset();
    }
  }
  return !suppressions.empty() && suppressions.Suppresses(diagnostic);
}

bool Allowed(Applicability applicability, FixMode mode) {
  return mode == FixMode::kUnsafe || applicability == Applicability::kSafe;
}

// Rewrites each "\n" of `replacement` that is not preceded by "\r" (in the replacement, or
// in the document just before the edit) as "\r\n", so that a fix keeps a CRLF file CRLF.
std::string ToCrlf(std::string_view replacement, bool preceded_by_cr) {
  std::string out;
  out.reserve(replacement.size() + 8);
  char previous = preceded_by_cr ? '\r' : '\0';
  for (char c : replacement) {
    if (c == '\n' && previous != '\r') out.push_back('\r');
    out.push_back(c);
    previous = c;
  }
  return out;
}

Fix AdaptToCrlf(const Fix& fix, std::string_view text) {
  Fix adapted = fix;
  for (Edit& edit : adapted.edits) {
    if (edit.replacement.find('\n') == std::string::npos) continue;
    const bool preceded_by_cr = edit.range.begin > 0 && edit.range.begin <= text.size() &&
                                text[edit.range.begin - 1] == '\r';
    edit.replacement = ToCrlf(edit.replacement, preceded_by_cr);
  }
  return adapted;
}

// A fix that would remove the BOM or put text before it.
bool TouchesBom(const Fix& fix) {
  return std::any_of(fix.edits.begin(), fix.edits.end(),
                     [](const Edit& edit) { return edit.range.begin < kBomSize; });
}

// The fixes of one pass, in diagnostic order. `storage` owns the CRLF-adapted copies.
std::vector<const Fix*> CollectFixes(const Document& document,
                                     const std::vector<Diagnostic>& diagnostics, FixMode mode,
                                     std::vector<Fix>& storage) {
  const bool crlf = document.line_ending() == LineEnding::kCrlf;
  std::vector<const Fix*> fixes;
  if (crlf) storage.reserve(diagnostics.size());  // keeps the pointers below stable
  for (const Diagnostic& diagnostic : diagnostics) {
    if (!diagnostic.fix || !Allowed(diagnostic.fix->applicability, mode)) continue;
    if (document.has_bom() && TouchesBom(*diagnostic.fix)) continue;
    if (crlf) {
      fixes.push_back(&storage.emplace_back(AdaptToCrlf(*diagnostic.fix, document.raw())));
    } else {
      fixes.push_back(&*diagnostic.fix);
    }
  }
  return fixes;
}

// Whether the edits of `fix` lie inside `text` and do not overlap each other.
bool WellFormed(const Fix& fix, std::size_t text_size) {
  std::vector<ByteRange> ranges;
  ranges.reserve(fix.edits.size());
  for (const Edit& edit : fix.edits) {
    if (edit.range.begin > edit.range.end || edit.range.end > text_size) return false;
    ranges.push_back(edit.range);
  }
  std::sort(ranges.begin(), ranges.end());
  for (std::size_t i = 1; i < ranges.size(); ++i) {
    if (ranges[i - 1].Overlaps(ranges[i])) return false;
  }
  return true;
}

using TakenEdits = std::map<ByteRange, const std::string*>;

// Whether `range` overlaps an edit already taken. Taken ranges do not overlap each other, so
// sorted by begin their ends do not decrease: only the predecessor and the ranges starting
// inside `range` can overlap it.
bool Conflicts(const TakenEdits& taken, const ByteRange& range) {
  auto it = taken.lower_bound(ByteRange{range.begin, range.begin});
  if (it != taken.begin() && std::prev(it)->first.Overlaps(range)) return true;
  for (; it != taken.end() && it->first.begin <= range.end; ++it) {
    if (it->first.Overlaps(range)) return true;
  }
  return false;
}

}  // namespace

namespace {

// Whether `findings` holds much more room than findings: the room Lint reserved must not
// outlive the check (the reports of many files are kept until they are written; on 50 KB
// pages it was four times the page).
bool TooRoomy(const std::vector<Diagnostic>& findings, std::size_t size) {
  return findings.capacity() > size * 2 + 64;
}

// Merges the sorted runs of `all` between `bounds` into a vector of their size, stably (of
// equal findings, the one earlier in `all` first, as neighbouring merges keep them): each
// finding moves once. `less` orders by range (begin, then end) before anything else.
template <typename Less>
std::vector<Diagnostic> MergeRuns(std::vector<Diagnostic>& all, std::span<const std::size_t> bounds,
                                  Less less) {
  struct Head {
    ByteRange range;   // of `next`: most comparisons need nothing else
    std::size_t next;  // the run's first finding not merged yet
    std::size_t end;
  };
  std::vector<Head> heads;
  heads.reserve(bounds.size());
  for (std::size_t r = 1; r < bounds.size(); ++r) {
    heads.push_back(Head{all[bounds[r - 1]].range, bounds[r - 1], bounds[r]});
  }
  // The heap's top is the head that comes first; runs lie in order, so of equal findings
  // the one at the lower index is from the earlier run.
  const auto comes_after = [&](const Head& x, const Head& y) {
    if (x.range.begin != y.range.begin) return x.range.begin > y.range.begin;
    if (x.range.end != y.range.end) return x.range.end > y.range.end;
    if (less(all[y.next], all[x.next])) return true;
    if (less(all[x.next], all[y.next])) return false;
    return x.next > y.next;
  };
  std::make_heap(heads.begin(), heads.end(), comes_after);
  std::vector<Diagnostic> merged;
  merged.reserve(bounds.back());
  while (!heads.empty()) {
    std::pop_heap(heads.begin(), heads.end(), comes_after);
    Head& head = heads.back();
    // The run's findings go on while they come before the next one of every other run
    // (the top of the rest of the heap): one comparison each, not a heap update.
    do {
      merged.push_back(std::move(all[head.next]));
      if (++head.next == head.end) break;
      head.range = all[head.next].range;
    } while (heads.size() == 1 || comes_after(heads.front(), head));
    if (head.next == head.end) {
      heads.pop_back();
    } else {
      std::push_heap(heads.begin(), heads.end(), comes_after);
    }
  }
  return merged;
}

// Keeps the findings `keep` accepts (called once per finding, with its index in `all`) and
// puts them in DiagnosticLess order (stable). `runs` are the ends of the rules' runs in
// `all`: each rule reports in position order, so each run is usually sorted already. When
// `all` has much more room than it keeps (a page with fewer findings than Lint reserved
// for), the runs are merged into a vector of the right size, which gives the room back and
// moves each finding once. Otherwise they are merged in place, neighbouring runs, the pair
// with the fewest findings first: the large run of a raw page's punctuation findings then
// moves about once, and each merge's buffer holds only its smaller side. (Moving every
// finding into a second vector there instead writes as many fresh pages again: on the raw
// 100 MB corpus, 1.7 million findings, a few tenths of a second of page faults. Permuting in
// place by a sorted index is worse: cache misses.)
template <typename Keep>
void SortKept(std::vector<Diagnostic>& all, std::span<const std::size_t> runs, Keep keep) {
  const auto less = [](const Diagnostic& a, const Diagnostic& b) {
    if (a.range.begin != b.range.begin) return a.range.begin < b.range.begin;
    if (a.range.end != b.range.end) return a.range.end < b.range.end;
    return DiagnosticLess(a, b);
  };
  const auto at = [&](std::size_t i) { return all.begin() + static_cast<std::ptrdiff_t>(i); };
  std::vector<std::size_t> bounds;  // run boundaries after dropping
  bounds.reserve(runs.size() + 1);
  bounds.push_back(0);
  std::size_t kept = 0;
  std::size_t i = 0;
  for (const std::size_t run_end : runs) {
    const std::size_t run_begin = kept;
    for (; i < run_end; ++i) {
      if (!keep(i, all[i])) continue;
      if (kept != i) all[kept] = std::move(all[i]);
      ++kept;
    }
    if (!std::is_sorted(at(run_begin), at(kept), less)) {
      std::stable_sort(at(run_begin), at(kept), less);
    }
    if (kept > bounds.back()) bounds.push_back(kept);
  }
  all.erase(at(kept), all.end());
  if (TooRoomy(all, kept)) {
    all = MergeRuns(all, bounds, less);
    return;
  }
  while (bounds.size() > 2) {
    // Runs [bounds[r - 1], bounds[r]) and [bounds[r], bounds[r + 1]).
    std::size_t best = 1;
    for (std::size_t r = 2; r + 1 < bounds.size(); ++r) {
      if (bounds[r + 1] - bounds[r - 1] < bounds[best + 1] - bounds[best - 1]) best = r;
    }
    std::inplace_merge(at(bounds[best - 1]), at(bounds[best]), at(bounds[best + 1]), less);
    bounds.erase(bounds.begin() + static_cast<std::ptrdiff_t>(best));
  }
}

}  // namespace

std::vector<Diagnostic> Lint(const Document& document, const RuleSet& rules) {
  std::vector<Diagnostic> diagnostics;
  // Room for a finding every 32 bytes, above the density of a raw OCR page (one every 58
  // bytes on the benchmark corpus): growing the vector instead moves every finding again.
  // Pages of a large buffer that are never written are never touched, so clean text pays
  // nothing for it; SortKept gives the room back when little of it was used.
  constexpr std::size_t kMaxReserved = std::size_t{1} << 22;
  diagnostics.reserve(std::min(document.text().size() / 32 + 16, kMaxReserved));
  std::vector<Diagnostic> internal_errors;
  std::vector<std::size_t> runs;
  runs.reserve(rules.rules.size() + 1);
  for (const ConfiguredRule& configured : rules.rules) {
    RunRule(document, configured, diagnostics, internal_errors);
    runs.push_back(diagnostics.size());
  }
  // Internal errors are about the rule, not the text: no filter may hide them.
  const std::size_t checked = diagnostics.size();
  std::move(internal_errors.begin(), internal_errors.end(), std::back_inserter(diagnostics));
  runs.push_back(diagnostics.size());
  const Suppressions suppressions(document);
  SortKept(diagnostics, runs, [&](std::size_t index, Diagnostic& diagnostic) {
    return index >= checked || !Dropped(diagnostic, document, suppressions);
  });
  return diagnostics;
}

EditOutcome ApplyNonOverlapping(std::string_view text, const std::vector<const Fix*>& fixes) {
  TakenEdits taken;
  int applied = 0;
  for (const Fix* fix : fixes) {
    if (fix == nullptr || fix->edits.empty() || !WellFormed(*fix, text.size())) continue;
    const bool conflicts = std::any_of(fix->edits.begin(), fix->edits.end(), [&](const Edit& edit) {
      return Conflicts(taken, edit.range);
    });
    if (conflicts) continue;
    for (const Edit& edit : fix->edits) taken.emplace(edit.range, &edit.replacement);
    ++applied;
  }
  EditOutcome outcome;
  outcome.applied = applied;
  outcome.text.reserve(text.size());
  std::size_t position = 0;
  // An insertion sorts before a replacement starting at the same offset, so it lands before it.
  for (const auto& [range, replacement] : taken) {
    outcome.text.append(text.substr(position, range.begin - position));
    outcome.text.append(*replacement);
    position = range.end;
  }
  outcome.text.append(text.substr(position));
  return outcome;
}

namespace {

// Files the fixer must not rewrite: invalid UTF-8 (bytes it cannot represent) and text
// holding NUL bytes, which is most likely a binary file rather than a damaged page.
bool Rewritable(const Document& document) {
  return document.valid_utf8() && document.raw().find('\0') == std::string_view::npos;
}

}  // namespace

FixResult ApplyFixes(std::unique_ptr<Document> document, const RuleSet& rules, FixMode mode,
                     int max_passes) {
  FixResult result;
  std::vector<Diagnostic> diagnostics = Lint(*document, rules);
  // Hashes, not copies, of every text seen: a 100 MB file must not be kept ten times. A
  // collision only stops fixing early, which is safe.
  std::unordered_set<std::size_t> seen;
  const std::hash<std::string_view> hash;
  seen.insert(hash(document->raw()));
  while (Rewritable(*document) && result.passes < max_passes) {
    std::vector<Fix> storage;
    const std::vector<const Fix*> fixes = CollectFixes(*document, diagnostics, mode, storage);
    if (fixes.empty()) break;
    EditOutcome outcome = ApplyNonOverlapping(document->raw(), fixes);
    if (outcome.applied == 0) break;
    // Fixes that undo each other (or change nothing) would loop until max_passes.
    if (!seen.insert(hash(outcome.text)).second) break;
    document = Document::Create(document->path(), std::move(outcome.text), document->format());
    diagnostics = Lint(*document, rules);
    result.applied += outcome.applied;
    ++result.passes;
    result.changed = true;
  }
  result.document = std::move(document);
  result.remaining = std::move(diagnostics);
  return result;
}

}  // namespace ocrlint
