#include "output/diff.h"

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

namespace ocrlint {
namespace {

// Splits `text` into lines that keep their "\n" (the last one may lack it).
std::vector<std::string_view> SplitLines(std::string_view text) {
  std::vector<std::string_view> lines;
  std::size_t start = 0;
  while (start < text.size()) {
    const std::size_t newline = text.find('\n', start);
    const std::size_t end = newline == std::string_view::npos ? text.size() : newline + 1;
    lines.push_back(text.substr(start, end - start));
    start = end;
  }
  return lines;
}

// Beyond this many edits in one sub-problem the search gives up and reports the whole
// sub-range as replaced: a correct but not minimal diff, instead of quadratic time on
// files that share almost nothing.
constexpr std::ptrdiff_t kMaxEditCost = 2048;

// Myers' linear-space diff over line ids, marking changed lines (as GNU diff does).
class LineDiffer {
 public:
  LineDiffer(std::vector<std::uint32_t> a, std::vector<std::uint32_t> b)
      : a_(std::move(a)), b_(std::move(b)), deleted_(a_.size()), inserted_(b_.size()) {}

  void Run() { Compare(0, Size(a_), 0, Size(b_)); }
  const std::vector<bool>& deleted() const { return deleted_; }
  const std::vector<bool>& inserted() const { return inserted_; }

 private:
  static std::ptrdiff_t Size(const std::vector<std::uint32_t>& v) {
    return static_cast<std::ptrdiff_t>(v.size());
  }

  void MarkAll(std::ptrdiff_t a0, std::ptrdiff_t a1, std::ptrdiff_t b0, std::ptrdiff_t b1) {
    for (std::ptrdiff_t i = a0; i < a1; ++i) deleted_[i] = true;
    for (std::ptrdiff_t j = b0; j < b1; ++j) inserted_[j] = true;
  }

  void Compare(std::ptrdiff_t a0, std::ptrdiff_t a1, std::ptrdiff_t b0, std::ptrdiff_t b1) {
    while (a0 < a1 && b0 < b1 && a_[a0] == b_[b0]) ++a0, ++b0;
    while (a0 < a1 && b0 < b1 && a_[a1 - 1] == b_[b1 - 1]) --a1, --b1;
    if (a0 == a1 || b0 == b1) {
      MarkAll(a0, a1, b0, b1);
      return;
    }
    std::ptrdiff_t x = 0;
    std::ptrdiff_t y = 0;
    if (!Bisect(a0, a1, b0, b1, x, y) || (x == a0 && y == b0) || (x == a1 && y == b1)) {
      MarkAll(a0, a1, b0, b1);
      return;
    }
    Compare(a0, x, b0, y);
    Compare(x, a1, y, b1);
  }

  // Finds a point (x, y) on an optimal edit path through the middle of the edit graph by
  // running the search from both ends (after diff-match-patch's diff_bisect). False when
  // the edit cost exceeds kMaxEditCost.
  bool Bisect(std::ptrdiff_t a0, std::ptrdiff_t a1, std::ptrdiff_t b0, std::ptrdiff_t b1,
              std::ptrdiff_t& split_x, std::ptrdiff_t& split_y) const {
    const std::ptrdiff_t n = a1 - a0;
    const std::ptrdiff_t m = b1 - b0;
    const std::ptrdiff_t max_d = std::min((n + m + 1) / 2, kMaxEditCost);
    const std::ptrdiff_t offset = max_d + 1;
    const std::ptrdiff_t length = 2 * offset + 2;
    std::vector<std::ptrdiff_t> forward(length, -1);
    std::vector<std::ptrdiff_t> backward(length, -1);
    forward[offset + 1] = 0;
    backward[offset + 1] = 0;
    const std::ptrdiff_t delta = n - m;
    const bool front = (delta % 2) != 0;
    std::ptrdiff_t k1_start = 0, k1_end = 0, k2_start = 0, k2_end = 0;
    for (std::ptrdiff_t d = 0; d < max_d; ++d) {
      for (std::ptrdiff_t k1 = -d + k1_start; k1 <= d - k1_end; k1 += 2) {
        const std::ptrdiff_t k1_offset = offset + k1;
        std::ptrdiff_t x1 =
            (k1 == -d || (k1 != d && forward[k1_offset - 1] < forward[k1_offset + 1]))
                ? forward[k1_offset + 1]
                : forward[k1_offset - 1] + 1;
        std::ptrdiff_t y1 = x1 - k1;
        while (x1 < n && y1 < m && a_[a0 + x1] == b_[b0 + y1]) ++x1, ++y1;
        forward[k1_offset] = x1;
        if (x1 > n) {
          k1_end += 2;
        } else if (y1 > m) {
          k1_start += 2;
        } else if (front) {
          const std::ptrdiff_t k2_offset = offset + delta - k1;
          if (k2_offset >= 0 && k2_offset < length && backward[k2_offset] != -1 &&
              x1 >= n - backward[k2_offset]) {
            split_x = a0 + x1;
            split_y = b0 + y1;
            return true;
          }
        }
      }
      for (std::ptrdiff_t k2 = -d + k2_start; k2 <= d - k2_end; k2 += 2) {
        const std::ptrdiff_t k2_offset = offset + k2;
        std::ptrdiff_t x2 =
            (k2 == -d || (k2 != d && backward[k2_offset - 1] < backward[k2_offset + 1]))
                ? backward[k2_offset + 1]
                : backward[k2_offset - 1] + 1;
        std::ptrdiff_t y2 = x2 - k2;
        while (x2 < n && y2 < m && a_[a1 - x2 - 1] == b_[b1 - y2 - 1]) ++x2, ++y2;
        backward[k2_offset] = x2;
        if (x2 > n) {
          k2_end += 2;
        } else if (y2 > m) {
          k2_start += 2;
        } else if (!front) {
          const std::ptrdiff_t k1_offset = offset + delta - k2;
          if (k1_offset >= 0 && k1_offset < length && forward[k1_offset] != -1) {
            const std::ptrdiff_t x1 = forward[k1_offset];
            const std::ptrdiff_t y1 = offset + x1 - k1_offset;
            if (x1 >= n - x2) {
              split_x = a0 + x1;
              split_y = b0 + y1;
              return true;
            }
          }
        }
      }
    }
    return false;
  }

  std::vector<std::uint32_t> a_;
  std::vector<std::uint32_t> b_;
  std::vector<bool> deleted_;
  std::vector<bool> inserted_;
};

// One run of changed lines: before[a0, a1) became after[b0, b1).
struct Change {
  std::size_t a0, a1, b0, b1;
};

std::vector<Change> Changes(const std::vector<bool>& deleted, const std::vector<bool>& inserted) {
  std::vector<Change> changes;
  std::size_t i = 0;
  std::size_t j = 0;
  while (i < deleted.size() || j < inserted.size()) {
    const bool del = i < deleted.size() && deleted[i];
    const bool ins = j < inserted.size() && inserted[j];
    if (!del && !ins) {
      ++i, ++j;
      continue;
    }
    Change change{i, i, j, j};
    while (change.a1 < deleted.size() && deleted[change.a1]) ++change.a1;
    while (change.b1 < inserted.size() && inserted[change.b1]) ++change.b1;
    changes.push_back(change);
    i = change.a1;
    j = change.b1;
  }
  return changes;
}

// "l,n" as diff -u writes it: an empty range names the line before it, a single line
// omits the count.
std::string RangeText(std::size_t start, std::size_t count) {
  if (count == 1) return std::to_string(start + 1);
  const std::size_t first = count == 0 ? start : start + 1;
  return std::to_string(first) + "," + std::to_string(count);
}

void AppendLine(std::string& out, char prefix, std::string_view line) {
  out += prefix;
  out += line;
  if (line.empty() || line.back() != '\n') out += "\n\\ No newline at end of file\n";
}

}  // namespace

std::string UnifiedDiff(std::string_view path, std::string_view before, std::string_view after,
                        int context) {
  if (before == after) return "";
  const std::vector<std::string_view> a = SplitLines(before);
  const std::vector<std::string_view> b = SplitLines(after);

  // Compare lines by small integer ids, so the diff never compares strings twice.
  std::unordered_map<std::string_view, std::uint32_t> ids;
  auto to_ids = [&ids](const std::vector<std::string_view>& lines) {
    std::vector<std::uint32_t> out;
    out.reserve(lines.size());
    for (std::string_view line : lines) {
      out.push_back(ids.emplace(line, static_cast<std::uint32_t>(ids.size())).first->second);
    }
    return out;
  };
  LineDiffer differ(to_ids(a), to_ids(b));
  differ.Run();
  const std::vector<Change> changes = Changes(differ.deleted(), differ.inserted());

  const std::size_t ctx = static_cast<std::size_t>(std::max(context, 0));
  std::string out;
  out += "--- a/";
  out += path;
  out += "\n+++ b/";
  out += path;
  out += "\n";
  std::size_t first = 0;
  while (first < changes.size()) {
    // Changes whose context would touch or overlap share one hunk.
    std::size_t last = first;
    while (last + 1 < changes.size() && changes[last + 1].a0 - changes[last].a1 <= 2 * ctx) {
      ++last;
    }
    const Change& head = changes[first];
    const Change& tail = changes[last];
    const std::size_t lead = std::min(ctx, head.a0);
    const std::size_t trail = std::min(ctx, a.size() - tail.a1);
    const std::size_t a_start = head.a0 - lead;
    const std::size_t b_start = head.b0 - lead;
    const std::size_t a_end = tail.a1 + trail;
    const std::size_t b_end = tail.b1 + trail;
    out += "@@ -" + RangeText(a_start, a_end - a_start) + " +" +
           RangeText(b_start, b_end - b_start) + " @@\n";
    std::size_t i = a_start;
    for (std::size_t c = first; c <= last; ++c) {
      const Change& change = changes[c];
      for (; i < change.a0; ++i) AppendLine(out, ' ', a[i]);
      for (std::size_t k = change.a0; k < change.a1; ++k) AppendLine(out, '-', a[k]);
      for (std::size_t k = change.b0; k < change.b1; ++k) AppendLine(out, '+', b[k]);
      i = change.a1;
    }
    for (; i < a_end; ++i) AppendLine(out, ' ', a[i]);
    first = last + 1;
  }
  return out;
}

}  // namespace ocrlint
