#include "engine/suppression.h"

#include <algorithm>
#include <string_view>
#include <utility>

namespace ocrlint {
namespace {

constexpr std::string_view kPrefix = "ocrlint-";
constexpr std::string_view kIdeographicSpace = "\u3000";

// A directive comment: where it is and its body (the text between the markers).
struct Found {
  ByteRange where;
  std::string_view body;
};

bool IsAsciiSpace(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

std::string_view TrimAscii(std::string_view text) {
  while (!text.empty() && IsAsciiSpace(text.front())) text.remove_prefix(1);
  while (!text.empty() && IsAsciiSpace(text.back())) text.remove_suffix(1);
  return text;
}

// A line of only spaces, tabs and U+3000 is blank, as in Document.
bool IsBlank(std::string_view line) {
  while (!line.empty()) {
    if (line.front() == ' ' || line.front() == '\t' || line.front() == '\r') {
      line.remove_prefix(1);
    } else if (line.starts_with(kIdeographicSpace)) {
      line.remove_prefix(kIdeographicSpace.size());
    } else {
      return false;
    }
  }
  return true;
}

// Appends every complete "<!-- ... -->" inside `range`.
void FindHtmlComments(std::string_view text, ByteRange range, std::vector<Found>& out) {
  const std::string_view slice = range.In(text);
  std::size_t position = 0;
  while (true) {
    const std::size_t open = slice.find("<!--", position);
    if (open == std::string_view::npos) return;
    const std::size_t close = slice.find("-->", open + 4);
    if (close == std::string_view::npos) return;
    out.push_back({ByteRange{range.begin + open, range.begin + close + 3},
                   slice.substr(open + 4, close - open - 4)});
    position = close + 3;
  }
}

bool InsideAny(const std::vector<ByteRange>& sorted, std::size_t offset) {
  auto it = std::partition_point(sorted.begin(), sorted.end(),
                                 [&](const ByteRange& r) { return r.end <= offset; });
  return it != sorted.end() && it->Contains(offset);
}

// Excluded ranges hold code spans too, and an excluded range may merge a code span with
// the HTML next to it: a comment right after a backtick is code, not a directive.
bool AfterBacktick(std::string_view text, std::size_t offset) {
  while (offset > 0 && text[offset - 1] == ' ') --offset;
  return offset > 0 && text[offset - 1] == '`';
}

std::vector<Found> FindInMarkdown(const Document& document) {
  const std::string_view text = document.text();
  std::vector<Found> found;
  std::vector<ByteRange> code;
  for (const Block& block : document.blocks()) {
    if (block.kind == BlockKind::kHtml) FindHtmlComments(text, block.range, found);
    if (block.kind == BlockKind::kCode) code.push_back(block.range);
  }
  std::sort(code.begin(), code.end());
  std::vector<Found> inline_comments;
  for (const ByteRange& range : document.excluded()) {
    FindHtmlComments(text, range, inline_comments);
  }
  for (const Found& comment : inline_comments) {
    if (InsideAny(code, comment.where.begin) || AfterBacktick(text, comment.where.begin)) continue;
    found.push_back(comment);
  }
  // HTML blocks are excluded ranges too: keep one copy of each comment.
  std::sort(found.begin(), found.end(),
            [](const Found& a, const Found& b) { return a.where < b.where; });
  found.erase(std::unique(found.begin(), found.end(),
                          [](const Found& a, const Found& b) { return a.where == b.where; }),
              found.end());
  return found;
}

std::vector<Found> FindInPlainText(const Document& document) {
  const std::string_view text = document.text();
  std::vector<Found> found;
  for (const Block& block : document.blocks()) {
    if (block.kind != BlockKind::kComment) continue;
    const std::string_view line = TrimAscii(block.range.In(text));
    if (line.starts_with("%%")) {
      found.push_back({block.range, line.substr(2)});
    } else {
      FindHtmlComments(text, block.range, found);
    }
  }
  return found;
}

}  // namespace

Suppressions::Suppressions(const Document& document) : document_(document) {
  const std::vector<Found> found = document.format() == DocumentFormat::kMarkdown
                                       ? FindInMarkdown(document)
                                       : FindInPlainText(document);
  for (const Found& directive : found) Add(directive.body, directive.where);
  std::stable_sort(lines_.begin(), lines_.end(),
                   [](const LineSpan& a, const LineSpan& b) { return a.line < b.line; });
}

void Suppressions::Add(std::string_view directive, ByteRange where) {
  directive = TrimAscii(directive);
  if (!directive.starts_with(kPrefix)) return;
  const std::size_t word_end = directive.find_first_of(" \t\r\n,");
  const std::string_view word = directive.substr(0, word_end);
  Selectors selectors;
  bool all = false;
  std::size_t position = word.size();
  while (position < directive.size()) {
    const std::size_t begin = directive.find_first_not_of(" \t\r\n,", position);
    if (begin == std::string_view::npos) break;
    const std::size_t end = std::min(directive.find_first_of(" \t\r\n,", begin), directive.size());
    const std::string_view name = directive.substr(begin, end - begin);
    all = all || name == "all";
    selectors.push_back(Selector{std::string(name), ParseRuleGroup(name)});
    position = end;
  }
  if (all) selectors.clear();

  const LineIndex& lines = document_.lines();
  const std::size_t first_line = lines.LineOf(where.begin);
  if (word == "ocrlint-disable-line") {
    lines_.push_back({first_line, std::move(selectors)});
  } else if (word == "ocrlint-disable-next-line") {
    std::size_t line = lines.LineOf(where.end - 1) + 1;
    while (line < lines.line_count() && IsBlank(lines.LineRange(line).In(document_.text()))) {
      ++line;
    }
    if (line < lines.line_count()) lines_.push_back({line, std::move(selectors)});
  } else if (word == "ocrlint-disable") {
    SetState(selectors, true, first_line);
  } else if (word == "ocrlint-enable") {
    SetState(selectors, false, lines.LineOf(where.end - 1) + 1);
  } else if (word == "ocrlint-disable-file") {
    file_wide_.push_back(std::move(selectors));
  }
}

void Suppressions::SetState(const Selectors& selectors, bool disabled, std::size_t from_line) {
  std::vector<Toggle> toggles = regions_.empty() ? std::vector<Toggle>{} : regions_.back().toggles;
  if (selectors.empty()) {
    toggles.clear();
    if (disabled) toggles.push_back(Toggle{Selector{}, true, true});
  } else {
    for (const Selector& selector : selectors) {
      std::erase_if(toggles,
                    [&](const Toggle& t) { return !t.all && t.selector.name == selector.name; });
      toggles.push_back(Toggle{selector, false, disabled});
    }
  }
  // Directives arrive in document order; one on the same line as the previous overrides it.
  if (!regions_.empty() && from_line <= regions_.back().first_line) {
    regions_.back().toggles = std::move(toggles);
  } else {
    regions_.push_back(Region{from_line, std::move(toggles)});
  }
}

bool Suppressions::Matches(const Selector& selector, const RuleMeta& rule) {
  return selector.group ? *selector.group == rule.group : selector.name == rule.id;
}

bool Suppressions::Matches(const Selectors& selectors, const RuleMeta& rule) {
  if (selectors.empty()) return true;
  return std::any_of(selectors.begin(), selectors.end(),
                     [&](const Selector& selector) { return Matches(selector, rule); });
}

bool Suppressions::Suppresses(const Diagnostic& diagnostic) const {
  if (diagnostic.rule == nullptr) return false;
  const RuleMeta& rule = *diagnostic.rule;
  for (const Selectors& selectors : file_wide_) {
    if (Matches(selectors, rule)) return true;
  }
  const std::size_t line = document_.lines().LineOf(diagnostic.range.begin);
  auto span = std::partition_point(lines_.begin(), lines_.end(),
                                   [&](const LineSpan& s) { return s.line < line; });
  for (; span != lines_.end() && span->line == line; ++span) {
    if (Matches(span->rules, rule)) return true;
  }
  auto region = std::partition_point(regions_.begin(), regions_.end(),
                                     [&](const Region& r) { return r.first_line <= line; });
  if (region == regions_.begin()) return false;
  const std::vector<Toggle>& toggles = std::prev(region)->toggles;
  for (auto toggle = toggles.rbegin(); toggle != toggles.rend(); ++toggle) {
    if (toggle->all || Matches(toggle->selector, rule)) return toggle->disabled;
  }
  return false;
}

}  // namespace ocrlint
