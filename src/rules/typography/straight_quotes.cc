#include <cstring>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "rules/typography/typography_rules.h"
#include "text/char_class.h"
#include "text/utf8.h"

namespace ocrlint {
namespace {

RuleMeta StraightQuotesMeta() {
  return RuleMeta{
      .id = "straight-quotes",
      .group = RuleGroup::kTypography,
      .default_severity = Severity::kWarning,
      .enabled_by_default = true,
      .fix = FixAvailability::kSometimes,
      .summary = "ASCII \" or ' used as quotation marks in Chinese text",
      .explanation =
          "Flags ASCII double and single quotes used as quotation marks in Chinese text, "
          "where “” and ‘’ belong. OCR and PDF extraction often turn every curly quote into "
          "a straight one, which loses the difference between opening and closing quotes.\n\n"
          "Quotes are paired in order within the paragraph. When the pairing is unambiguous "
          "(an even number of quotes that alternate: every opening quote is followed by "
          "text, every closing one preceded by text), each pair is reported with a safe fix "
          "that makes it “…” (or ‘…’). Otherwise each quote in Chinese context is reported "
          "without a fix. Quotes with Latin text on both sides (English quotations, "
          "apostrophes such as don't) and quotes in code are left alone.",
      .bad_examples =
          {
              BadExample(
                  "日前，涧西区委书记谢峰说，将锚定\u27E6\"重振涧西区、重塑高新区\"\u27E7总目标。",
                  "日前，涧西区委书记谢峰说，将锚定“重振涧西区、重塑高新区”总目标。"),
              BadExample("## 产业集群和\u27E6\"生产、生态、生活\"\u27E7融合\n",
                         "## 产业集群和“生产、生态、生活”融合\n", true),
              BadExample("他说：\u27E6'你好'\u27E7。", "他说：‘你好’。"),
              BadExample("扭住\u27E6\"\u27E7三项重点工作，用好三个重要抓手。", std::nullopt),
          },
      .good_examples =
          {
              GoodExample("他说：“你好。”"),
              GoodExample("He said \"yes\" and left. 他走了。"),
              GoodExample("中文里的 `\"code\"` 不算。", true),
              GoodExample("I don't know. 我不知道。"),
          },
      .options = {},
  };
}

constexpr auto kIsQuote = [](ByteVector a, ByteVector /*b*/, ByteVector /*c*/) {
  return (a == '"') | (a == '\'');
};

bool IsCjk(char32_t c) { return IsHan(c) || IsCjkPunctuation(c); }

bool IsQuote(char32_t c) { return c == U'"' || c == U'\''; }

// The nearest character on each side that is not a straight quote.
char32_t NearestLeft(std::string_view text, std::size_t begin, std::size_t pos) {
  while (pos > begin) {
    const Decoded d = DecodeUtf8Before(text, pos);
    if (!IsQuote(d.code_point)) return d.code_point;
    pos -= d.length;
  }
  return kInvalidCodePoint;
}

char32_t NearestRight(std::string_view text, std::size_t end, std::size_t pos) {
  while (pos < end) {
    const Decoded d = DecodeUtf8(text, pos);
    if (!IsQuote(d.code_point)) return d.code_point;
    pos += d.length;
  }
  return kInvalidCodePoint;
}

struct Quote {
  std::size_t offset = 0;
  bool chinese = false;    // CJK on the nearest side
  bool can_open = false;   // text follows it
  bool can_close = false;  // text precedes it
};

bool IsText(unsigned char byte) { return byte != ' ' && byte != '\t' && byte != '\n'; }

class StraightQuotesRule final : public Rule {
 public:
  const RuleMeta& meta() const override { return meta_; }

  void Check(const Document& document, DiagnosticSink& sink) const override {
    const std::string_view text = document.text();
    for (const Block& block : document.blocks()) {
      if (!block.IsProse() || block.content.empty()) continue;
      const std::string_view content = block.content.In(text);
      // One vector scan tells whether the block has any straight quote at all.
      if (FindCandidate(content, 0, kIsQuote) >= content.size()) continue;
      CheckBlock(document, text, block.content, kDoubleQuote, sink);
      CheckBlock(document, text, block.content, kSingleQuote, sink);
    }
  }

 private:
  // A straight quote, its curly pair and the texts of its findings: the same for every
  // finding, so they are borrowed, not built per finding.
  struct QuoteKind {
    char quote;
    std::string_view open, close;
    std::string_view ambiguous_message, pair_message, fix_title;
  };
  static constexpr QuoteKind kDoubleQuote{
      '"',
      "“",
      "”",
      "straight quote \" in Chinese text; its pair in this paragraph is ambiguous",
      "straight quotes \"\" used as quotation marks in Chinese text",
      "replace with “”"};
  static constexpr QuoteKind kSingleQuote{
      '\'',
      "‘",
      "’",
      "straight quote ' in Chinese text; its pair in this paragraph is ambiguous",
      "straight quotes '' used as quotation marks in Chinese text",
      "replace with ‘’"};

  static void CheckBlock(const Document& document, std::string_view text, ByteRange block,
                         const QuoteKind& kind, DiagnosticSink& sink) {
    const char quote = kind.quote;
    const char* data = text.data();
    std::vector<Quote> quotes;
    bool any_chinese = false;
    for (std::size_t i = block.begin; i < block.end;) {
      const void* hit = std::memchr(data + i, quote, block.end - i);
      if (!hit) break;
      const std::size_t at = static_cast<std::size_t>(static_cast<const char*>(hit) - data);
      i = at + 1;
      if (document.IsExcluded(ByteRange{at, at + 1})) continue;
      const char32_t left = NearestLeft(text, block.begin, at);
      const char32_t right = NearestRight(text, block.end, at + 1);
      // An apostrophe or an English quotation: Latin on both sides.
      if (quote == '\'' && at > block.begin && at + 1 < block.end &&
          IsAsciiAlnum(static_cast<unsigned char>(text[at - 1])) &&
          IsAsciiAlnum(static_cast<unsigned char>(text[at + 1]))) {
        continue;
      }
      Quote q;
      q.offset = at;
      q.chinese = IsCjk(left) || IsCjk(right);
      q.can_open = at + 1 < block.end && IsText(static_cast<unsigned char>(text[at + 1]));
      q.can_close = at > block.begin && IsText(static_cast<unsigned char>(text[at - 1]));
      any_chinese = any_chinese || q.chinese;
      quotes.push_back(q);
    }
    if (!any_chinese) return;
    bool pairable = quotes.size() % 2 == 0;
    for (std::size_t k = 0; pairable && k < quotes.size(); k += 2) {
      pairable = quotes[k].can_open && quotes[k + 1].can_close;
    }
    if (!pairable) {
      for (const Quote& q : quotes) {
        if (!q.chinese) continue;
        sink.Report(ByteRange{q.offset, q.offset + 1}, MessageText::Borrow(kind.ambiguous_message));
      }
      return;
    }
    for (std::size_t k = 0; k < quotes.size(); k += 2) {
      const Quote& first = quotes[k];
      const Quote& second = quotes[k + 1];
      if (!first.chinese && !second.chinese) continue;
      Diagnostic& d = sink.Report(ByteRange{first.offset, second.offset + 1},
                                  MessageText::Borrow(kind.pair_message));
      Fix& fix = d.fix.emplace();
      fix.applicability = Applicability::kSafe;
      fix.message = MessageText::Borrow(kind.fix_title);
      fix.edits.push_back(Edit{ByteRange{first.offset, first.offset + 1}, std::string(kind.open)});
      fix.edits.push_back(
          Edit{ByteRange{second.offset, second.offset + 1}, std::string(kind.close)});
    }
  }

  RuleMeta meta_ = StraightQuotesMeta();
};

}  // namespace

std::unique_ptr<Rule> MakeStraightQuotesRule(RuleOptions& /*options*/) {
  return std::make_unique<StraightQuotesRule>();
}

}  // namespace ocrlint
