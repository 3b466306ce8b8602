#include <random>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "core/document.h"

namespace ocrlint {
namespace {

// Random documents built from the tokens that stress the parsers: Markdown markers, line
// endings, CJK punctuation, U+3000 and invalid bytes.
std::string RandomDocument(std::mt19937& rng) {
  static const std::vector<std::string> kTokens = {"中文",
                                                   "。",
                                                   "！",
                                                   "？",
                                                   "”",
                                                   "）",
                                                   ".",
                                                   "1.5",
                                                   " ",
                                                   "\u3000",
                                                   "\t",
                                                   "\n",
                                                   "\n\n",
                                                   "\r\n",
                                                   "\r",
                                                   "# ",
                                                   "## ",
                                                   "> ",
                                                   "- ",
                                                   "1. ",
                                                   "```",
                                                   "`",
                                                   "~~~",
                                                   "---",
                                                   "===",
                                                   "|",
                                                   "| a | b |\n|---|---|\n",
                                                   "<div>",
                                                   "<!-- x -->",
                                                   "%%",
                                                   "[t](u)",
                                                   "![i](p)",
                                                   "<http://h>",
                                                   "**",
                                                   "\\",
                                                   "&amp;",
                                                   "\xEF\xBB\xBF",
                                                   "\xE4\xB8",
                                                   "\x80",
                                                   "\xF0\x9F\x98\x80",
                                                   "    "};
  std::uniform_int_distribution<std::size_t> pick(0, kTokens.size() - 1);
  std::uniform_int_distribution<int> length(0, 60);
  std::string out;
  for (int i = length(rng); i > 0; --i) out += kTokens[pick(rng)];
  return out;
}

void CheckInvariants(const Document& doc) {
  const std::size_t size = doc.text().size();
  ASSERT_EQ(size, doc.raw().size());
  std::size_t previous_end = 0;
  for (std::size_t i = 0; i < doc.blocks().size(); ++i) {
    const Block& block = doc.blocks()[i];
    ASSERT_LE(block.range.begin, block.range.end);
    ASSERT_LE(block.range.end, size);
    if (block.kind != BlockKind::kTableCell) {
      ASSERT_GE(block.range.begin, previous_end) << "block " << i << " overlaps its predecessor";
      previous_end = block.range.end;
    }
    ASSERT_LE(std::size_t{block.first_segment} + block.segment_count, doc.segments().size());
    for (const ByteRange& segment : doc.Segments(block)) {
      ASSERT_FALSE(segment.empty());
      ASSERT_TRUE(block.content.Contains(segment));
    }
    if (block.IsProse()) {
      ASSERT_TRUE(block.range.Contains(block.content)) << "block " << i;
      ASSERT_GT(block.segment_count, 0u);
    } else {
      ASSERT_TRUE(block.content.empty());
    }
  }
  for (std::size_t i = 1; i < doc.excluded().size(); ++i) {
    ASSERT_LT(doc.excluded()[i - 1].end, doc.excluded()[i].begin);
  }
  for (const Sentence& sentence : doc.sentences()) {
    ASSERT_LT(sentence.block, doc.blocks().size());
    ASSERT_FALSE(sentence.range.empty());
    ASSERT_TRUE(doc.blocks()[sentence.block].content.Contains(sentence.range));
  }
  for (const ByteRange& run : doc.invalid_utf8()) {
    for (std::size_t i = run.begin; i < run.end; ++i) ASSERT_EQ(doc.text()[i], '\x1A');
  }
}

TEST(DocumentInvariantsTest, RandomPlainTextAndMarkdown) {
  std::mt19937 rng(20240101);
  for (int round = 0; round < 2000; ++round) {
    const std::string bytes = RandomDocument(rng);
    for (DocumentFormat format : {DocumentFormat::kPlainText, DocumentFormat::kMarkdown}) {
      auto doc = Document::Create("r", bytes, format);
      CheckInvariants(*doc);
      if (::testing::Test::HasFatalFailure()) {
        ADD_FAILURE() << "input: " << ::testing::PrintToString(bytes)
                      << (format == DocumentFormat::kMarkdown ? " (Markdown)" : " (plain)");
        return;
      }
    }
  }
}

}  // namespace
}  // namespace ocrlint
