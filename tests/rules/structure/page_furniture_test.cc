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

using testing_util::ReadCorpusSample;

using testing_util::RangeOf;

using testing_util::RuleCheck;

class PageFurnitureRuleTest : public testing::Test {
 protected:
  std::vector<std::string> Flagged(const std::string& text,
                                   const std::string& path = "test.txt") const {
    std::vector<std::string> out;
    for (const Diagnostic& d : check_.Run(text, path)) out.emplace_back(d.range.In(text));
    return out;
  }

  RuleCheck check_{&MakePageFurnitureRule};
};

// The first lines of page 004 (luoyang-jianxi-interview.md).
TEST_F(PageFurnitureRuleTest, CreditLineOfPage004) {
  const std::string text =
      "校对:王岚 组版:晓南\n\n不断巩固和增强经济回升向好态势 加快推动高质量发展\n\n# 一把手访谈\n";
  const auto found = check_.Run(text, "004.md");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].range, RangeOf(text, "校对:王岚 组版:晓南"));
  EXPECT_EQ(found[0].severity, Severity::kInfo);
  EXPECT_EQ(found[0].message,
            "\"校对:王岚 组版:晓南\" is a line of proof and layout credits (page furniture), not "
            "article text");
  ASSERT_TRUE(found[0].fix);
  EXPECT_EQ(found[0].fix->applicability, Applicability::kUnsafe);
  EXPECT_EQ(found[0].fix->message, "delete the line");
  ASSERT_EQ(found[0].fix->edits.size(), 1u);
  // The line, its terminator and the blank line after it.
  EXPECT_EQ(found[0].fix->edits[0].range, (ByteRange{0, text.find("不断")}));
  EXPECT_EQ(check_.Fixed(text, "004.md"),
            "不断巩固和增强经济回升向好态势 加快推动高质量发展\n\n# 一把手访谈\n");
}

TEST_F(PageFurnitureRuleTest, CreditLinesInAndAfterParagraphs) {
  const std::string inside = "第一段正文。\n责编:张三 版式:李四 校对:王五\n第二段正文。\n";
  EXPECT_EQ(Flagged(inside), (std::vector<std::string>{"责编:张三 版式:李四 校对:王五"}));
  EXPECT_EQ(check_.Fixed(inside), "第一段正文。\n第二段正文。\n");
  const std::string last = "正文到此为止。\n\n责任编辑：欧阳小明、李四\n\n";
  EXPECT_EQ(Flagged(last), (std::vector<std::string>{"责任编辑：欧阳小明、李四"}));
  EXPECT_EQ(check_.Fixed(last), "正文到此为止。\n");
  const std::string crlf = "本版编辑 : 王岚\u3000美编:晓南\r\n\r\n正文。\r\n";
  EXPECT_EQ(Flagged(crlf), (std::vector<std::string>{"本版编辑 : 王岚\u3000美编:晓南"}));
  EXPECT_EQ(check_.Fixed(crlf), "正文。\r\n");
  EXPECT_EQ(check_.Fixed("校对:王岚"), "");
}

TEST_F(PageFurnitureRuleTest, TextAboutProofreadingStaysSilent) {
  for (const char* text : {
           "书稿经过校对后出版,第3版将于明年发行。",
           "校对工作要细致:每一版都要看三遍。",
           "校对:认真核对每一处数据,确保准确。",
           "编辑:这是一个很长的说明文字而不是名字列表",
           "洛报融媒记者 郭学锋 通讯员 文鹏",
           "不断巩固和增强经济回升向好态势 加快推动高质量发展",
           "一把手访谈",
           "施工人员有序作业",
           "南关街道织密了反诈防护网。 (郭洁琼 宋婉青)",
       }) {
    EXPECT_TRUE(Flagged(text).empty()) << text;
  }
  EXPECT_TRUE(Flagged("| 读者来信 | 第三版 |\n|---|---|\n| 城市观察 | 第四版 |\n", "t.md").empty());
}

TEST_F(PageFurnitureRuleTest, PageNumbers) {
  const std::string text = "上一篇正文。\n\n第3版\n\n- 12 -\n\nA03\n\n7\n\n下一篇正文。\n";
  const auto found = check_.Run(text);
  ASSERT_EQ(found.size(), 4u);
  EXPECT_EQ(found[0].range, RangeOf(text, "第3版"));
  EXPECT_EQ(found[0].message, "\"第3版\" is a page number (page furniture), not article text");
  EXPECT_EQ(found[1].range, RangeOf(text, "- 12 -"));
  EXPECT_EQ(found[2].range, RangeOf(text, "A03"));
  const std::size_t seven = text.find("\n7\n") + 1;
  EXPECT_EQ(found[3].range, (ByteRange{seven, seven + 1}));
  EXPECT_EQ(check_.Fixed(text), "上一篇正文。\n\n下一篇正文。\n");
}

TEST_F(PageFurnitureRuleTest, NumbersThatAreNotPageNumbers) {
  for (const char* text : {
           "A0\nA1\nA10\n",  // a list of paper sizes
           "A4",
           "X11 指针",
           "柯达 K25 原始图像",
           "寄存器必须是 R0",
           "宏碁 C300",
           "3 要闻",
           "第3版将于明年发行",
           "2024",
           "1234",
       }) {
    EXPECT_TRUE(Flagged(text).empty()) << text;
  }
}

TEST_F(PageFurnitureRuleTest, RunningHeads) {
  EXPECT_EQ(Flagged("洛阳日报 2024年1月5日 星期五\n\n正文。\n"),
            (std::vector<std::string>{"洛阳日报 2024年1月5日 星期五"}));
  EXPECT_EQ(Flagged("03版 要闻\n\n正文。\n"), (std::vector<std::string>{"03版 要闻"}));
  EXPECT_EQ(Flagged("A03 要闻 2024年1月5日星期五\n"),
            (std::vector<std::string>{"A03 要闻 2024年1月5日星期五"}));
  EXPECT_EQ(check_.Run("2024年1月5日 星期五\n")[0].message,
            "\"2024年1月5日 星期五\" is a running head (page furniture), not article text");
}

// The longest first token a running head can have: a section label of eight Han
// characters of four bytes (U+20000), before a space, a tab or U+3000.
TEST_F(PageFurnitureRuleTest, RunningHeadWithTheLongestFirstToken) {
  const std::string label = "𠀀𠀀𠀀𠀀𠀀𠀀𠀀𠀀";
  ASSERT_EQ(label.size(), 32u);
  // The first test reads a line in place when the text goes on for 50 bytes after its start,
  // and copies it near the end of the text: both ways.
  for (const std::string after :
       {"正文。\n", "正文。这一段很长，足够让首个词的检测在原文上读取。\n"}) {
    for (const std::string space : {" ", "\t", "\u3000"}) {
      const std::string head = label + space + "03版";
      EXPECT_EQ(Flagged(head + "\n\n" + after), (std::vector<std::string>{head})) << space;
      EXPECT_TRUE(Flagged("𠀀" + head + "\n\n" + after).empty()) << space;
      EXPECT_TRUE(Flagged(label + "𠀀" + space + "03版\n\n" + after).empty()) << space;
    }
  }
  // A digit just past a line does not make it a running head.
  EXPECT_TRUE(
      Flagged("洛阳日报 要闻\n3号线今天开通，这一段很长，足够让检测在原文上读取。\n").empty());
  EXPECT_EQ(Flagged("2024年12月31日星期五 洛阳日报\n"),
            (std::vector<std::string>{"2024年12月31日星期五 洛阳日报"}));
}

// Page 002 (luoyang-cadre-training.txt) has the jump line at the start of a paragraph,
// 001 and 004 on a line of its own.
TEST_F(PageFurnitureRuleTest, JumpLinesAreReportedWithoutFix) {
  const std::string text = "(上接01版)近两年,我市在抓产业上下足了功夫。";
  const auto found = check_.Run(text);
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].range, RangeOf(text, "(上接01版)"));
  EXPECT_EQ(found[0].message,
            "\"(上接01版)\" is a jump line (page furniture): the article continues from another "
            "page");
  EXPECT_FALSE(found[0].fix);

  const std::string down = "这项工作将持续推进。（下转A3版）\n\n上接第二版\n";
  const auto downs = check_.Run(down);
  ASSERT_EQ(downs.size(), 2u);
  EXPECT_EQ(downs[0].range, RangeOf(down, "（下转A3版）"));
  EXPECT_EQ(downs[0].message,
            "\"（下转A3版）\" is a jump line (page furniture): the article continues on another "
            "page");
  EXPECT_EQ(downs[1].range, RangeOf(down, "上接第二版"));
  EXPECT_FALSE(downs[1].fix);
  EXPECT_TRUE(Flagged("我们要向上接轨,下转变作风,上接天线下接地气。").empty());
}

TEST_F(PageFurnitureRuleTest, CorpusSamples) {
  const struct {
    const char* file;
    std::vector<std::string> spans;
  } kExpected[] = {
      {"luoyang-yichuan-interview.txt", {}},
      {"luoyang-laocheng-interview.txt", {"(上接01版)"}},
      {"luoyang-cadre-training.txt", {"(上接01版)"}},
      {"luoyang-rural-revitalisation.md", {}},
      {"luoyang-jianxi-interview.md", {"校对:王岚 组版:晓南", "(上接01版)"}},
      {"crafted-clean.md", {}},
  };
  for (const auto& expected : kExpected) {
    EXPECT_EQ(testing_util::FlaggedSpans(check_, expected.file), expected.spans) << expected.file;
  }
}

}  // namespace
}  // namespace ocrlint
