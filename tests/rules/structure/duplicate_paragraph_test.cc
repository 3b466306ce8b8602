#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "rules/hygiene/rule_check.h"
#include "rules/structure/corpus_sample.h"
#include "rules/structure/structure_rules.h"

namespace ocrlint {
namespace {

using testing_util::RangeOf;
using testing_util::ReadCorpusSample;

using testing_util::RuleCheck;

class DuplicateParagraphRuleTest : public testing::Test {
 protected:
  RuleCheck check_{&MakeDuplicateParagraphRule};
};

const std::string kA = "会议强调，要抓项目、重创新、促转型，以高质量发展展现担当。";
const std::string kB = "会后，各部门分头落实，确保各项任务按期完成、见到实效。";
const std::string kC = "下一步，全市将持续优化营商环境，推动更多项目落地见效。";

TEST_F(DuplicateParagraphRuleTest, ExactRepeatIsReportedWithItsFirstCopy) {
  const std::string text = kA + "\n\n" + kB + "\n\n" + kA + "\n";
  const auto found = check_.Run(text);
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].range, RangeOf(text, kA, 1));
  EXPECT_EQ(found[0].message, "paragraph repeats an earlier paragraph");
  ASSERT_EQ(found[0].related.size(), 1u);
  EXPECT_EQ(found[0].related[0].range, RangeOf(text, kA, 0));
  EXPECT_EQ(found[0].related[0].message, "first copy here");
  ASSERT_TRUE(found[0].fix);
  EXPECT_EQ(found[0].fix->applicability, Applicability::kUnsafe);
  EXPECT_EQ(found[0].fix->message, "delete the repeated paragraph");
  EXPECT_EQ(check_.Fixed(text), kA + "\n\n" + kB + "\n");
}

TEST_F(DuplicateParagraphRuleTest, RunOfParagraphsIsOneFinding) {
  const std::string text = kA + "\n\n" + kB + "\n\n" + kC + "\n\n" + kA + "\n\n" + kB + "\n\n" + kC;
  const auto found = check_.Run(text);
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].message, "3 paragraphs repeat earlier paragraphs");
  EXPECT_EQ(found[0].range, (ByteRange{RangeOf(text, kA, 1).begin, text.size()}));
  EXPECT_EQ(found[0].related[0].range, (ByteRange{0, RangeOf(text, kC, 0).end}));
  EXPECT_EQ(found[0].fix->message, "delete the repeated paragraphs");
  EXPECT_EQ(check_.Fixed(text), kA + "\n\n" + kB + "\n\n" + kC);
}

TEST_F(DuplicateParagraphRuleTest, WidthAndSpacesAreNormalised) {
  // ASCII punctuation, a column-wrap space and a line break inside the copy.
  const std::string copy = "会议强调,要抓项目、重创新、促转型, 以高质量\n发展展现担当。";
  const std::string text = kA + "\n\n" + kB + "\n\n" + copy + "\n\n" + kC + "\n";
  const auto found = check_.Run(text);
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].range, RangeOf(text, copy));
  EXPECT_EQ(check_.Fixed(text), kA + "\n\n" + kB + "\n\n" + kC + "\n");
}

TEST_F(DuplicateParagraphRuleTest, CutShortCopy) {
  const std::string cut = "会议强调，要抓项目、重创新、促转型，以高质";
  const std::string text = kA + "\n\n" + kB + "\n\n" + cut + "\n\n" + kC;
  const auto found = check_.Run(text);
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].range, RangeOf(text, cut, 1));
  EXPECT_EQ(found[0].message, "paragraph repeats the start of an earlier paragraph");
  EXPECT_EQ(found[0].related[0].range, RangeOf(text, kA));
  EXPECT_EQ(check_.Fixed(text), kA + "\n\n" + kB + "\n\n" + kC);
}

TEST_F(DuplicateParagraphRuleTest, ThirdCopyIsItsOwnFinding) {
  const std::string text = kA + "\n\n" + kB + "\n\n" + kA + "\n\n" + kB + "\n\n" + kA;
  const auto found = check_.Run(text);
  ASSERT_EQ(found.size(), 2u);
  EXPECT_EQ(found[0].range, (ByteRange{RangeOf(text, kA, 1).begin, RangeOf(text, kB, 1).end}));
  EXPECT_EQ(found[1].range, RangeOf(text, kA, 2));
  EXPECT_EQ(found[1].related[0].range, RangeOf(text, kA, 0));
  EXPECT_EQ(check_.Fixed(text), kA + "\n\n" + kB);
}

TEST_F(DuplicateParagraphRuleTest, CrlfAndBlankLineRunsAreKept) {
  // The blank-line run after the copy (where a picture stood) stays as it is.
  const std::string text = kA + "\r\n\r\n" + kA + "\r\n\r\n\r\n\r\n施工人员有序作业\r\n";
  EXPECT_EQ(check_.Fixed(text), kA + "\r\n\r\n\r\n\r\n施工人员有序作业\r\n");
}

TEST_F(DuplicateParagraphRuleTest, LegitimateRepeatsStaySilent) {
  // Bylines, captions, labels and headings repeat; so do short paragraphs.
  const std::string text =
      "洛报融媒记者 郭飞飞 通讯员 杜蕊蕊 刘双晓\n\n" + kA +
      "\n\n洛报融媒记者 郭飞飞 通讯员 杜蕊蕊 刘双晓\n\n(资料图片)\n\n(资料图片)\n\n"
      "一把手访谈\n\n一把手访谈\n\n好，很好。\n\n好，很好。\n";
  EXPECT_TRUE(check_.Run(text).empty());
  const std::string md = "## 不断巩固和增强经济回升向好态势，加快推动高质量发展\n\n" + kA +
                         "\n\n## 不断巩固和增强经济回升向好态势，加快推动高质量发展\n";
  EXPECT_TRUE(check_.Run(md, "test.md").empty());
  // Sharing a start is not a copy.
  EXPECT_TRUE(check_.Run(kA + "\n\n会议强调，要抓项目、重创新、促转型，以高质量发展推动见行见效。")
                  .empty());
}

// corpus_samples/luoyang-yichuan-interview.txt (seed 000): the block 抓德育、稳发展…
// / 协同育人… / 顾大局、谋定位… appears three times, the third copy cut short after its
// first paragraph.
TEST_F(DuplicateParagraphRuleTest, RepeatedBlockOf000) {
  const std::string text = ReadCorpusSample("luoyang-yichuan-interview.txt");
  ASSERT_FALSE(text.empty());
  const std::string de = "抓德育、稳发展，创建特色学校。";
  const std::string gu = "顾大局、谋定位，加快高速发展。";
  const auto found = check_.Run(text);
  ASSERT_EQ(found.size(), 2u);
  const auto paragraph_end = [&](ByteRange start) { return text.find('\n', start.begin); };
  EXPECT_EQ(found[0].range,
            (ByteRange{RangeOf(text, de, 1).begin, paragraph_end(RangeOf(text, gu, 1))}));
  EXPECT_EQ(found[0].message, "3 paragraphs repeat earlier paragraphs");
  EXPECT_EQ(found[0].related[0].range,
            (ByteRange{RangeOf(text, de, 0).begin, paragraph_end(RangeOf(text, gu, 0))}));
  EXPECT_EQ(found[1].range,
            (ByteRange{RangeOf(text, de, 2).begin, paragraph_end(RangeOf(text, de, 2))}));
  EXPECT_EQ(found[1].message, "paragraph repeats an earlier paragraph");
  EXPECT_EQ(found[1].related[0].range,
            (ByteRange{RangeOf(text, de, 0).begin, paragraph_end(RangeOf(text, de, 0))}));

  // The fix leaves the first copy and everything else byte for byte.
  const std::size_t cut_from = paragraph_end(RangeOf(text, gu, 0));
  const std::size_t cut_to = paragraph_end(RangeOf(text, de, 2));
  EXPECT_EQ(check_.Fixed(text), text.substr(0, cut_from) + text.substr(cut_to));
}

TEST_F(DuplicateParagraphRuleTest, OtherRealPagesStaySilent) {
  for (const char* name : {"luoyang-cadre-training.txt", "luoyang-laocheng-interview.txt",
                           "luoyang-rural-revitalisation.md", "luoyang-jianxi-interview.md"}) {
    const std::string text = ReadCorpusSample(name);
    ASSERT_FALSE(text.empty()) << name;
    EXPECT_TRUE(check_.Run(text, name).empty()) << name;
  }
}

TEST_F(DuplicateParagraphRuleTest, MaxFindingsOption) {
  RuleOptions options("duplicate-paragraph", {{"max-findings", OptionValue{std::int64_t{1}, ""}}});
  const auto rule = MakeDuplicateParagraphRule(options);
  options.CheckAllUsed();
  auto document = Document::Create("t.txt", kA + "\n\n" + kA + "\n\n" + kB + "\n\n" + kB);
  std::vector<Diagnostic> out;
  DiagnosticSink sink(rule->meta(), rule->meta().default_severity, out);
  rule->Check(*document, sink);
  EXPECT_EQ(out.size(), 1u);
}

}  // namespace
}  // namespace ocrlint
