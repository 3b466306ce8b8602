#include "core/diagnostic.h"

#include <gtest/gtest.h>

#include <string>
#include <utility>

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

}  // namespace
}  // namespace ocrlint
