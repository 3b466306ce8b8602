#include <memory>
#include <string>
#include <string_view>

#include "rules/structure/paragraph_end.h"
#include "rules/structure/structure_rules.h"

namespace ocrlint {
namespace {

RuleMeta TruncatedTextMeta() {
  return RuleMeta{
      .id = "truncated-text",
      .group = RuleGroup::kStructure,
      .default_severity = Severity::kWarning,
      .enabled_by_default = true,
      .fix = FixAvailability::kNone,
      .summary = "A paragraph, heading or caption cut off mid-word or mid-sentence",
      .explanation =
          "Flags the last character of a paragraph, heading or caption that breaks off with "
          "nothing continuing it: it ends with a function word (的 和 与 及 把 将 在 对 等 …) or "
          "an enumeration comma, leaves a quotation mark or bracket open, ends with a single "
          "character after 的 that completes no word (\"…融合的科\"), or, for body text, ends "
          "without terminal punctuation while the next paragraph is unrelated (a heading, a "
          "byline, a new topic) and the article does not repeat its last clause as a clause of "
          "its own (a deck that the text echoes is complete). Extraction tools drop the rest of a "
          "column or a page, and "
          "the reader is left with half a sentence.\n\n"
          "Headlines, bylines and captions normally stand without punctuation and are flagged "
          "only on such evidence, or when a clause set apart by spaces or commas is a stub of "
          "one to three characters against long ones (\"真抓实干见成效 奋\"), when the article "
          "goes on with their last characters elsewhere (\"…孟津区签\" where it says "
          "孟津区签署), when their last character only ever begins words in the article "
          "around, or when a compiled-in word list reads a word and then a lone character "
          "at their end (\"产业|集\", \"党组|书\"; names and set phrases end in runs of "
          "single characters instead: 局长|杨|鹏, 开|新|局); decks at the top of an article "
          "likewise. When a later "
          "paragraph continues the sentence the break is `broken-sentence` instead; a "
          "paragraph end gets at most one of the two findings.\n\n"
          "There is no fix: the missing text cannot be invented. The message says what looks "
          "missing.",
      .bad_examples =
          {
              BadExample("## 产业集群和\"生产、生态、生活\"融合的\u27E6科\u27E7\n\n"
                         "为进一步强化反诈预防宣传工作,老城区南关街道组织开展宣传活动。\n",
                         std::nullopt, true),
              BadExample("同时,我市抢抓沿海地区产业转移机遇,培育形成一批具有较强竞争力的千亿级"
                         "产业集群。\n\n此外,通过大力发展汉服体验、沉浸式演艺、剧本娱乐、研学旅行"
                         "、电竞数\u27E6娱\u27E7\n\n打好组合拳 有的放矢把风口产业做大做强\n\n"
                         "选准了主攻方向,如何推动风口产业做大做强?\n",
                         std::nullopt),
              BadExample(
                  "坚持创新引领发展。围绕构建新型工业体系，推动新能源、光电信息\u27E6和\u27E7"
                  "\n\n## 扎实推进新型城镇化\n",
                  std::nullopt, true),
              BadExample("2023年12月1日，洛二高在全市高中工作会议上作了题为《家校\u27E6社\u27E7\n\n"
                         "科技部领导参观洛二高陈冬科技馆\n",
                         std::nullopt),
          },
      .good_examples =
          {
              GoodExample("施工人员有序作业\n\n党员教师宣誓\n"),
              GoodExample("不断巩固和增强经济回升向好态势 加快推动高质量发展\n"),
              GoodExample("洛报融媒记者 郭学锋 通讯员 文鹏\n"),
              GoodExample("让每个孩子享受教育公平的阳光\n\n(上接01版)\n"),
              GoodExample("# 打造工业型历史文化名城减污降碳协同增效\"洛阳样板\"\n", true),
              GoodExample("南关街道织密了反诈防护网，筑起了反诈防火墙。 (郭洁琼 宋婉青)\n"),
          },
      .options = {},
  };
}

MessageText Message(const structure::Truncation& t) {
  using structure::TruncationReason;
  switch (t.reason) {
    case TruncationReason::kOpenPair:
      return MessageText::Concat({"text breaks off inside an open ", t.detail,
                                  ": the rest of the sentence and the closing mark are missing"});
    case TruncationReason::kDanglingWord:
      return MessageText::Concat({"text breaks off after the function word ", t.detail,
                                  ": the rest of the sentence is missing"});
    case TruncationReason::kDanglingComma:
      return MessageText::Concat(
          {"text breaks off after ", t.detail, ": the rest of the sentence is missing"});
    case TruncationReason::kMidWord:
      return MessageText::Concat({"text breaks off mid-word (\"…", t.detail,
                                  "\"): the end of the word and of the sentence are missing"});
    case TruncationReason::kNoContinuation:
      break;
  }
  return MessageText::Borrow(
      "paragraph ends without terminal punctuation and nothing continues it: the end of "
      "the sentence is missing");
}

class TruncatedTextRule final : public Rule {
 public:
  const RuleMeta& meta() const override { return meta_; }

  void Check(const Document& document, DiagnosticSink& sink) const override {
    const structure::ParagraphEnds& ends = structure::SharedParagraphEnds(document);
    for (const structure::Truncation& t : ends.truncated) sink.Report(t.last_char, Message(t));
  }

 private:
  RuleMeta meta_ = TruncatedTextMeta();
};

}  // namespace

std::unique_ptr<Rule> MakeTruncatedTextRule(RuleOptions& /*options*/) {
  return std::make_unique<TruncatedTextRule>();
}

}  // namespace ocrlint
