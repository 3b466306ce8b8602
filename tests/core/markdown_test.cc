#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "core/document.h"

namespace ocrlint {
namespace {

using ::testing::ElementsAre;

std::unique_ptr<Document> Markdown(std::string bytes) {
  return Document::Create("test.md", std::move(bytes), DocumentFormat::kMarkdown);
}

// "kind:level:content" for each block, e.g. "heading:2:标题".
std::vector<std::string> Describe(const Document& doc) {
  std::vector<std::string> out;
  for (const Block& block : doc.blocks()) {
    std::string s(ToString(block.kind));
    if (block.kind == BlockKind::kHeading) s += ":" + std::to_string(block.heading_level);
    s += ":";
    s += block.IsProse() ? block.content.In(doc.text()) : block.range.In(doc.text());
    out.push_back(std::move(s));
  }
  return out;
}

std::vector<std::string> SegmentTexts(const Document& doc, const Block& block) {
  std::vector<std::string> out;
  for (const ByteRange& r : doc.Segments(block)) out.emplace_back(r.In(doc.text()));
  return out;
}

std::vector<std::string> ExcludedTexts(const Document& doc) {
  std::vector<std::string> out;
  for (const ByteRange& r : doc.excluded()) out.emplace_back(r.In(doc.text()));
  return out;
}

TEST(MarkdownTest, HeadingLevelsAndRanges) {
  auto doc = Markdown("# 一级\n\n## 二级 ##\n\n#### 四级\n\n正文。\n");
  EXPECT_THAT(Describe(*doc), ElementsAre("heading:1:一级", "heading:2:二级", "heading:4:四级",
                                          "paragraph:正文。"));
  // The range keeps the markers, the content does not.
  EXPECT_EQ(doc->blocks()[1].range.In(doc->text()), "## 二级 ##");
  EXPECT_EQ(doc->blocks()[1].content, (ByteRange{13, 19}));
  EXPECT_EQ(doc->blocks()[0].range, (ByteRange{0, 8}));
}

TEST(MarkdownTest, IndentedLinesAreProseNotCode) {
  auto doc = Markdown("    缩进四格的段落。\n\n```\n代码\n```\n");
  EXPECT_THAT(Describe(*doc), ElementsAre("paragraph:缩进四格的段落。", "code:```\n代码\n```"));
}

TEST(MarkdownTest, SetextHeadingIncludesUnderline) {
  auto doc = Markdown("标题\n===\n\n正文\n");
  ASSERT_EQ(doc->blocks().size(), 2u);
  EXPECT_EQ(doc->blocks()[0].kind, BlockKind::kHeading);
  EXPECT_EQ(doc->blocks()[0].heading_level, 1);
  EXPECT_EQ(doc->blocks()[0].range.In(doc->text()), "标题\n===");
}

TEST(MarkdownTest, ListItemsTightAndLoose) {
  auto doc = Markdown("- 第一项\n- 第二项\n  - 嵌套\n\n1. 甲\n\n2. 乙\n");
  EXPECT_THAT(Describe(*doc), ElementsAre("list-item:第一项", "list-item:第二项", "list-item:嵌套",
                                          "list-item:甲", "list-item:乙"));
  EXPECT_EQ(doc->blocks()[1].range.In(doc->text()), "- 第二项");
  EXPECT_EQ(doc->blocks()[2].range.In(doc->text()), "  - 嵌套");
}

TEST(MarkdownTest, BlockQuoteSegmentsSkipMarkers) {
  auto doc = Markdown("> 引文第一行\n> 第二行。\n");
  ASSERT_EQ(doc->blocks().size(), 1u);
  const Block& quote = doc->blocks()[0];
  EXPECT_EQ(quote.kind, BlockKind::kBlockQuote);
  EXPECT_EQ(quote.range.In(doc->text()), "> 引文第一行\n> 第二行。");
  EXPECT_EQ(quote.content.In(doc->text()), "引文第一行\n> 第二行。");
  EXPECT_THAT(SegmentTexts(*doc, quote), ElementsAre("引文第一行", "第二行。"));
}

TEST(MarkdownTest, SoftLineBreaksStayInOneSegment) {
  auto doc = Markdown("打造铝加工、耐火耐磨\n两大优势产业集群。\n");
  ASSERT_EQ(doc->blocks().size(), 1u);
  EXPECT_THAT(SegmentTexts(*doc, doc->blocks()[0]),
              ElementsAre("打造铝加工、耐火耐磨\n两大优势产业集群。"));
}

TEST(MarkdownTest, TableCells) {
  auto doc = Markdown("| 项目 | 金额 |\n| --- | --- |\n| 投资 | 300亿元 |\n");
  EXPECT_THAT(Describe(*doc), ElementsAre("table-cell:项目", "table-cell:金额", "table-cell:投资",
                                          "table-cell:300亿元"));
  EXPECT_EQ(doc->blocks()[3].range, doc->blocks()[3].content);
}

TEST(MarkdownTest, FencedCodeIsExcluded) {
  const std::string text = "前文\n\n```cpp\nint x;\n```\n\n后文\n";
  auto doc = Markdown(text);
  EXPECT_THAT(Describe(*doc),
              ElementsAre("paragraph:前文", "code:```cpp\nint x;\n```", "paragraph:后文"));
  EXPECT_THAT(ExcludedTexts(*doc), ElementsAre("```cpp\nint x;\n```"));
  EXPECT_TRUE(doc->IsExcluded({text.find("int"), text.find("int") + 1}));
  EXPECT_FALSE(doc->IsExcluded({0, 6}));
  EXPECT_EQ(doc->blocks()[1].segment_count, 0u);
}

TEST(MarkdownTest, CrlfAndLoneCrEndMarkdownLines) {
  auto doc = Markdown("甲\r\n\r\n~~~\r\ncode\r\n~~~\r\n\r\n# 标题\r乙\r\n");
  EXPECT_THAT(Describe(*doc), ElementsAre("paragraph:甲", "code:~~~\r\ncode\r\n~~~",
                                          "heading:1:标题", "paragraph:乙"));
  EXPECT_EQ(doc->blocks()[2].range.In(doc->text()), "# 标题");
}

TEST(MarkdownTest, EmptyFencedCodeAndThematicBreak) {
  auto doc = Markdown("甲\n\n```\n```\n\n---\n\n乙\n");
  EXPECT_THAT(Describe(*doc),
              ElementsAre("paragraph:甲", "code:```\n```", "thematic-break:---", "paragraph:乙"));
}

TEST(MarkdownTest, InlineCodeIsExcludedWithBackticks) {
  const std::string text = "运行 `ocrlint --fix` 命令。";
  auto doc = Markdown(text);
  ASSERT_EQ(doc->blocks().size(), 1u);
  EXPECT_THAT(SegmentTexts(*doc, doc->blocks()[0]), ElementsAre("运行 ", " 命令。"));
  EXPECT_THAT(ExcludedTexts(*doc), ElementsAre("`ocrlint --fix`"));
  EXPECT_THAT(doc->blocks()[0].content.In(doc->text()), "运行 `ocrlint --fix` 命令。");
  ASSERT_EQ(doc->sentences().size(), 1u);
  EXPECT_EQ(doc->sentences()[0].range, (ByteRange{0, text.size()}));
}

TEST(MarkdownTest, HtmlIsExcluded) {
  auto doc = Markdown("<div>\n块\n</div>\n\n文字<br>换行<!-- ocrlint-disable -->\n");
  EXPECT_THAT(Describe(*doc), ElementsAre("html:<div>\n块\n</div>", "paragraph:文字<br>换行"));
  EXPECT_THAT(ExcludedTexts(*doc),
              ElementsAre("<div>\n块\n</div>", "<br>", "<!-- ocrlint-disable -->"));
  EXPECT_THAT(SegmentTexts(*doc, doc->blocks()[1]), ElementsAre("文字", "换行"));
}

TEST(MarkdownTest, LinkDestinationsAreExcluded) {
  auto doc =
      Markdown("见[洛阳网](https://www.lyd.com.cn \"标题\")和![图](a.png)及<https://x.cn>。");
  EXPECT_THAT(ExcludedTexts(*doc), ElementsAre("https://www.lyd.com.cn", "a.png", "https://x.cn"));
  ASSERT_EQ(doc->blocks().size(), 1u);
  EXPECT_THAT(SegmentTexts(*doc, doc->blocks()[0]),
              ElementsAre("见", "洛阳网", "和", "图", "及", "。"));
}

TEST(MarkdownTest, FrontMatterIsExcludedAndNotABlock) {
  const std::string text = "\xEF\xBB\xBF---\ntitle: 洛阳\n...\n# 标题\n";
  auto doc = Markdown(text);
  EXPECT_THAT(Describe(*doc), ElementsAre("heading:1:标题"));
  EXPECT_THAT(ExcludedTexts(*doc), ElementsAre("---\ntitle: 洛阳\n..."));
  EXPECT_EQ(doc->excluded()[0].begin, 3u);
}

TEST(MarkdownTest, UnclosedFrontMatterIsMarkdown) {
  auto doc = Markdown("---\n正文\n");
  EXPECT_TRUE(doc->excluded().empty());
  EXPECT_THAT(Describe(*doc), ElementsAre("thematic-break:---", "paragraph:正文"));
}

TEST(MarkdownTest, SentencesStayInsideTheirBlock) {
  auto doc = Markdown("# 标题\n\n第一句。第二句\n");
  ASSERT_EQ(doc->sentences().size(), 3u);
  EXPECT_EQ(doc->sentences()[0].block, 0u);
  EXPECT_EQ(doc->sentences()[0].range.In(doc->text()), "标题");
  EXPECT_EQ(doc->sentences()[1].range.In(doc->text()), "第一句。");
  EXPECT_EQ(doc->sentences()[2].range.In(doc->text()), "第二句");
  EXPECT_EQ(doc->sentences()[2].block, 1u);
}

std::string ReadSample(const std::string& name) {
  std::ifstream in(std::string(OCRLINT_SOURCE_DIR) + "/corpus_samples/" + name, std::ios::binary);
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

TEST(MarkdownTest, RealOcrPageParsesIntoHeadingsAndParagraphs) {
  auto doc =
      Document::Create("luoyang-jianxi-interview.md", ReadSample("luoyang-jianxi-interview.md"));
  ASSERT_EQ(doc->format(), DocumentFormat::kMarkdown);
  const std::vector<std::string> blocks = Describe(*doc);
  ASSERT_GE(blocks.size(), 7u);
  EXPECT_THAT(std::vector<std::string>(blocks.begin(), blocks.begin() + 5),
              ElementsAre("paragraph:校对:王岚 组版:晓南",
                          "paragraph:不断巩固和增强经济回升向好态势 加快推动高质量发展",
                          "heading:1:一把手访谈", "heading:1:真抓实干谋发展 奋勇争先谱新篇",
                          "heading:4:访涧西区委书记、高新区党工委书记谢峰"));
  EXPECT_EQ(doc->blocks()[4].range.In(doc->text()), "#### 访涧西区委书记、高新区党工委书记谢峰");
  EXPECT_EQ(doc->lines().LineOf(doc->blocks()[4].range.begin), 8u);
  EXPECT_THAT(blocks[5],
              ::testing::StartsWith("paragraph:位于浅井南路的中航光电科技产业 社区工地内"));
  // A paragraph cut by a picture: "坚持\"项目" ends one block, "为王\"..." starts the next.
  EXPECT_THAT(blocks, ::testing::Contains("paragraph:聚焦项目建设稳增长。坚持\"项目"));
  int headings = 0;
  for (const Block& block : doc->blocks()) {
    EXPECT_TRUE(block.IsProse()) << ToString(block.kind);
    headings += block.kind == BlockKind::kHeading ? 1 : 0;
  }
  EXPECT_EQ(headings, 15);
  EXPECT_TRUE(doc->excluded().empty());
}

}  // namespace
}  // namespace ocrlint
