#include <utf8proc.h>

#include <memory>
#include <optional>
#include <string>

#include "rules/hygiene/hygiene_rules.h"
#include "text/char_class.h"
#include "text/utf8.h"

namespace ocrlint {
namespace {

RuleMeta CompatIdeographMeta() {
  return RuleMeta{
      .id = "compat-ideograph",
      .group = RuleGroup::kHygiene,
      .default_severity = Severity::kWarning,
      .enabled_by_default = true,
      .fix = FixAvailability::kSometimes,
      .summary = "Kangxi radicals and compatibility ideographs instead of unified ideographs",
      .explanation =
          "Flags characters that look like ordinary Chinese characters but are not: the "
          "Kangxi radicals (U+2F00-2FD5), the CJK Radicals Supplement (U+2E80-2EFF) and "
          "the CJK Compatibility Ideographs (U+F900-FAFF, U+2F800-2FA1F).\n\n"
          "OCR engines and PDF fonts map glyphs to these code points, so 人 may come out "
          "as \u2F08 KANGXI RADICAL MAN. The text looks right but search, sorting, "
          "dictionaries and the other rules do not recognise the character.\n\n"
          "The fix replaces the character with the unified ideograph Unicode maps it to "
          "(its NFKC form for radicals, its NFC form for compatibility ideographs) and is "
          "safe. Most of the Radicals Supplement has no such mapping: those are reported "
          "without a fix.",
      .bad_examples =
          {
              BadExample("\u27E6\u2F08\u27E7民政府", "人民政府"),
              BadExample("\u27E6\u2F24\u27E7学\u27E6\u2F26\u27E7", "大学子"),
              BadExample("\u27E6\uF900\u27E7不", "\u8C48不"),
              BadExample("\u27E6\u2E8C\u27E7", std::nullopt),
          },
      .good_examples =
          {
              GoodExample("人民政府"),
              // U+FA0E is one of the twelve unified ideographs in the compatibility block.
              GoodExample("\uFA0E"),
          },
      .options = {},
  };
}

// Where a candidate may start: E2 BA-BF holds U+2E80-2FFF, EF A4-AB holds U+F900-FAFF,
// F0 AF holds U+2F000-2FFFF.
constexpr auto kMayStartCandidate = [](ByteVector a, ByteVector b, ByteVector /*c*/) {
  return ((a == 0xE2) & (b >= 0xBA) & (b <= 0xBF)) | ((a == 0xEF) & (b >= 0xA4) & (b <= 0xAB)) |
         ((a == 0xF0) & (b == 0xAF));
};

bool IsRadical(char32_t c) { return c >= 0x2E80 && c <= 0x2FD5; }
bool IsCompatIdeograph(char32_t c) {
  return (c >= 0xF900 && c <= 0xFAFF) || (c >= 0x2F800 && c <= 0x2FA1F);
}

// The single code point `c` decomposes to (compatibility decomposition for radicals,
// canonical for compatibility ideographs), or nullopt when it has none.
std::optional<char32_t> UnifiedForm(char32_t c) {
  utf8proc_int32_t out[4];
  int boundclass = 0;
  const int options = UTF8PROC_DECOMPOSE | (IsRadical(c) ? UTF8PROC_COMPAT : 0);
  const utf8proc_ssize_t n =
      utf8proc_decompose_char(static_cast<utf8proc_int32_t>(c), out, 4,
                              static_cast<utf8proc_option_t>(options), &boundclass);
  if (n != 1 || static_cast<char32_t>(out[0]) == c) return std::nullopt;
  return static_cast<char32_t>(out[0]);
}

void CheckCharacter(char32_t c, ByteRange range, DiagnosticSink& sink) {
  const std::string name = EncodeUtf8(c) + " " + DescribeCodePoint(c);
  const std::optional<char32_t> unified = UnifiedForm(c);
  if (!unified) {
    sink.Report(range, name + " is a radical with no equivalent ideograph in Unicode");
    return;
  }
  const std::string ideograph = EncodeUtf8(*unified);
  const std::string described = DescribeCodePoint(*unified);
  const std::string target = ideograph + " " + described.substr(0, described.find(' '));
  const std::string problem =
      IsRadical(c) ? " is a radical, not the ideograph " : " is a compatibility variant of ";
  sink.ReportWithFix(range, name + problem + target, Applicability::kSafe,
                     "replace with " + ideograph, ideograph);
}

class CompatIdeographRule final : public Rule {
 public:
  const RuleMeta& meta() const override { return meta_; }

  void Check(const Document& document, DiagnosticSink& sink) const override {
    const std::string_view text = document.text();
    for (std::size_t offset = FindCandidate(text, 0, kMayStartCandidate); offset < text.size();
         offset = FindCandidate(text, offset + 1, kMayStartCandidate)) {
      const Decoded decoded = DecodeUtf8(text, offset);
      const char32_t c = decoded.code_point;
      if (!IsRadical(c) && !IsCompatIdeograph(c)) continue;
      // Unassigned code points of these blocks are no finding.
      if (utf8proc_category(static_cast<utf8proc_int32_t>(c)) == UTF8PROC_CATEGORY_CN) {
        continue;
      }
      // The twelve unified ideographs of U+FA0E-FA29 map to themselves.
      if (IsCompatIdeograph(c) && !UnifiedForm(c)) continue;
      CheckCharacter(c, {offset, offset + decoded.length}, sink);
    }
  }

 private:
  RuleMeta meta_ = CompatIdeographMeta();
};

}  // namespace

std::unique_ptr<Rule> MakeCompatIdeographRule(RuleOptions& /*options*/) {
  return std::make_unique<CompatIdeographRule>();
}

}  // namespace ocrlint
