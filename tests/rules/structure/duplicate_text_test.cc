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

// EqualTokenRun on text = x, a line break, y: the run from the start of both, and the
// ideographs counted in it.
std::pair<std::size_t, std::uint32_t> RunOf(const std::string& x, const std::string& y) {
  const std::string text = x + "\n" + y;
  std::uint32_t han = 100;
  const std::size_t run = EqualTokenRun(text, 0, x.size() + 1, std::min(x.size(), y.size()), han);
  return {run, han - 100};
}

TEST(EqualTokenRunTest, EndsWithTheLastWholeTokenOfTheEqualBytes) {
  // 戊 (E6 88 8A) and 成 (E6 88 90) share their first two bytes.
  const std::string same = "甲乙丙丁。";
  EXPECT_EQ(RunOf(same + "戊", same + "成"), std::make_pair(same.size(), std::uint32_t{4}));
  // Whitespace ends no run: 丙 (E4 B8 99) and 丁 (E4 B8 81) share two bytes too.
  EXPECT_EQ(RunOf("甲乙 \u3000丙", "甲乙 \u3000丁"),
            std::make_pair(std::string("甲乙").size(), std::uint32_t{2}));
  EXPECT_EQ(RunOf("甲乙", "丙丁"), std::make_pair(std::size_t{0}, std::uint32_t{0}));
  // Long runs, counted a block at a time: ideographs of every range IsHan knows, marks,
  // Latin.
  std::string long_run;
  for (int i = 0; i < 8; ++i) long_run += "会议强调，要抓项目〇々㐀豈𠀀ABC, ";  // 13 ideographs
  long_run += "完";
  EXPECT_EQ(RunOf(long_run + "甲", long_run + "乙"),
            std::make_pair(long_run.size(), std::uint32_t{8 * 13 + 1}));
  // The equal bytes end after whitespace and inside a character, a block or more after
  // the start: neither they nor the ideograph that differs count.
  for (const std::string& gap : {std::string(" \u3000 "), std::string(40, ' ')}) {
    EXPECT_EQ(RunOf(long_run + gap + "戊甲", long_run + gap + "成甲"),
              std::make_pair(long_run.size(), std::uint32_t{8 * 13 + 1}));
  }
  for (std::size_t cut = 1; cut < 40; ++cut) {
    const std::string start = long_run.substr(0, long_run.size() - cut);
    EXPECT_EQ(RunOf(long_run + "甲", start + "乙").first <= start.size(), true);
  }
}

// EqualTokenRun counts as far as the equal bytes go, whatever their length.
TEST(EqualTokenRunTest, CountsEveryLength) {
  const std::string piece = "议〇,㐀 豈𠀀A会";  // 6 ideographs
  std::string run;
  for (int n = 0; n < 12; ++n) {
    run += piece;
    EXPECT_EQ(RunOf(run + "戊", run + "成"),
              std::make_pair(run.size(), static_cast<std::uint32_t>(6 * (n + 1))));
  }
}

}  // namespace
}  // namespace ocrlint::structure
