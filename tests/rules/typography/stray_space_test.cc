#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "rules/hygiene/rule_check.h"
#include "rules/typography/typography_rules.h"

namespace ocrlint {
namespace {

using testing_util::RuleCheck;

// Byte offsets of the reported spaces.
std::vector<std::size_t> Starts(const RuleCheck& check, const std::string& text,
                                const std::string& path = "test.md") {
  std::vector<std::size_t> starts;
  for (const Diagnostic& d : check.Run(text, path)) starts.push_back(d.range.begin);
  return starts;
}

// The offset of the space after the n-th occurrence of `before` (for readable
// expectations).
std::size_t SpaceAfter(const std::string& text, const std::string& before) {
  const std::size_t at = text.find(before + " ");
  EXPECT_NE(at, std::string::npos) << before;
  return at + before.size();
}

class StraySpaceRuleTest : public testing::Test {
 protected:
  RuleCheck check_{&MakeStraySpaceRule};
};

// Real paragraphs of corpus_samples/luoyang-jianxi-interview.md (seed 004).
TEST_F(StraySpaceRuleTest, WrappedColumnOf004) {
  const std::string text =
      "位于浅井南路的中航光电科技产业 社区工地内车辆穿梭、桩机紧张施工,综 "
      "保区内麦斯克年产360万片硅外延片项 目厂房主体已建至二层……当下,涧西 区项目建设如火如荼。";
  const auto found = check_.Run(text, "004.md");
  ASSERT_EQ(found.size(), 4u);
  EXPECT_EQ(found[0].range, (ByteRange{SpaceAfter(text, "产业"), SpaceAfter(text, "产业") + 1}));
  EXPECT_EQ(found[0].message, "stray space at a column wrap inside a sentence");
  ASSERT_TRUE(found[0].fix);
  EXPECT_EQ(found[0].fix->message, "delete the space");
  EXPECT_EQ(found[0].fix->applicability, Applicability::kSafe);
  EXPECT_EQ(Starts(check_, text),
            (std::vector<std::size_t>{SpaceAfter(text, "产业"), SpaceAfter(text, "综"),
                                      SpaceAfter(text, "片项"), SpaceAfter(text, "涧西")}));
  EXPECT_EQ(check_.Fixed(text),
            "位于浅井南路的中航光电科技产业社区工地内车辆穿梭、桩机紧张施工,综"
            "保区内麦斯克年产360万片硅外延片项目厂房主体已建至二层……当下,涧西区项目建设如火如荼。");
}

TEST_F(StraySpaceRuleTest, WrapsNextToAsciiQuotesAndDigits) {
  const std::string text =
      "\"市委十二届五次全会暨市委经济 工作会议目标振奋人心、思路明确清晰、 "
      "措施扎实有力。\"日前,涧西区委书记、高 新区党工委书记谢峰在接受洛报融媒记 "
      "者专访时说,将锚定\"重振涧西区、重塑 高新区\"总目标,坚持稳中求进工作总基 "
      "调和\"产业兴区、创新引领\"总策略,扭住 \"三项重点工作\",用好\"三个重要抓手\", "
      "深入实施\"八大提升行动\",抓项目、重创 新、促转型,以高质量发展的良好成效展 "
      "现勇挑大梁的应有担当。";
  EXPECT_EQ(Starts(check_, text).size(), 10u);
  const std::string fixed = check_.Fixed(text);
  EXPECT_EQ(fixed.find(' '), std::string::npos) << fixed;

  const std::string digits =
      "聚焦城市提质扩能级。打造宜居宜 业活力城区,让老旧城区换新貌、强功 能、提品质。"
      "突出\"两建设三改造\",完成 2000年前建设的老旧小区改造,实施武 汉南路等6条断头路打通工程。";
  EXPECT_EQ(Starts(check_, digits),
            (std::vector<std::size_t>{SpaceAfter(digits, "宜居宜"), SpaceAfter(digits, "强功"),
                                      SpaceAfter(digits, "完成"), SpaceAfter(digits, "实施武")}));
}

TEST_F(StraySpaceRuleTest, LoneWrapInASentence) {
  const std::string text = "加强试点建设资金保障,推动成立环投公 司,重点支持减污降碳项目。";
  EXPECT_EQ(Starts(check_, text), (std::vector<std::size_t>{SpaceAfter(text, "环投公")}));
  // Too close to the start to be a line end.
  EXPECT_TRUE(Starts(check_, "校对:王岚 组版:晓南").empty());
}

TEST_F(StraySpaceRuleTest, HeadlinesBylinesAndHeadingsOf004AreKept) {
  EXPECT_TRUE(Starts(check_, "不断巩固和增强经济回升向好态势 加快推动高质量发展").empty());
  EXPECT_TRUE(Starts(check_, "洛报融媒记者 李三旺 通讯员 董洁").empty());
  EXPECT_TRUE(Starts(check_, "# 真抓实干谋发展 奋勇争先谱新篇\n").empty());
  EXPECT_TRUE(
      Starts(check_, "#### 科学规划 合理布局 强化运营 以高质量发展推动主题教育见行见效\n").empty());
  EXPECT_TRUE(Starts(check_, "| 项目 | 金额 |\n|---|---|\n| 城建 项目 | 80个,完成 |\n").empty());
}

TEST_F(StraySpaceRuleTest, CreditsInsideAWrappedParagraphAreKept) {
  // Wraps are removed; the name list in the dateline and the split name 张宇 欢 (a wrap)
  // are told apart by the period of the column.
  const std::string text =
      "本报讯(洛报融媒记者 李雅君 通讯员 张宇 欢 李劲鸣)按照市委部署要求,日前,市委第四督 "
      "查组督导调研伏牛1号旅游公路及配套设施建设运 营情况。";
  EXPECT_EQ(Starts(check_, text),
            (std::vector<std::size_t>{SpaceAfter(text, "张宇"), SpaceAfter(text, "第四督"),
                                      SpaceAfter(text, "建设运")}));

  const std::string credit =
      "南关街道为了守牢广大居民的\"钱袋 子\",通过不断开展反诈\"三进\"全覆盖宣 "
      "传活动,织密了反诈防护网,筑起了反诈 防火墙,致力于构筑平安\"无诈\"的社会 环境。 "
      "(郭洁琼 宋婉青)";
  EXPECT_EQ(check_.Fixed(credit),
            "南关街道为了守牢广大居民的\"钱袋子\",通过不断开展反诈\"三进\"全覆盖宣"
            "传活动,织密了反诈防护网,筑起了反诈防火墙,致力于构筑平安\"无诈\"的社会环境。 "
            "(郭洁琼 宋婉青)");
  // Fixing again finds nothing.
  EXPECT_TRUE(Starts(check_, check_.Fixed(credit)).empty());
}

TEST_F(StraySpaceRuleTest, DatelineCreditIsNotALoneWrap) {
  EXPECT_TRUE(Starts(check_, "本报讯(洛报融媒记者 郭旭光)昨日下午,市委召开常委会会议。").empty());
  EXPECT_TRUE(Starts(check_, "贡献商会力量。 (李士晋)").empty());
}

TEST_F(StraySpaceRuleTest, LatinAndNumbersAreNotStraySpaces) {
  EXPECT_TRUE(Starts(check_, "这是一个 test 句子,里面有英文。").empty());
  EXPECT_TRUE(Starts(check_, "The quick brown fox, jumps over the lazy dog.").empty());
}

}  // namespace
}  // namespace ocrlint
