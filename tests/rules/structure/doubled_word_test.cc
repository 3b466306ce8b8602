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

class DoubledWordRuleTest : public testing::Test {
 protected:
  std::vector<std::string> Flagged(const std::string& text) const {
    std::vector<std::string> out;
    for (const Diagnostic& d : check_.Run(text)) out.emplace_back(d.range.In(text));
    return out;
  }

  RuleCheck check_{&MakeDoubledWordRule};
};

// Page 001 (luoyang-laocheng-interview.txt).
TEST_F(DoubledWordRuleTest, StutterOfPage001) {
  const std::string text =
      "西工区委主要负责负责人表示,下一步,西工区将以加大经费投入力度为保障,以科学配置资源为核心。";
  const auto found = check_.Run(text);
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].range, RangeOf(text, "负责负责"));
  EXPECT_EQ(found[0].message, "\"负责\" is repeated (\"负责负责\"), an OCR stutter");
  ASSERT_TRUE(found[0].fix);
  EXPECT_EQ(found[0].fix->applicability, Applicability::kUnsafe);
  EXPECT_EQ(found[0].fix->message, "delete one \"负责\"");
  ASSERT_EQ(found[0].fix->edits.size(), 1u);
  const std::size_t second = text.find("负责负责") + std::string("负责").size();
  EXPECT_EQ(found[0].fix->edits[0].range, (ByteRange{second, second + 6}));
  EXPECT_EQ(
      check_.Fixed(text),
      "西工区委主要负责人表示,下一步,西工区将以加大经费投入力度为保障,以科学配置资源为核心。");
}

// Pages 002 (luoyang-cadre-training.txt) and 003 (luoyang-rural-revitalisation.md).
TEST_F(DoubledWordRuleTest, StuttersOfPages002And003) {
  const std::string industry =
      "比如,总投资280亿元的中州时代新能源生产基地项目,"
      "未来将带动全市动力电池产业产业规模突破2000亿元;";
  EXPECT_EQ(Flagged(industry), (std::vector<std::string>{"产业产业"}));
  EXPECT_EQ(
      check_.Fixed(industry),
      "比如,总投资280亿元的中州时代新能源生产基地项目,未来将带动全市动力电池产业规模突破2000亿元;");
  const std::string home =
      "打造产业链条长、带动能力强、关联性强、返乡返乡创业产业集群,让农民就地就近就业。";
  const auto found = check_.Run(home);
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].range, RangeOf(home, "返乡返乡"));
  EXPECT_EQ(found[0].message, "\"返乡\" is repeated (\"返乡返乡\"), an OCR stutter");
  EXPECT_EQ(check_.Fixed(home),
            "打造产业链条长、带动能力强、关联性强、返乡创业产业集群,让农民就地就近就业。");
}

TEST_F(DoubledWordRuleTest, DoubledFunctionCharacter) {
  const std::string text = "%lu 个自动安装的的软件包现在已不再需要。";
  const auto found = check_.Run(text);
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].range, RangeOf(text, "的的"));
  EXPECT_EQ(found[0].message, "\"的\" is repeated (\"的的\"), an OCR stutter");
  EXPECT_EQ(check_.Fixed(text), "%lu 个自动安装的软件包现在已不再需要。");
  EXPECT_EQ(Flagged("是否在超时后禁用键盘键盘辅助功能"), (std::vector<std::string>{"键盘键盘"}));
}

// One character doubled inside or at the edge of a word: one copy sits in a word, the
// other stands alone with nothing to go with.
TEST_F(DoubledWordRuleTest, DoubledContentCharacter) {
  const std::string text = "该镇坚持把人居环境整治治作为一项重要工作。";
  const auto found = check_.Run(text);
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].range, RangeOf(text, "治治"));
  EXPECT_EQ(found[0].message, "\"治\" is repeated (\"治治\"), an OCR stutter");
  EXPECT_EQ(check_.Fixed(text), "该镇坚持把人居环境整治作为一项重要工作。");
  for (const auto& [doubled, span] : std::vector<std::pair<std::string, std::string>>{
           {"该镇坚持把人居环境整治作为一项重要工工作,党群齐发力。", "工工"},
           {"涵盖陶瓷、紫砂、刺绣、书画画、剪纸、皮影雕刻等工艺门类。", "画画"},
           {"坚持前瞻布局局、系统谋划,做优人工智能、元宇宙。", "局局"},
           {"他强调,要深入学习贯彻习近平总书总书记关于建设的重要指示精神。", "总书总书"},
           {"雅万高铁开通运行离不离不开双瑞特装双曲面球型减隔震支座支撑。", "离不离不"},
           {"市人大常委会副主副主任杨劭春带队,先后深入洛宁县。", "副主副主"},
           {"很多学生得选择选择走读;有的体育设施不足。", "选择选择"},
           {"今年以来,市教育教育局按照市委关于主题教育的部署。", "教育教育"},
           {"群众钱袋子有没有鼓起鼓起来,洛阳大力实施。", "鼓起鼓起"},
           {"接受洛报融媒记者专访时表表示,市国资委将加大力度。", "表表"},
           // The lone second copy before a single character: the word list decides.
           {"支持企业在控股子企业开展展跟投试点,坚持业绩与干部任用挂钩。", "展展"},
           {"聚焦沉浸浸式体验,叫响研学品牌。", "浸浸"},
           {"帮扶后,部分脱贫户基本本生活有了保障。", "本本"},
       }) {
    EXPECT_EQ(Flagged(doubled), (std::vector<std::string>{span})) << doubled;
  }
}

// Doubled characters that are correct: the lone copy ends a name, is a free word, or ICU
// does not know the words around it.
TEST_F(DoubledWordRuleTest, SharedContentCharacterStaysSilent) {
  for (const char* text : {
           "市委常委、宣传部部长徐超文,市乡村振兴局局长何玉霞,洛阳市市长。",
           "在比赛中中国队获得金牌,我们要要求学生,只有有权限的用户才能创建。",
           "所有的外部命令都可以以这种方式执行,有有效办法,对对手进行研究。",
           "我们散散步、聊聊天、洗洗澡,在大学学的是中文。",
           "班班有剧目、人人有角色,实现村村通公路,一座座高楼拔地而起。",
           "沉甸甸的果实,金灿灿的麦田,绿油油的禾苗,红彤彤的灯笼,头头是道。",
           "龙门山山顶,产业园园区,中州路路口,派出所所长,开发区区长。",
           "十六进制数字,尼亚尼亚,朗格朗格文,SoReal洛阳未来城。",
           // The lone copy starts a word of the list, ends a slogan, or is read into a
           // traditional character.
           "融合市属国企,全国国企改革深化提升行动,推动“引入入洛”,把抓好工作作為检验。",
       }) {
    EXPECT_TRUE(Flagged(text).empty()) << text;
  }
}

TEST_F(DoubledWordRuleTest, ThreeAndFourCharacterUnits) {
  EXPECT_EQ(Flagged("市委主要负责人负责人表示要抓好落实。"),
            (std::vector<std::string>{"负责人负责人"}));
  EXPECT_EQ(Flagged("全面推进乡村振兴乡村振兴战略。"),
            (std::vector<std::string>{"乡村振兴乡村振兴"}));
  EXPECT_EQ(check_.Fixed("全面推进乡村振兴乡村振兴战略。"), "全面推进乡村振兴战略。");
  // ICU reads 民|营|企业, more than two words; the word list knows 民营 and 民营企业.
  EXPECT_EQ(Flagged("这是一批民营企业民营企业的代表。"),
            (std::vector<std::string>{"民营企业民营企业"}));
  // A word cut short at the end of the text is left to the ICU reading (宣传部部|长).
  EXPECT_TRUE(Flagged("市委常委、宣传部部").empty());
  // Stutters that ICU's dictionary cannot read and the word list can (良好, 实现, 监督).
  EXPECT_EQ(Flagged("营造良良好发展环境。"), (std::vector<std::string>{"良良"}));
  EXPECT_EQ(Flagged("实现现脱贫人口增收。"), (std::vector<std::string>{"现现"}));
  EXPECT_EQ(Flagged("巡察和监督督执纪问责。"), (std::vector<std::string>{"督督"}));
  // A phrase, not a word.
  EXPECT_TRUE(Flagged("找不到带有OID %u的函数的函数定义").empty());
}

// Correct text of the real pages that repeats characters.
TEST_F(DoubledWordRuleTest, RealPagesStaySilentWhereCorrect) {
  for (const char* text : {
           "组织200余名民营企业企业家到浙江大学学习,进一步提升了民营企业企业家综合素质。",
           "只要我们坚持下去,一定能芝麻开花节节高。",
           "打造以2024年龙年龙游为主题的“豫见洛阳”文旅品牌。",
           "跟班学习干部、市市场监管局标准化科科长毕晓燕表示。",
           "把抓好清欠工作作为检验主题教育成果的重要内容。",
           "推动“引入入洛”,深化务实合作;加快推进进道街启动区建设。",
           "宣传部部长、市委第四督查组组长,全国国企年度盘点榜。",
           "为红山山区等薄弱学校提升产品品质,争取2024年年底完成。",
           "班班有剧目、人人有角色,不仅仅是航模课程,往往会出现。",
           "洛报融媒记者 郭飞飞 通讯员 杜蕊蕊 康颖颖 (刘艳艳 朱晓茹)",
           "“11345”的总体工作思路和“1+8”的工作重点",
       }) {
    EXPECT_TRUE(Flagged(text).empty()) << text;
  }
}

TEST_F(DoubledWordRuleTest, ReduplicationStaysSilent) {
  for (const char* text : {
           "他天天来看看,大家高高兴兴,一次次研究研究,试一试。",
           "谢谢谢谢,常常渐渐,人人个个,一步一步地走,好的好的,加油加油。",
           "的的确确实实在在,是是非非,和和美美,平平安安过好年。",
           "家家户户喜迎春节,同公安英模一一握手,一起聚聚。",
           "雪白雪白的墙,滴答滴答的钟,哈哈哈哈,三三两两。",
           "vim还有很多很多的命令。",
       }) {
    EXPECT_TRUE(Flagged(text).empty()) << text;
  }
}

// Adjacent words that share characters, and transliterations.
TEST_F(DoubledWordRuleTest, SharedCharactersStaySilent) {
  for (const char* text : {
           "对对象内容做过滤,选项的强制参数对对应的短选项也是强制的。",
           "无法复制复制槽,无法使用多个作业重新索引索引。",
           "塔那那利佛省,尼亚尼亚,朗格朗格文。",
           "达到目的的手段,但是是否可行,研究所所长,不了了之。",
           "Latin words words and numbers 11345 1111 stay.",
       }) {
    EXPECT_TRUE(Flagged(text).empty()) << text;
  }
}

TEST_F(DoubledWordRuleTest, NotAcrossPunctuationOrLines) {
  EXPECT_TRUE(Flagged("负责,负责人表示").empty());
  EXPECT_TRUE(Flagged("主要负责\n负责人表示").empty());
}

// The scan passes over the paragraphs of a document at once (and over the bytes between
// them), but finds each repeat in its own paragraph.
TEST_F(DoubledWordRuleTest, RepeatsInEveryParagraph) {
  const std::string text =
      "西工区委主要负责负责人表示。\n\n未来将带动全市动力电池产业产业规模。\n"
      "打造产业链条长、关联性强、返乡返乡创业产业集群。\n\n主要负责\n\n负责人表示";
  EXPECT_EQ(Flagged(text), (std::vector<std::string>{"负责负责", "产业产业", "返乡返乡"}));
}

// Markdown: list and quote markers between the segments, and a code block far longer than
// the gap the scan passes over.
TEST_F(DoubledWordRuleTest, RepeatsAroundMarkupAndCode) {
  const std::string code(300, 'x');
  const std::string text =
      "- 西工区委主要负责负责人表示。\n- 未来将带动全市动力电池产业产业规模。\n\n```\n" + code +
      "\n产业产业规模\n```\n\n> 打造产业链条长、关联性强、返乡返乡创业产业集群。\n";
  const std::vector<std::string> expected = {"负责负责", "产业产业", "返乡返乡"};
  std::vector<std::string> found;
  for (const Diagnostic& d : check_.Run(text, "test.md")) found.emplace_back(d.range.In(text));
  EXPECT_EQ(found, expected);
}

TEST_F(DoubledWordRuleTest, CodeIsNotChecked) {
  EXPECT_TRUE(check_.Run("正文。\n\n```\n产业产业规模\n```\n", "test.md").empty());
}

// Exactly the stutters on the real pages, nothing else.
TEST_F(DoubledWordRuleTest, CorpusSamples) {
  const struct {
    const char* file;
    std::vector<std::string> spans;
  } kExpected[] = {
      {"luoyang-yichuan-interview.txt", {}},
      // 中国花园园、: an OCR doubling the clean corpus (bench/quality/clean/) also removes.
      {"luoyang-laocheng-interview.txt", {"园园", "负责负责"}},
      {"luoyang-cadre-training.txt", {"产业产业"}},
      {"luoyang-rural-revitalisation.md", {"返乡返乡"}},
      {"luoyang-jianxi-interview.md", {}},
  };
  for (const auto& expected : kExpected) {
    EXPECT_EQ(testing_util::FlaggedSpans(check_, expected.file), expected.spans) << expected.file;
  }
}

// Repeats next to punctuation, where ICU reads the window only up to the punctuation and
// a repeat no reading can accept is rejected before any: the verdicts of a full reading.
TEST_F(DoubledWordRuleTest, RepeatsNextToPunctuation) {
  EXPECT_EQ(Flagged("为“洛阳辉煌”贡献力量力量。"), (std::vector<std::string>{"力量力量"}));
  EXPECT_EQ(Flagged("中原银行副行长行长，洛阳分行党委书记。"),
            (std::vector<std::string>{"行长行长"}));
  EXPECT_EQ(Flagged("聚焦乡村振兴振兴。加快龙门南。"), (std::vector<std::string>{"振兴振兴"}));
  EXPECT_EQ(Flagged("涵盖陶瓷、紫砂、刺绣、书画画、剪纸等工艺门类。"),
            (std::vector<std::string>{"画画"}));
  EXPECT_TRUE(Flagged("市委明确,要紧紧围绕“三项重点”,紧紧围绕中心工作。").empty());
  EXPECT_TRUE(Flagged("班学习干部、市市场监管局标准化科科长毕晓燕表示。").empty());
  EXPECT_TRUE(Flagged("提升产品品质。二是结合实际，节节高。").empty());
}

}  // namespace
}  // namespace ocrlint
