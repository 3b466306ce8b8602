#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "rules/hygiene/rule_check.h"
#include "rules/structure/corpus_sample.h"
#include "rules/structure/structure_rules.h"
#include "text/utf8.h"

namespace ocrlint {
namespace {

using testing_util::RangeOf;
using testing_util::ReadCorpusSample;

using testing_util::RuleCheck;

// `text` without the bytes of `range`.
std::string Without(const std::string& text, ByteRange range) {
  return text.substr(0, range.begin) + text.substr(range.end);
}

class DuplicateSpanRuleTest : public testing::Test {
 protected:
  RuleCheck check_{&MakeDuplicateSpanRule};
};

TEST_F(DuplicateSpanRuleTest, SentencePastedAgainMidParagraph) {
  const std::string sentence = "该项目总投资3.5亿元，目前已进入收尾阶段，将于本月底正式投入运营。";
  const std::string text = "据介绍，" + sentence + "徐超文实地察看项目建设进度。" + sentence +
                           "她强调，要把准大局大势。";
  const auto found = check_.Run(text);
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].range, RangeOf(text, sentence, 1));
  EXPECT_EQ(found[0].message, "span of 28 CJK characters repeats earlier text");
  ASSERT_EQ(found[0].related.size(), 1u);
  EXPECT_EQ(found[0].related[0].range, RangeOf(text, sentence, 0));
  EXPECT_EQ(found[0].related[0].message, "first occurrence here");
  ASSERT_TRUE(found[0].fix);
  EXPECT_EQ(found[0].fix->applicability, Applicability::kUnsafe);
  EXPECT_EQ(found[0].fix->message, "delete the repeat");
  EXPECT_EQ(check_.Fixed(text), Without(text, RangeOf(text, sentence, 1)));
}

TEST_F(DuplicateSpanRuleTest, WidthAndSpacesDoNotHideARepeat) {
  const std::string first = "聚焦管理协同，建立减污降碳协同管理格局，统筹推进试点建设工作。";
  const std::string later = "聚焦管理协同,建立减污降碳 协同管理格局,统筹推进试点建设工作。";
  const std::string text = first + "\n\n加强资金保障，推动成立环投公司。" + later;
  const auto found = check_.Run(text);
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].range, RangeOf(text, later));
  EXPECT_EQ(found[0].related[0].range, RangeOf(text, first));
}

TEST_F(DuplicateSpanRuleTest, RepeatFillingAParagraphTakesItsBlankLines) {
  // A paragraph that repeats the tail of another is not a whole-paragraph repeat
  // (duplicate-paragraph), but its deletion removes the paragraph cleanly.
  const std::string tail = "全面建成花园式社区、学校、企业，引导广大市民积极参与北国花城建设。";
  const std::string text =
      "聚焦城市更新。强力推进三年行动，" + tail + "\n\n" + tail + "\n\n洛报融媒记者 孙小蕊";
  const auto found = check_.Run(text);
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].range, RangeOf(text, tail, 1));
  EXPECT_EQ(check_.Fixed(text),
            "聚焦城市更新。强力推进三年行动，" + tail + "\n\n洛报融媒记者 孙小蕊");
}

TEST_F(DuplicateSpanRuleTest, WholeParagraphRepeatsAreLeftToDuplicateParagraph) {
  const std::string a = "会议强调，要抓项目、重创新、促转型，以高质量发展展现担当。";
  EXPECT_TRUE(check_.Run(a + "\n\n" + a).empty());
  // A cut-short copy too.
  EXPECT_TRUE(check_.Run(a + "\n\n会议强调，要抓项目、重创新、促转型，以高质").empty());
}

TEST_F(DuplicateSpanRuleTest, SharedPhrasesAndTitlesStaySilent) {
  // A meeting name inside different sentences: no clause is repeated.
  EXPECT_TRUE(check_
                  .Run("该区将认真贯彻落实市委十二届五次全会暨市委经济工作会议精神，聚焦重点。"
                       "\n\n全市城管系统将全面贯彻市委十二届五次全会暨市委经济工作会议精神，"
                       "聚力三项重点工作。")
                  .empty());
  // A title taken up in the body.
  EXPECT_TRUE(check_
                  .Run("徐衣显调研环保督查问题整改、北国花城建设、隋唐洛阳城中轴线贯通等工作\n\n"
                       "本报讯 13日，市长徐衣显调研环保督查问题整改、北国花城建设、"
                       "隋唐洛阳城中轴线贯通等工作。")
                  .empty());
  EXPECT_TRUE(check_
                  .Run("# 让脱贫群众生活更上一层楼，共赴振兴\n\n洛阳坚持富民导向，牢牢守住底线，"
                       "让脱贫群众生活更上一层楼，共赴振兴。",
                       "test.md")
                  .empty());
  // Bylines.
  EXPECT_TRUE(check_
                  .Run("洛报融媒记者 郭飞飞 通讯员 杜蕊蕊 刘双晓\n\n正文一句。\n\n"
                       "洛报融媒记者 郭飞飞 通讯员 杜蕊蕊 刘双晓")
                  .empty());
  // Reduplicated characters are not a span copy of themselves.
  EXPECT_TRUE(
      check_.Run("哈哈哈哈哈哈哈哈哈哈哈哈哈哈哈哈哈哈哈哈哈哈哈哈哈哈哈哈哈哈哈哈哈哈。").empty());
}

TEST_F(DuplicateSpanRuleTest, ShortRepeatsNeedMinChars) {
  const std::string clause = "要强化互动，亲子探索乐园。";  // 10 ideographs
  EXPECT_TRUE(check_.Run("他说，" + clause + "我们认为，" + clause).empty());
  RuleOptions options("duplicate-span", {{"min-chars", OptionValue{std::int64_t{8}, ""}}});
  const auto rule = MakeDuplicateSpanRule(options);
  options.CheckAllUsed();
  const std::string text = "他说，" + clause + "我们认为，" + clause;
  auto document = Document::Create("t.txt", text);
  std::vector<Diagnostic> out;
  DiagnosticSink sink(rule->meta(), rule->meta().default_severity, out);
  rule->Check(*document, sink);
  ASSERT_EQ(out.size(), 1u);
  EXPECT_EQ(out[0].range, RangeOf(text, clause, 1));
}

// `count` different ideographs, from U+4E00 + 13 `from` on.
std::string Ideographs(int from, int count) {
  std::string out;
  for (int i = from; i < from + count; ++i) {
    const auto c = static_cast<char32_t>(0x4E00 + 13 * i);
    out += static_cast<char>(0xE0 | (c >> 12));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  }
  return out;
}

// `span` twice in one paragraph, between words that differ: the repeat is `span` exactly.
std::string TwiceInAParagraph(const std::string& span) {
  return "据介绍，今天他说" + span + "然后大家离开了会场。记者看到我们" + span + "最后结束了活动。";
}

// A repeat counts when a clause mark in it, of any width, has four ideographs of it on
// either side; the count of ideographs goes into the message.
TEST_F(DuplicateSpanRuleTest, ClauseMarksOfEveryWidthWithFourIdeographsEitherSide) {
  for (const char* mark : {"，", ",", "；", ";", "！", "!", "？", "?", "：", ":", "。"}) {
    const std::string span = Ideographs(0, 4) + mark + Ideographs(4, 12);
    const std::string text = TwiceInAParagraph(span);
    const auto found = check_.Run(text);
    ASSERT_EQ(found.size(), 1u) << mark;
    EXPECT_EQ(found[0].range, RangeOf(text, span, 1)) << mark;
    EXPECT_EQ(found[0].message, "span of 16 CJK characters repeats earlier text") << mark;
    EXPECT_EQ(found[0].related[0].range, RangeOf(text, span, 0)) << mark;
  }
  // Three ideographs before the mark, or a mark that ends no clause: a shared phrase.
  EXPECT_TRUE(check_.Run(TwiceInAParagraph(Ideographs(0, 3) + "，" + Ideographs(3, 13))).empty());
  EXPECT_TRUE(check_.Run(TwiceInAParagraph(Ideographs(0, 4) + "、" + Ideographs(4, 12))).empty());
  EXPECT_TRUE(check_.Run(TwiceInAParagraph(Ideographs(0, 16))).empty());
}

// Long repeats are counted over many blocks of bytes; the first mark with four ideographs
// before it decides, wherever it is.
TEST_F(DuplicateSpanRuleTest, LongRepeatsAreCountedWhole) {
  const std::string marks_late =
      Ideographs(0, 45) + "，" + Ideographs(45, 4) + " " + Ideographs(49, 30);
  const std::string text = TwiceInAParagraph(marks_late);
  const auto found = check_.Run(text);
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].range, RangeOf(text, marks_late, 1));
  EXPECT_EQ(found[0].message, "span of 79 CJK characters repeats earlier text");
  // Early marks with too few ideographs before them, then one with three after it.
  const std::string shared =
      "甲，" + Ideographs(0, 2) + "；" + Ideographs(2, 60) + "。" + Ideographs(62, 3);
  EXPECT_TRUE(check_.Run(TwiceInAParagraph(shared)).empty());
  // The same with four after it.
  const std::string pasted =
      "甲，" + Ideographs(0, 2) + "；" + Ideographs(2, 60) + "。" + Ideographs(62, 4);
  const std::string pasted_text = TwiceInAParagraph(pasted);
  const auto pasted_found = check_.Run(pasted_text);
  ASSERT_EQ(pasted_found.size(), 1u);
  EXPECT_EQ(pasted_found[0].message, "span of 67 CJK characters repeats earlier text");
}

// A repeat is counted from the ideographs the scan has read (in chunks of 2048), or from
// its bytes when it goes on past them: the same count either way.
TEST_F(DuplicateSpanRuleTest, RepeatsAcrossChunksAreCountedWhole) {
  std::string filler;  // distinct ideographs
  for (char32_t c = 0x7000; c < 0x7000 + 1890; ++c) {
    filler += static_cast<char>(0xE0 | (c >> 12));
    filler += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    filler += static_cast<char>(0x80 | (c & 0x3F));
  }
  const std::string span = Ideographs(0, 40) + "，" + Ideographs(40, 60);
  // The later copy starts at about the 2000th ideograph of the paragraph: found in the
  // first chunk, it ends in the second.
  const std::string across =
      "据介绍，今天他说" + span + filler + "。记者看到" + span + "最后结束了活动。";
  // Well inside the first chunk.
  const std::string inside = "据介绍，今天他说" + span + "。记者看到" + span + "最后结束了活动。";
  for (const std::string& text : {across, inside}) {
    const auto found = check_.Run(text);
    ASSERT_EQ(found.size(), 1u);
    EXPECT_EQ(found[0].range, RangeOf(text, span, 1));
    EXPECT_EQ(found[0].message, "span of 100 CJK characters repeats earlier text");
  }
}

// Characters of three bytes that read as others or not at all (curly and full-width
// quotes, the ideographic space) do not part the copies, wherever they are.
TEST_F(DuplicateSpanRuleTest, QuotesOfEveryFormAndWideSpacesDoNotPartCopies) {
  const std::string first = "\u201C" + Ideographs(0, 6) + "\u201D，" + Ideographs(6, 6) + "\u2018" +
                            Ideographs(12, 4) + "\u2019";
  const std::string later = "\uFF02" + Ideographs(0, 6) + "\u201C,\u3000" + Ideographs(6, 6) +
                            "\uFF07" + Ideographs(12, 4) + "'";
  const std::string text =
      "据介绍，今天他说" + first + "然后大家离开了会场。记者看到我们" + later + "最后结束了活动。";
  const auto found = check_.Run(text);
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].range, RangeOf(text, later, 0));
  EXPECT_EQ(found[0].related[0].range, RangeOf(text, first, 0));
  EXPECT_EQ(found[0].message, "span of 16 CJK characters repeats earlier text");
}

// An ideograph of four bytes (𠀀, U+20000) before a clause mark.
TEST_F(DuplicateSpanRuleTest, IdeographsOfFourBytesBeforeAMark) {
  const std::string span = Ideographs(0, 3) + "\U00020000，" + Ideographs(3, 12);
  const std::string text = TwiceInAParagraph(span);
  const auto found = check_.Run(text);
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].range, RangeOf(text, span, 1));
  EXPECT_EQ(found[0].message, "span of 16 CJK characters repeats earlier text");
  // Three ideographs before the mark: a shared phrase.
  EXPECT_TRUE(
      check_.Run(TwiceInAParagraph(Ideographs(0, 2) + "\U00020000，" + Ideographs(2, 13))).empty());
}

// corpus_samples/luoyang-cadre-training.txt (seed 002): the tail of the paragraph about
// the 元宇宙产业园 is pasted again after 要强化 in the next paragraph.
TEST_F(DuplicateSpanRuleTest, PastedTailOf002) {
  const std::string text = ReadCorpusSample("luoyang-cadre-training.txt");
  ASSERT_FALSE(text.empty());
  const std::string repeat =
      "互动、亲子探索乐园、赛博风格街区及户外主题集市等多种新业态。据介绍,该项目2022年10月开工"
      "建设,总投资3.5亿元,目前已进入收尾阶段,将于本月底正式投入运营。";
  const auto found = check_.Run(text);
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].range, RangeOf(text, repeat, 1));
  // What stood before the paste stays: the clause it cut off is truncated-text's.
  EXPECT_EQ(text.substr(found[0].range.begin - 9, 9), "要强化");
  EXPECT_EQ(found[0].message, "span of 64 CJK characters repeats earlier text");
  EXPECT_EQ(found[0].related[0].range, RangeOf(text, repeat, 0));
  EXPECT_EQ(check_.Fixed(text), Without(text, RangeOf(text, repeat, 1)));
}

// corpus_samples/luoyang-rural-revitalisation.md (seed 003): a sentence of the city
// management interview also stands in the 洛龙区 interview before it.
TEST_F(DuplicateSpanRuleTest, SentenceOfAnotherArticleIn003) {
  const std::string text = ReadCorpusSample("luoyang-rural-revitalisation.md");
  ASSERT_FALSE(text.empty());
  const std::string repeat =
      "强力推进中心城区“北国花城”建设三年行动,全面建成花园式社区、学校、企业、公共服务中心,"
      "引导广大市民积极参与“北国花城”建";
  const auto found = check_.Run(text, "003.md");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].range, RangeOf(text, repeat, 1));
  EXPECT_EQ(found[0].message, "span of 52 CJK characters repeats earlier text");
  EXPECT_EQ(found[0].related[0].range, RangeOf(text, repeat, 0));
  // The later copy is the one that belongs: its 建 / 设。 runs on into the next
  // paragraph (a column break), while the earlier copy breaks off. Deleting it would orphan
  // 设。, so no fix is offered.
  EXPECT_FALSE(found[0].fix);
  EXPECT_EQ(check_.Fixed(text, "003.md"), text);
}

TEST_F(DuplicateSpanRuleTest, NoFixForACopyThatRunsOnIntoTheNextParagraph) {
  const std::string repeat = "强力推进中心城区三年行动，全面建成花园式社区，引导广大市民积极参与建";
  const std::string text = "聚焦城市更新。" + repeat +
                           "\n\n小切口推动一批项目。\n\n"
                           "以重点项目为载体。" +
                           repeat + "\n\n设。加紧推进公园改造。";
  const auto found = check_.Run(text);
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].range, RangeOf(text, repeat, 1));
  EXPECT_FALSE(found[0].fix);
  // Without the continuation the copy is deleted.
  const std::string ends = "聚焦城市更新。" + repeat +
                           "\n\n小切口推动一批项目。\n\n"
                           "以重点项目为载体。" +
                           repeat + "\n\n各部门加紧推进公园改造。";
  EXPECT_EQ(check_.Fixed(ends), Without(ends, RangeOf(ends, repeat, 1)));
}

// The first copy is found in its paragraph wherever that is among many, with headings
// (which are not scanned) between them: a repeat of a whole sentence, which needs the
// first copy's paragraph to start it.
TEST_F(DuplicateSpanRuleTest, FirstCopyInAnyEarlierParagraph) {
  const std::string sentence = "我们要坚定不移推进全面深化改革各项工作任务。";
  // Paragraph i: two clauses of ideographs of its own, shared with no other paragraph.
  const auto filler = [](int i) {
    std::string out;
    for (int j = 0; j < 18; ++j) {
      AppendUtf8(out, static_cast<char32_t>(0x5000 + 18 * i + j));
      if (j == 8) out += "，";
    }
    return out + "。";
  };
  constexpr int kParagraphs = 40;
  for (const int at : {0, 1, 2, 7, 19, 20, 33, kParagraphs - 2, kParagraphs - 1}) {
    std::string text;
    ByteRange first{0, 0};
    for (int i = 0; i < kParagraphs; ++i) {
      if (i % 3 == 1) text += "## 第" + std::to_string(i) + "部分\n\n";
      if (i == at) {
        first = ByteRange{text.size(), text.size() + sentence.size()};
        text += sentence;
      }
      text += filler(i) + "\n\n";
    }
    const std::size_t later = text.size();
    text += sentence + filler(kParagraphs) + "\n";
    const auto found = check_.Run(text);
    ASSERT_EQ(found.size(), 1u) << at;
    EXPECT_EQ(found[0].range, (ByteRange{later, later + sentence.size()})) << at;
    ASSERT_EQ(found[0].related.size(), 1u) << at;
    EXPECT_EQ(found[0].related[0].range, first) << at;
  }
}

// Titles taken up in the body, meeting names, reporters' formulas and the repeated block
// of 000 (duplicate-paragraph's) are not spans.
TEST_F(DuplicateSpanRuleTest, OtherRealPagesStaySilent) {
  for (const char* name :
       {"luoyang-yichuan-interview.txt", "luoyang-laocheng-interview.txt",
        "luoyang-jianxi-interview.md", "crafted-clean.md", "taiwan-traditional-sample.md"}) {
    const std::string text = ReadCorpusSample(name);
    ASSERT_FALSE(text.empty()) << name;
    EXPECT_TRUE(check_.Run(text, name).empty()) << name;
  }
}

}  // namespace
}  // namespace ocrlint
