#include <gtest/gtest.h>

#include <algorithm>
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

// A printed column has a constant width: digits and Latin letters take half a cell, so a
// line holding numbers holds more characters, and a line end that falls next to a digit
// leaves no space (the chain skips a line). Columns of 17 and 16 full-width characters.
TEST_F(StraySpaceRuleTest, WrapsAcrossLinesEndingNextToDigits) {
  const std::string text =
      "抓好“三大改造”，增强产业发展 内生动力。以数字化转型为引领，加快 实施“一转带三化”，"
      "推动产业链全链 式改造，2024年实施“三大改造”项目500个以上，年度投资450亿元。开展企 "
      "业数字化转型梯度培育，分类分级实施 转型升级，争创国家中小企业数字化转 型城市试点。"
      "坚持以科技创新引领产业 升级，高标准建设科技产业社区，做出 一批科技型中小企业。";
  EXPECT_EQ(Starts(check_, text),
            (std::vector<std::size_t>{SpaceAfter(text, "产业发展"), SpaceAfter(text, "加快"),
                                      SpaceAfter(text, "全链"), SpaceAfter(text, "开展企"),
                                      SpaceAfter(text, "分级实施"), SpaceAfter(text, "数字化转"),
                                      SpaceAfter(text, "引领产业"), SpaceAfter(text, "做出")}));
  EXPECT_EQ(check_.Fixed(text).find(' '), std::string::npos);

  const std::string skipped =
      "扎实推进新型城镇化。统筹主城区有 机更新和滨水新城开发建设，扎实推进57个城市提质项目，"
      "提升主城区宜居水平。 同时，按照“北优东扩、拥河发展”整体 思路，加快提升滨水新城承载能力"
      "和吸引 力。";
  EXPECT_EQ(
      Starts(check_, skipped),
      (std::vector<std::size_t>{SpaceAfter(skipped, "主城区有"), SpaceAfter(skipped, "宜居水平。"),
                                SpaceAfter(skipped, "发展”整体"), SpaceAfter(skipped, "和吸引")}));
  EXPECT_EQ(check_.Fixed(skipped),
            "扎实推进新型城镇化。统筹主城区有机更新和滨水新城开发建设，扎实推进57个城市提质项目，"
            "提升主城区宜居水平。同时，按照“北优东扩、拥河发展”整体思路，加快提升滨水新城承载能力"
            "和吸引力。");
}

// A paragraph that starts mid-column: its first wrap is close to the start, and a chain of
// three or more is evidence enough without the anchor.
TEST_F(StraySpaceRuleTest, ParagraphStartingMidColumn) {
  const std::string text =
      "尤为 值得一提的是，项目建设指挥部通过 “筑牢高品质、奋进新征程”劳动竞 赛，签订竞赛目标"
      "责任书，明确目标 责任、科学组织施工、统筹推进建设， 确保各项施工任务顺利完成。眼下， "
      "项目土方开挖、桩基支护、厂房基础 工程等按预定节点推进。";
  EXPECT_EQ(Starts(check_, text).size(), 7u);
  EXPECT_EQ(check_.Fixed(text),
            "尤为值得一提的是，项目建设指挥部通过“筑牢高品质、奋进新征程”劳动竞赛，签订竞赛目标"
            "责任书，明确目标责任、科学组织施工、统筹推进建设，确保各项施工任务顺利完成。眼下，"
            "项目土方开挖、桩基支护、厂房基础工程等按预定节点推进。");
  // Two spaces near the start are not a chain.
  EXPECT_TRUE(
      Starts(check_, "本报讯 （洛报融媒记者 李雅君）昨日，市委常委、宣传部部长徐超文深入 调研。")
          .empty());
}

// The names of a bracketed byline keep their spaces even where one falls at the period of
// the wraps; a name split by a wrap (张宇 欢) is joined.
TEST_F(StraySpaceRuleTest, BylineInBracketsInAWrappedParagraph) {
  const std::string text =
      "本报讯（洛报融媒记者 李雅君 通讯员 张宇欢 李劲鸣）按照市委部 署要求，日前，市委第四督查组"
      "督导 调研伏牛1号旅游公路及配套设施建 设运营情况。";
  EXPECT_EQ(Starts(check_, text),
            (std::vector<std::size_t>{SpaceAfter(text, "市委部"), SpaceAfter(text, "督导"),
                                      SpaceAfter(text, "设施建")}));
  EXPECT_EQ(
      check_.Fixed(text),
      "本报讯（洛报融媒记者 李雅君 通讯员 张宇欢 李劲鸣）按照市委部署要求，日前，市委第四督查组"
      "督导调研伏牛1号旅游公路及配套设施建设运营情况。");

  // The newspaper's name split by a wrap before the title.
  const std::string newspaper =
      "本报讯（洛报 融媒记者 李雅君）昨日，市委常 委、宣传部部长徐超文深入主题教 "
      "育“大攻坚、见实效、建新功”分 包项目进行督导调研。";
  EXPECT_EQ(check_.Fixed(newspaper),
            "本报讯（洛报融媒记者 李雅君）昨日，市委常委、宣传部部长徐超文深入主题教"
            "育“大攻坚、见实效、建新功”分包项目进行督导调研。");

  // A trailing credit in brackets with no title.
  const std::string names =
      "在当日开展的现场招聘和直播带 岗招聘活动中，共有110余家企业送岗4000余个，吸引6000余人次 "
      "现场求职，初步达成就业意向1500余人 次。副市长王蔚参加启动仪式。（王博东 李磊 秦梦鸽）";
  EXPECT_EQ(check_.Fixed(names),
            "在当日开展的现场招聘和直播带岗招聘活动中，共有110余家企业送岗4000余个，吸引6000余人次"
            "现场求职，初步达成就业意向1500余人次。副市长王蔚参加启动仪式。（王博东 李磊 秦梦鸽）");
}

// Parallel halves of a quoted title keep their space; a wrap inside a quoted term does
// not, nor one that splits a title unevenly.
TEST_F(StraySpaceRuleTest, QuotedTitlesInAWrappedParagraph) {
  const std::string text =
      "强化学习宣传，助力全县发展大 局。新安县立足统战工作面临的新形 "
      "势新任务新要求，突出新安实际，自 "
      "觉把学习成果转化服务大局、履职尽 责的实际行动。在民营经济人士统战 工作方面，先后举办“强化"
      "创新引领 瞄准风口产业”培训班、“名家课 堂进民企 精准助企促发展”培训班 等，组织100余名民营"
      "企业企业家到 浙江大学进行为期一周的专题培训， 进一步提升了民营企业企业家综合素 质。";
  const auto starts = Starts(check_, text);
  EXPECT_EQ(starts.size(), 10u);
  EXPECT_NE(std::find(starts.begin(), starts.end(), SpaceAfter(text, "名家课")), starts.end());
  EXPECT_EQ(
      check_.Fixed(text),
      "强化学习宣传，助力全县发展大局。新安县立足统战工作面临的新形势新任务新要求，突出新安实际，自"
      "觉把学习成果转化服务大局、履职尽责的实际行动。在民营经济人士统战工作方面，先后举办“强化"
      "创新引领 瞄准风口产业”培训班、“名家课堂进民企 精准助企促发展”培训班等，组织100余名民营"
      "企业企业家到浙江大学进行为期一周的专题培训，进一步提升了民营企业企业家综合素质。");

  // The only space of a sentence, between the halves of a title: kept.
  EXPECT_TRUE(Starts(check_,
                     "在民营经济人士统战工作方面，先后举办“强化创新引领 瞄准风口产业”培训班、"
                     "“名家课堂进民企精准助企促发展”培训班等。")
                  .empty());
  EXPECT_TRUE(
      Starts(check_, "该活动主题为“就业帮扶 真情相助”，旨在加强困难群体就业帮扶。").empty());

  // Uneven or short halves are a wrap: "一网双 联多元" (3 and 3), "神舟十七号 发射成功".
  const std::string uneven =
      "持续实施乡村振兴战略。以乡村振 兴示范区建设为主抓手，一体推进12万 亩高标准农田土地整治、"
      "农田灌溉和农 事中心建设。以“五星”支部创建为抓 手，推进乡里中心建设，用好“一网双 "
      "联多元”治理机制，全面提升农村治理 水平。";
  EXPECT_EQ(check_.Fixed(uneven).find(' '), std::string::npos) << check_.Fixed(uneven);
  const std::string shenzhou =
      "该系列榜单还展现了我市产业发展的多项创 新成果——上榜\"十大超级工程\"的\"神舟十七号 "
      "发射成功\",有洛阳轴承研究所、洛阳LYC轴 承、中信重工等企业的重磅产品护航。";
  EXPECT_EQ(Starts(check_, shenzhou), (std::vector<std::size_t>{SpaceAfter(shenzhou, "多项创"),
                                                                SpaceAfter(shenzhou, "神舟十七号"),
                                                                SpaceAfter(shenzhou, "LYC轴")}));
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
