#include "core/diagnostic.h"

#include <gtest/gtest.h>

#include <string>
#include <string_view>
#include <thread>
#include <utility>
#include <vector>

namespace ocrlint {
namespace {

TEST(RelatedListTest, GrowsCopiesAndMovesItsLocations) {
  RelatedList list;
  EXPECT_TRUE(list.empty());
  EXPECT_EQ(list.begin(), list.end());
  const std::string owned = "an owned message longer than a short string";
  for (std::size_t i = 0; i < 5; ++i) {
    list.push_back(
        RelatedLocation{ByteRange{i, i + 1}, i % 2 == 0 ? MessageText::Borrow("borrowed") : owned});
  }
  ASSERT_EQ(list.size(), 5u);
  for (std::size_t i = 0; i < 5; ++i) {
    EXPECT_EQ(list[i].range, (ByteRange{i, i + 1}));
    EXPECT_EQ(list[i].message, i % 2 == 0 ? "borrowed" : owned);
  }

  RelatedList copy = list;
  ASSERT_EQ(copy.size(), 5u);
  EXPECT_EQ(copy[3].message, owned);
  EXPECT_NE(copy[3].message.view().data(), list[3].message.view().data());

  RelatedList moved = std::move(copy);
  EXPECT_TRUE(copy.empty());  // NOLINT(bugprone-use-after-move): moved-from is empty
  ASSERT_EQ(moved.size(), 5u);
  EXPECT_EQ(moved[4].range, (ByteRange{4, 5}));

  moved = list;
  moved = RelatedList();
  EXPECT_TRUE(moved.empty());
  copy = list;
  EXPECT_EQ(copy.size(), 5u);
}

// Copies and moves keep a single location; a moved-from list is empty, and a second
// location joins the first.
TEST(RelatedListTest, CopiesAndMovesOneLocation) {
  const std::string owned = "an owned message longer than a short string";
  RelatedList list;
  list.push_back(RelatedLocation{ByteRange{3, 6}, owned});
  ASSERT_EQ(list.size(), 1u);
  EXPECT_EQ(list.end() - list.begin(), 1);
  EXPECT_EQ(list[0].range, (ByteRange{3, 6}));

  RelatedList copy = list;
  ASSERT_EQ(copy.size(), 1u);
  EXPECT_EQ(copy[0].message, owned);
  EXPECT_NE(copy[0].message.view().data(), list[0].message.view().data());

  RelatedList moved = std::move(copy);
  EXPECT_TRUE(copy.empty());  // NOLINT(bugprone-use-after-move): moved-from is empty
  EXPECT_EQ(copy.size(), 0u);
  ASSERT_EQ(moved.size(), 1u);
  EXPECT_EQ(moved[0].message, owned);

  moved.push_back(RelatedLocation{ByteRange{8, 9}, MessageText::Borrow("second")});
  ASSERT_EQ(moved.size(), 2u);
  EXPECT_EQ(moved[0].range, (ByteRange{3, 6}));
  EXPECT_EQ(moved[0].message, owned);
  EXPECT_EQ(moved[1].message, "second");

  list = std::move(moved);
  EXPECT_TRUE(moved.empty());  // NOLINT(bugprone-use-after-move): moved-from is empty
  EXPECT_EQ(list.size(), 2u);
}

// Lists of one location reuse the blocks of lists freed before them, on the same thread or
// after crossing threads, more of them than the freed blocks kept: each keeps its own.
TEST(RelatedListTest, ListsOfOneLocationMadeAndFreedInTurnKeepTheirLocations) {
  const std::string owned = "an owned message longer than a short string";
  std::vector<RelatedList> lists;
  for (int round = 0; round < 3; ++round) {
    lists.clear();  // frees the round before's lists for this round's
    for (std::size_t i = 0; i < 1000; ++i) {
      RelatedList& list = lists.emplace_back();
      list.push_back(RelatedLocation{ByteRange{i, i + 1 + static_cast<std::size_t>(round)},
                                     i % 3 == 0 ? MessageText(owned) : MessageText::Borrow("b")});
    }
    for (std::size_t i = 0; i < lists.size(); ++i) {
      ASSERT_EQ(lists[i].size(), 1u);
      EXPECT_EQ(lists[i][0].range, (ByteRange{i, i + 1 + static_cast<std::size_t>(round)}));
      EXPECT_EQ(lists[i][0].message, i % 3 == 0 ? std::string_view(owned) : "b");
    }
  }
  // Made here, freed on another thread; made there, freed here.
  std::vector<RelatedList> made_there;
  std::thread([&] {
    lists.clear();
    for (std::size_t i = 0; i < 300; ++i) {
      made_there.emplace_back().push_back(RelatedLocation{ByteRange{i, i}, owned});
    }
  }).join();
  for (std::size_t i = 0; i < made_there.size(); ++i) {
    EXPECT_EQ(made_there[i][0].range, (ByteRange{i, i}));
  }
  made_there.clear();
  RelatedList last;
  last.push_back(RelatedLocation{ByteRange{1, 2}, MessageText::Borrow("last")});
  EXPECT_EQ(last[0].message, "last");
}

TEST(MessageTextTest, ConcatJoinsItsPartsIntoAnOwnedCopy) {
  std::string word = "部部";
  const MessageText joined = MessageText::Concat({"\"", word, "\" is repeated", "", "!"});
  word = "xx";  // the result does not refer to its parts
  EXPECT_EQ(joined, "\"部部\" is repeated!");
  EXPECT_EQ(joined.view().size(), 21u);

  const MessageText copy = joined;
  EXPECT_EQ(copy, "\"部部\" is repeated!");
  EXPECT_NE(copy.view().data(), joined.view().data());

  EXPECT_TRUE(MessageText::Concat({}).empty());
  EXPECT_TRUE(MessageText::Concat({"", ""}).empty());
  EXPECT_EQ(MessageText::Concat({"one"}), "one");
}

}  // namespace
}  // namespace ocrlint
