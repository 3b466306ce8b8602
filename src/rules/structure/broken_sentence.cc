#include <memory>
#include <string>
#include <string_view>

#include "rules/structure/paragraph_end.h"
#include "rules/structure/structure_rules.h"
#include "text/utf8.h"

namespace ocrlint {
namespace {

RuleMeta BrokenSentenceMeta() {
  return RuleMeta{
      .id = "broken-sentence",
      .group = RuleGroup::kStructure,
      .default_severity = Severity::kWarning,
      .enabled_by_default = true,
      .fix = FixAvailability::kAlways,
      .summary = "A sentence split into two paragraphs at a column or page break",
      .explanation =
          "Flags the break between two paragraphs when the first is body text that ends "
          "without terminal punctuation and its sentence goes on in the second (\"打造铝加工、"
          "耐火耐磨\" / \"两大优势产业集群\"). OCR and PDF extraction turn every column break "
          "of a printed page into a paragraph break, and an image caption often lands between "
          "the halves (\"既注重提升自身能\" / \"我市跟班学习干部到广汽传祺考察学习 (资料图片)\" / "
          "\"力素质\").\n\n"
          "The evidence read at the break, for the text running on: a quotation mark or bracket "
          "opened in the first half closes in the second; the second starts with punctuation or "
          "a particle that cannot start a sentence; segmentation by word frequencies (a word "
          "list of about 300,000 words compiled in) joins the characters on both sides into "
          "one word (推|进 is 推进), or the article uses the two "
          "characters side by side elsewhere; a number and its unit, a numeral and its "
          "classifier; a clause of at most three characters on either side; an enumeration "
          "going on across the break; a comma or an adverb before it; 的 before the noun heading "
          "a clause of time (…发展的 / 同时，…). Against it: the second "
          "paragraph opens a sentence of its own (日前, 此外, 据统计, a date, \"…负责人介绍，\", "
          "a quotation, the same opening as a neighbouring paragraph, a closing line of names "
          "that attended: …等参加。), or the first ends with a "
          "preposition or conjunction, or with a character that forms no word and the second "
          "does not begin mid-word. Without either, body text followed by body text is one "
          "sentence; across captions at the top of an article, where decks stand without "
          "punctuation, and after a first half without punctuation, only evidence joins. "
          "Headings, list items, "
          "bylines, captions and headlines are never joined. A paragraph that ends mid-sentence "
          "with nothing continuing it is `truncated-text`; a paragraph end gets at most one of "
          "the two findings.\n\n"
          "The fix joins the halves (no space between CJK characters, a space between Latin "
          "words, the hyphen of a hyphenated Latin word removed) and moves the captions that "
          "stood between them after the joined paragraph. It is unsafe: the evidence is "
          "statistical.",
      .bad_examples =
          {
              BadExample("以乡村振兴示范区建设为主抓手，一体推\u27E6\n\n\u27E7进12万亩高标准农田"
                         "土地综合整治。\n",
                         "以乡村振兴示范区建设为主抓手，一体推进12万亩高标准农田土地综合整治。\n"),
              BadExample("跟班学习如何学?在跟班学习期间,跟班学习干部既注重提升自身能\u27E6\n\n"
                         "我市跟班学习干部到广汽传祺考察学习 (资料图片)\n\n\u27E7力素质,"
                         "又为深化地区交流牵线搭桥。\n",
                         "跟班学习如何学?在跟班学习期间,跟班学习干部既注重提升自身能力素质,"
                         "又为深化地区交流牵线搭桥。\n\n我市跟班学习干部到广汽传祺考察学习 "
                         "(资料图片)\n"),
              BadExample("坚持创新引领发展。围绕构建新型工业体系，一手抓传统产业转型升级。\n\n"
                         "一手抓传统产业转型升级，打造铝加工、耐火耐磨\u27E6\n\n\u27E7两大优势产业"
                         "集群；推动产业发展提速、提质、提效。\n",
                         "坚持创新引领发展。围绕构建新型工业体系，一手抓传统产业转型升级。\n\n"
                         "一手抓传统产业转型升级，打造铝加工、耐火耐磨两大优势产业集群；推动产业"
                         "发展提速、提质、提效。\n"),
              BadExample("The committee approved the plan, and the infor\u27E6-\n\n\u27E7mation "
                         "was published the next day.\n",
                         "The committee approved the plan, and the information was published "
                         "the next day.\n"),
          },
      .good_examples =
          {
              GoodExample(
                  "坚持创新引领发展。围绕构建新型工业体系，推动产业发展提速、提质、提效。\n\n"
                  "扎实推进新型城镇化。统筹新老城区发展，加快提升滨水新城承载能力。\n"),
              GoodExample("不断巩固和增强经济回升向好态势 加快推动高质量发展\n\n一把手访谈\n\n"
                          "砥砺前行抓落实 笃行实干勇担当\n"),
              GoodExample("市委组织部先后选派三批干部到经济发达地区跟班学习,推动其转变思维理念、"
                          "提升创新能力、锤炼务实作风\n\n跟班学习“取真经” “充电蓄能”促发展\n\n"
                          "“眼界更开阔,思想有触动。”昨日,谈及在深圳跟班学习三个月的收获。\n"),
              GoodExample("南关街道织密了反诈防护网，筑起了反诈防火墙。\n\n洛报融媒记者 郭学锋 "
                          "通讯员 文鹏\n\n施工人员有序作业\n"),
              GoodExample("# 真抓实干谋发展\n\n奋勇争先谱新篇\n", true),
          },
      .options = {},
  };
}

// Up to `count` characters of `text` before `end` / after `begin`, for messages.
std::string_view TailChars(std::string_view text, std::size_t begin, std::size_t end, int count) {
  std::size_t pos = end;
  for (int n = 0; n < count && pos > begin; ++n) pos -= DecodeUtf8BeforeFast(text, pos).length;
  return text.substr(pos, end - pos);
}

std::string_view HeadChars(std::string_view text, std::size_t begin, std::size_t end, int count) {
  std::size_t pos = begin;
  for (int n = 0; n < count && pos < end; ++n) pos += DecodeUtf8Fast(text, pos).length;
  return text.substr(begin, pos - begin);
}

class BrokenSentenceRule final : public Rule {
 public:
  const RuleMeta& meta() const override { return meta_; }

  void Check(const Document& document, DiagnosticSink& sink) const override {
    const structure::ParagraphEnds& ends = structure::SharedParagraphEnds(document);
    const std::string_view text = document.text();
    for (const structure::BrokenSentence& broken : ends.broken) {
      const Block& first = document.blocks()[broken.first];
      const Block& second = document.blocks()[broken.second];
      const int captions = static_cast<int>(broken.second - broken.first - 1);
      // Rare: a count above one is spelled out.
      const std::string many_captions =
          captions > 1 ? ", with " + std::to_string(captions) + " captions between the halves" : "";
      Diagnostic& d = sink.Report(
          broken.junction,
          MessageText::Concat(
              {"sentence broken across paragraphs",
               captions == 1 ? ", with a caption between the halves" : "", many_captions, ": \"…",
               TailChars(text, first.content.begin, broken.junction.begin, 4), "\" continues as \"",
               HeadChars(text, second.content.begin, second.content.end, 4), "…\""}));
      const std::size_t next = second.content.begin;
      d.related.push_back(RelatedLocation{ByteRange{next, next + DecodeUtf8Fast(text, next).length},
                                          MessageText::Borrow("the sentence continues here")});
      Fix fix;
      fix.applicability = Applicability::kUnsafe;
      fix.message = MessageText::Borrow(
          captions == 0   ? "join the paragraphs"
          : captions == 1 ? "join the paragraphs and move the caption after them"
                          : "join the paragraphs and move the captions after them");
      fix.edits.push_back(Edit{broken.junction, broken.joiner});
      if (!broken.moved.empty()) {
        fix.edits.push_back(Edit{ByteRange{broken.move_to, broken.move_to},
                                 std::string(broken.moved.In(document.raw()))});
      }
      d.fix = std::move(fix);
    }
  }

 private:
  RuleMeta meta_ = BrokenSentenceMeta();
};

}  // namespace

std::unique_ptr<Rule> MakeBrokenSentenceRule(RuleOptions& /*options*/) {
  return std::make_unique<BrokenSentenceRule>();
}

}  // namespace ocrlint
