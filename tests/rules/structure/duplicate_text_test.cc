#include "rules/structure/duplicate_text.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/document.h"

namespace ocrlint::structure {
namespace {

const std::string kA = "会议强调，要抓项目、重创新、促转型，以高质量发展展现担当。";
const std::string kB = "会后，各部门分头落实，确保各项任务按期完成、见到实效。";
const std::string kC = "下一步，全市将持续优化营商环境，推动更多项目落地见效。";
const std::string kD = "记者从市发改委获悉，今年一季度全市重点项目开工率明显提高。";
const std::string kLabel = "要闻速递";  // too short to be compared: a gap block

// A, B, label, C, D, then the copy A, B, label, C, then A alone.
std::unique_ptr<Document> MakeDocument() {
  std::string text;
  for (const std::string* block : {&kA, &kB, &kLabel, &kC, &kD, &kA, &kB, &kLabel, &kC, &kA}) {
    text += *block + "\n\n";
  }
  return Document::Create("t.txt", std::move(text), DocumentFormat::kPlainText);
}

std::vector<DuplicateRun> AllRuns(const DuplicateParagraphs& analysis) {
  std::vector<DuplicateRun> runs;
  for (std::size_t n = 0;; ++n) {
    const std::optional<DuplicateRun> run = analysis.Run(n);
    if (!run) return runs;
    runs.push_back(*run);
  }
}

TEST(DuplicateParagraphsTest, RunsSpanGapBlocksAndEndAtTheNextCopy) {
  const auto document = MakeDocument();
  ASSERT_EQ(document->blocks().size(), 10u);
  const DuplicateParagraphs analysis(*document, 16);
  const std::vector<DuplicateRun> runs = AllRuns(analysis);
  ASSERT_EQ(runs.size(), 2u);
  EXPECT_EQ(runs[0].first, 5u);
  EXPECT_EQ(runs[0].last, 8u);
  EXPECT_EQ(runs[0].source_first, 0u);
  EXPECT_EQ(runs[0].source_last, 3u);
  EXPECT_FALSE(runs[0].cut_short);
  EXPECT_EQ(runs[1].first, 9u);
  EXPECT_EQ(runs[1].last, 9u);
  EXPECT_EQ(runs[1].source_first, 0u);
}

// Paragraphs that share their first ideographs but differ before the min_chars-th are told
// apart: each copy, whole or cut short, is found at its own first copy. A cut-short copy is
// compared with the first paragraph with its tokens to the min_chars-th ideograph only.
TEST(DuplicateParagraphsTest, CopiesOfParagraphsWithTheSameStartFindTheirOwnFirstCopy) {
  const std::string x = "会议强调要抓项目甲乙丙丁戊己庚辛，以高质量发展展现担当。";
  const std::string y = "会议强调要抓项目子丑寅卯辰巳午未，以高质量发展推动落实。";
  const std::string z = "会议强调要抓项目子丑寅卯辰巳午未，以高质量发展推动落实见效。";
  std::string text;
  for (const std::string& block :
       {x, y, z, std::string("会议强调要抓项目子丑寅卯辰巳午未,以高质量"),
        std::string("中间一段。"),
        std::string("会议强调要抓项目 甲乙丙丁戊己庚辛,以高质量发展展现担当。"), z, y}) {
    text += block + "\n\n";
  }
  const auto document = Document::Create("t.txt", std::move(text), DocumentFormat::kPlainText);
  ASSERT_EQ(document->blocks().size(), 8u);
  for (const int min_chars : {16, 6}) {
    const DuplicateParagraphs analysis(*document, min_chars);
    std::vector<DuplicateRun> runs = AllRuns(analysis);
    if (min_chars == 16) {
      // The cut-short copy repeats the start of y.
      ASSERT_EQ(runs.size(), 4u);
      EXPECT_EQ(runs[0].first, 3u);
      EXPECT_EQ(runs[0].source_first, 1u);
      EXPECT_TRUE(runs[0].cut_short);
      runs.erase(runs.begin());
    }
    // With min_chars 6, it is compared with x only.
    ASSERT_EQ(runs.size(), 3u) << min_chars;
    EXPECT_EQ(runs[0].first, 5u);
    EXPECT_EQ(runs[0].source_first, 0u);
    EXPECT_FALSE(runs[0].cut_short);
    EXPECT_EQ(runs[1].first, 6u);
    EXPECT_EQ(runs[1].source_first, 2u);
    EXPECT_EQ(runs[2].first, 7u);
    EXPECT_EQ(runs[2].source_first, 1u);
    EXPECT_FALSE(runs[2].cut_short);
  }
}

// Ideographs are counted as far as the readers compare them: to min_chars once a sentence
// ends, else to kMaxTitleHan; fewer exactly.
TEST(DuplicateParagraphsTest, CountsIdeographsAsFarAsTheyAreCompared) {
  std::string long_text;
  for (int i = 0; i < 20; ++i) long_text += "会议强调要抓项目 ";  // 160 ideographs
  const std::string text =
      long_text + "。\n\n" + long_text + "\n\n会议，强调。\n\n会议强调要抓项目甲乙，强调\n";
  const auto document = Document::Create("t.txt", text, DocumentFormat::kPlainText);
  ASSERT_EQ(document->blocks().size(), 4u);
  for (const int min_chars : {16, 100}) {
    const DuplicateParagraphs analysis(*document, min_chars);
    ASSERT_EQ(analysis.Through(3), 4u);
    EXPECT_EQ(analysis.stats(0).han, static_cast<std::uint32_t>(min_chars));
    EXPECT_TRUE(analysis.stats(0).terminal);
    EXPECT_EQ(analysis.stats(1).han, std::max<std::uint32_t>(kMaxTitleHan, min_chars));
    EXPECT_FALSE(analysis.stats(1).clause);
    EXPECT_EQ(analysis.stats(2).han, 4u);
    EXPECT_TRUE(analysis.stats(2).terminal);
    EXPECT_EQ(analysis.stats(3).han, 12u);
    EXPECT_TRUE(analysis.stats(3).clause);
    EXPECT_FALSE(analysis.stats(3).terminal);
  }
}

// Clause and sentence marks are found anywhere in a block, in ASCII or full width.
TEST(DuplicateParagraphsTest, FindsEveryMark) {
  struct Case {
    std::string mark;
    bool clause;
    bool terminal;
  };
  const std::vector<Case> cases = {
      {"!", true, true},        {"?", true, true},       {";", true, true},
      {"\u3002", true, true},   {"\uFF01", true, true},  {"\uFF1F", true, true},
      {"\uFF1B", true, true},   {",", true, false},      {":", true, false},
      {"\uFF0C", true, false},  {"\uFF1A", true, false}, {"\u3001", false, false},
      {"\uFF0E", false, false}, {"A", false, false},     {"\u201C", false, false}};
  for (const Case& c : cases) {
    for (std::size_t before = 0; before < 40; before += 3) {
      std::string block;
      for (std::size_t n = 0; n < 4 + before; ++n) block += "议";
      block += c.mark + "会议强调要抓项目" + "会议强调要抓项目";
      const std::string text = block + "\n\n" + std::string(64, 'x') + "\n";
      const auto document = Document::Create("t.txt", text, DocumentFormat::kPlainText);
      const DuplicateParagraphs analysis(*document, 16);
      ASSERT_GE(analysis.Through(0), 1u);
      EXPECT_EQ(analysis.stats(0).clause, c.clause) << c.mark << " " << before;
      EXPECT_EQ(analysis.stats(0).terminal, c.terminal) << c.mark << " " << before;
    }
  }
}

TEST(DuplicateParagraphsTest, TheFirstRunIsCompleteWhenReadFirst) {
  // Run(0) goes on until the run can grow no more, past the gap block.
  const auto document = MakeDocument();
  const DuplicateParagraphs analysis(*document, 16);
  const std::optional<DuplicateRun> run = analysis.Run(0);
  ASSERT_TRUE(run);
  EXPECT_EQ(run->last, 8u);
  EXPECT_FALSE(analysis.Run(2));
}

TEST(DuplicateParagraphsTest, ThroughMakesBlocksFinalInOrder) {
  const auto document = MakeDocument();
  const DuplicateParagraphs analysis(*document, 16);
  std::vector<bool> in_copy;
  std::uint32_t analysed = 0;
  for (std::uint32_t i = 0; i < document->blocks().size(); ++i) {
    if (i >= analysed) analysed = analysis.Through(i);
    ASSERT_GT(analysed, i);
    in_copy.push_back(analysis.InCopy(i));
  }
  // The label between the copied paragraphs belongs to the copy: it is final only once
  // the paragraph after it has been analysed.
  EXPECT_EQ(in_copy,
            (std::vector<bool>{false, false, false, false, false, true, true, true, true, true}));
  EXPECT_EQ(analysis.stats(2).han, 4u);
  EXPECT_FALSE(analysis.stats(2).clause);
  EXPECT_TRUE(analysis.stats(0).terminal);
  EXPECT_EQ(analysis.stats(0).prefix_hash, analysis.stats(5).prefix_hash);
  EXPECT_EQ(analysis.Through(100), document->blocks().size());
}

}  // namespace
}  // namespace ocrlint::structure

namespace ocrlint::structure {
namespace {

// CommonPrefix counts the equal bytes up to the first that differs or the limit, 16 at a
// time and one at a time, whatever room is left for reading.
TEST(CommonPrefixTest, CountsUpToTheFirstDifferenceOrTheLimit) {
  const std::string x(80, 'a');
  for (std::size_t differ = 0; differ < 60; ++differ) {
    std::string y = x;
    y[differ] = 'b';
    for (std::size_t limit = 0; limit <= 48; ++limit) {
      for (const std::size_t readable : {limit, limit + 15, std::size_t{80}}) {
        EXPECT_EQ(CommonPrefix(x.data(), y.data(), limit, readable), std::min(differ, limit))
            << "differ " << differ << " limit " << limit << " readable " << readable;
      }
    }
  }
}

}  // namespace
}  // namespace ocrlint::structure
