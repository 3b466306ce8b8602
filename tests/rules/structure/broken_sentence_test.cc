#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "rules/hygiene/rule_check.h"
#include "rules/structure/corpus_sample.h"
#include "rules/structure/structure_rules.h"

namespace ocrlint {
namespace {

using testing_util::ReadCorpusSample;
using testing_util::RuleCheck;
using testing_util::UniqueOffset;

class BrokenSentenceRuleTest : public testing::Test {
 protected:
  // The messages of every finding, in order.
  std::vector<std::string> Messages(const std::string& text, const std::string& path) const {
    std::vector<std::string> out;
    for (const Diagnostic& d : check_.Run(text, path)) out.push_back(d.message.str());
    return out;
  }

  RuleCheck check_{&MakeBrokenSentenceRule};
};

// A body paragraph before the broken one puts the text below the headline block.
const std::string kLead =
    "坚持创新引领发展。围绕构建新型工业体系，推动产业发展提速、提质、提效。\n\n";

TEST_F(BrokenSentenceRuleTest, WordAcrossTheBreak) {
  const std::string text =
      "持续实施乡村振兴战略。以乡村振兴示范区建设为主抓手，一体推\n\n进12万亩高标准农田土地综合整治"
      "。\n";
  const auto found = check_.Run(text);
  ASSERT_EQ(found.size(), 1u);
  const std::size_t at = UniqueOffset(text, "推\n\n进") + std::string("推").size();
  EXPECT_EQ(found[0].range, (ByteRange{at, at + 2}));
  EXPECT_EQ(found[0].message,
            "sentence broken across paragraphs: \"…，一体推\" continues as \"进12万…\"");
  ASSERT_EQ(found[0].related.size(), 1u);
  EXPECT_EQ(found[0].related[0].range, (ByteRange{at + 2, at + 2 + 3}));
  EXPECT_EQ(found[0].related[0].message, "the sentence continues here");
  ASSERT_TRUE(found[0].fix);
  EXPECT_EQ(found[0].fix->applicability, Applicability::kUnsafe);
  EXPECT_EQ(found[0].fix->message, "join the paragraphs");
  EXPECT_EQ(check_.Fixed(text),
            "持续实施乡村振兴战略。以乡村振兴示范区建设为主抓手，一体推进12万亩高标准农田土地综合整"
            "治。\n");
}

// Seed 002: an image caption landed between the halves; it moves after the joined
// paragraph, blank lines and all.
TEST_F(BrokenSentenceRuleTest, CaptionBetweenTheHalves) {
  const std::string text = kLead +
                           "跟班学习如何学?在跟班学习期间,跟班学习干部既注重提升自身能\n\n\n\n"
                           "我市跟班学习干部到广汽传祺考察学习 (资料图片)\n\n"
                           "力素质,又为深化地区交流牵线搭桥。\n\n随着跟班学习的深入开展,"
                           "跟班学习干部思维理念悄然发生变化。\n";
  const auto found = check_.Run(text);
  ASSERT_EQ(found.size(), 1u);
  const std::size_t begin = UniqueOffset(text, "\n\n\n\n我市");
  const std::size_t end = UniqueOffset(text, "力素质");
  EXPECT_EQ(found[0].range, (ByteRange{begin, end}));
  EXPECT_EQ(found[0].message,
            "sentence broken across paragraphs, with a caption between the halves: \"…升自身能\" "
            "continues as \"力素质,…\"");
  ASSERT_TRUE(found[0].fix);
  EXPECT_EQ(found[0].fix->message, "join the paragraphs and move the caption after them");
  EXPECT_EQ(check_.Fixed(text), kLead +
                                    "跟班学习如何学?在跟班学习期间,"
                                    "跟班学习干部既注重提升自身能力素质,又为深化地区交流牵线搭桥。"
                                    "\n\n\n\n我市跟班学习干部到广汽传祺考察学习 (资料图片)\n\n"
                                    "随着跟班学习的深入开展,跟班学习干部思维理念悄然发生变化。\n");
}

// Seed 000: a numbered subheading between the halves, and a book title that opens in one
// half and closes in the other.
TEST_F(BrokenSentenceRuleTest, BracketCarriedAcrossASubheading) {
  const std::string text =
      kLead +
      "2023年12月1日，洛二高在全市高中工作会议上作了题为《家校社\n\n2 创出特色，科技高中展新颜\n\n"
      "协同育人，共赢美好未来》的典型发言。\n\n顾大局、谋定位，加快高速发展。一是定位科技高中。\n";
  const auto found = check_.Run(text);
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].message,
            "sentence broken across paragraphs, with a caption between the halves: \"…《家校社\" "
            "continues as \"协同育人…\"");
  EXPECT_EQ(
      check_.Fixed(text),
      kLead +
          "2023年12月1日，洛二高在全市高中工作会议上作了题为《家校社协同育人，共赢美好未来》的典型"
          "发言。"
          "\n\n2 创出特色，科技高中展新颜\n\n顾大局、谋定位，加快高速发展。一是定位科技高中。\n");
}

// Seed 004: an ASCII quotation mark left open ("项目 / 为王"), in Markdown.
TEST_F(BrokenSentenceRuleTest, StraightQuoteCarriedOver) {
  const std::string text =
      "聚焦项目建设稳增长。坚持\"项目\n\n为王\",不断扩大投资稳增长。\n\n聚焦产业发展固根基。\n";
  EXPECT_EQ(Messages(text, "004.md"),
            (std::vector<std::string>{
                "sentence broken across paragraphs: \"…持\"项目\" continues as \"为王\",…\""}));
  EXPECT_EQ(check_.Fixed(text, "004.md"),
            "聚焦项目建设稳增长。坚持\"项目为王\",不断扩大投资稳增长。\n\n聚焦产业发展固根基。\n");
}

// Seed 000: four paragraphs of one sentence chain; every break is joined in one pass.
TEST_F(BrokenSentenceRuleTest, ChainOfBreaks) {
  const std::string text =
      kLead +
      "完善激励机制，建立以尽职免责为中心的市属企业跟投容\n\n错机制，支持企业在从事新业务领"
      "域的控股非上市子企业和私募股权投资\n\n"
      "基金开展跟投试点。坚持业绩导向，优先推荐使用优秀经营业绩人\n\n才，并作"
      "为内部提拔使用的参考依据。\n";
  EXPECT_EQ(Messages(text, "000.txt"),
            (std::vector<std::string>{
                "sentence broken across paragraphs: \"…业跟投容\" continues as \"错机制，…\"",
                "sentence broken across paragraphs: \"…股权投资\" continues as \"基金开展…\"",
                "sentence broken across paragraphs: \"…营业绩人\" continues as \"才，并作…\""}));
  EXPECT_EQ(
      check_.Fixed(text),
      kLead +
          "完善激励机制，建立以尽职免责为中心的市属企业跟投容错机制，支持企业在从事新业务领域的控股"
          "非上市子企业和"
          "私募股权投资基金开展跟投试点。坚持业绩导向，优先推荐使用优秀经营业绩人才，并作为内部提拔"
          "使用的参考依据。\n");
}

TEST_F(BrokenSentenceRuleTest, LatinWords) {
  const std::string hyphen =
      "The committee approved the plan, and the infor-\n\nmation was published.\n";
  EXPECT_EQ(check_.Fixed(hyphen),
            "The committee approved the plan, and the information was published.\n");
  const std::string space =
      "The committee approved the plan, and the report\n\nwas published the next day.\n";
  EXPECT_EQ(check_.Fixed(space),
            "The committee approved the plan, and the report was published the next day.\n");
  EXPECT_EQ(
      check_
          .Run(
              "The committee approved the plan, and the report\n\nThe next day it was published.\n")
          .size(),
      0u);
}

// Headlines, decks, bylines, captions, numbered subheadings and Markdown headings are
// never joined.
TEST_F(BrokenSentenceRuleTest, NeverJoinsHeadlinesBylinesCaptions) {
  EXPECT_TRUE(
      check_
          .Run("不断巩固和增强经济回升向好态势 加快推动高质量发展 奋力开创现代化洛阳建设新局面\n\n"
               "一把手访谈\n\n砥砺前行抓落实 "
               "笃行实干勇担当\n\n——访市政协副主席、伊川县委书记全宇鹏\n\n"
               "“伊川作为全市人口大县、经济大县，必须担当作为、勇挑大梁。”昨日，全宇鹏表示。\n")
          .empty());
  EXPECT_TRUE(check_
                  .Run(kLead + "党员教师宣誓\n\n1 党建引领，立德树人守初心\n\n"
                               "强班子、建队伍，筑牢基层堡垒。洛二高党委把学习作为首要政治任务。\n")
                  .empty());
  EXPECT_TRUE(
      check_
          .Run(kLead +
               "洛报融媒记者 郭学锋 通讯员 文鹏\n\n市教育局积极转变思维理念,探索现代化学校建设\n\n"
               "以教育资源扩容“加法”激发教育优质发展“乘法”\n\n"
               "“7所高中外迁改变的不仅是校园的颜值、气质,还有师生们的精气神!”\n")
          .empty());
  EXPECT_TRUE(check_
                  .Run("## 学条例 谈统战 开新局\n\n### 提升统战工作质效 凝聚同心奋进力量\n\n"
                       "近年来,新安县深入学习贯彻条例,持续加强党对统一战线工作的集中统一领导。\n",
                       "003.md")
                  .empty());
  // A dashed lead-in ends with its dash; the list that follows is no continuation.
  EXPECT_TRUE(check_
                  .Run(kLead +
                       "1月12日,孟津区各项目建设现场,塔吊林立,已经是一片火热的施工景象——\n\n"
                       "总投资6.36亿元的灌区工程现场地勘工作已基本完成。\n")
                  .empty());
}

// Evidence that the text runs on where ICU's dictionary does not know the word: the article
// uses the split pair elsewhere (督导), a numeral and its classifier, a number and its unit,
// a stub clause on either side, an adverb before its verb, an enumeration across the break.
TEST_F(BrokenSentenceRuleTest, RunsOnWithoutADictionaryWord) {
  const auto one = [&](const std::string& first, const std::string& second) {
    return Messages(kLead + first + "\n\n" + second + "\n", "run-on.txt").size();
  };
  EXPECT_EQ(one("市委督查组先后督导了三个项目。日前，市委第四督查组督", "导调研伏牛1号旅游公路。"),
            1u);
  EXPECT_EQ(one("加快建设百万吨乙烯、中州时代产业基地两", "个百亿级龙头项目。"), 1u);
  EXPECT_EQ(one("本报讯（洛报融媒首席记者 王若馨）18", "日下午，2023洛阳文化产业年会举行。"), 1u);
  EXPECT_EQ(
      one("坚持激励与约束并重，探索建立以尽职免责为中心的市属企业跟投容", "错机制，支持企业发展。"),
      1u);
  EXPECT_EQ(one("推动乡村振兴取得新成效。出彩。把", "新文旅产业作为主攻方向。"), 1u);
  EXPECT_EQ(one("推动城乡融合发展，确保农业农村现代化水平再", "上新台阶。"), 1u);
  EXPECT_EQ(
      one("周丽涛表示，中原银行支持了百万吨乙烯、文博艺术中心、孟津一", "高新校区等重点项目建设。"),
      1u);
}

// 同时 opens a paragraph, but after 的 it heads a clause of time (……的同时，……), and an
// adverb such as 已 needs the verb that follows.
TEST_F(BrokenSentenceRuleTest, HeadOfAClauseAfterDe) {
  const auto joined = [&](const std::string& first, const std::string& second) {
    return Messages(kLead + first + "\n\n" + second + "\n", "de.txt").size();
  };
  EXPECT_EQ(joined("此外，该项目在有力促进中航光电高端互连业务快速发展的",
                   "同时，还将带动上下游企业集聚。"),
            1u);
  EXPECT_EQ(joined("截至目前，跟班学习干部已", "推动签约招商引资项目35个，落地16个。"), 1u);
}

// What the first half ends with needs what the second begins with: a number and its
// classifier need the noun they count, a preposition of two characters its object, 的 the
// noun it modifies; a conjunction joins what stands on either side of it.
TEST_F(BrokenSentenceRuleTest, EndThatNeedsTheSecondHalf) {
  const auto joined = [&](const std::string& first, const std::string& second) {
    return Messages(kLead + first + "\n\n" + second + "\n", "needs.txt").size();
  };
  EXPECT_EQ(joined("樊齐森表示，近期自己正牵头与多个", "深圳企业进行项目对接。"), 1u);
  EXPECT_EQ(joined("创意开发以北京丰台和洛阳龙门为两大", "首发站的高铁之旅路线。"), 1u);
  EXPECT_EQ(joined("目前，全市13.5万户脱贫户", "和监测对象共享受帮扶措施44.5万个。"), 1u);
  EXPECT_EQ(joined("正如孙楠所说，搬入新校园后，师生们的", "精气神发生了很大的变化。"), 1u);
  EXPECT_EQ(
      joined("本报讯（洛报融媒记者 李雅君）按照", "市委部署要求，督查组督导调研伏牛1号旅游公路。"),
      1u);
  // A preposition whose frame the second half closes: 为…提供, 以…为, 从…出发, 既…也.
  EXPECT_EQ(joined("不断健全“147”服务矩阵，为", "企业改革发展提供平台支撑。"), 1u);
  EXPECT_EQ(joined("日前，洛邑古城一期续建项目加快推进，以", "青灰色为主色调，再现古城风貌。"), 1u);
  EXPECT_EQ(joined("眼下各县区都已积极行动起来，从", "各自实际出发，紧盯重点领域。"), 1u);
  EXPECT_EQ(joined("巩固脱贫攻坚成果，创造美好生活，既",
                   "要让乡亲们的钱袋子越来越鼓，也要让村庄越来越美。"),
            1u);
  // A frame opened earlier in the last clause, and 在 closed by the word of time or place
  // that ends the second half's first clause.
  EXPECT_EQ(joined("培育平台经济，以《风起洛阳》VR体验等", "项目为载体，打造消费新场景。"), 1u);
  EXPECT_EQ(joined("如何把风口产业做大做强？在市委全会及", "市领导的系列调研后，洛阳作出了部署。"),
            1u);
  // A postposition closes a phrase begun in the first half; a number's classifier needs its
  // noun after digits as well.
  EXPECT_EQ(joined("教师在城乡之间有序流动，自2022年", "以来，西工区共有469名教职工交流轮岗。"),
            1u);
  EXPECT_EQ(joined("活动现场，来自全国20多个省市的100位", "中国工艺美术大师现场创作。"), 1u);
  EXPECT_EQ(joined("市教育局同步开展现代学校制度建设，在", "硬件脱胎换骨的同时加快推进特色发展。"),
            1u);
  // A verb that ends in 于 needs its object.
  EXPECT_EQ(joined("该项目占地约146亩，致力于", "打造具有完整产业生态链的创新园区。"), 1u);
  // Without the closing word in its first clause, a preposition ends a truncated paragraph.
  EXPECT_EQ(joined("不断健全“147”服务矩阵，为", "企业改革发展搭台，提供平台支撑。"), 0u);
  // A modal verb needs its verb.
  EXPECT_EQ(joined("巩固脱贫攻坚成果，创造美好生活，既要",
                   "让乡亲们的钱袋子越来越鼓，也要让村庄越来越美。"),
            1u);
  // A name split after a title and a surname goes on with what its bearer did.
  EXPECT_EQ(joined("当日上午，中原银行副行长，洛阳分行党委书记、行长周",
                   "丽涛一行到孟津区观摩重点项目建设。"),
            1u);
  EXPECT_EQ(joined("中国“当日”艺术展发起人、中国工艺美术大师郭", "爱中表示，将持续办好艺术展。"),
            1u);
  EXPECT_EQ(
      joined("周丽涛一行观摩重点项目建设，与孟津区委书记何武周", "座谈交流，并签署战略合作协议。"),
      1u);
  // A whole name is followed by what its bearer did, not by a place or a preposition.
  EXPECT_EQ(joined("周丽涛一行观摩重点项目建设，与孟津区委书记何武周", "在签约仪式上致辞。"), 0u);
  // A name opening reported speech; an adverbial 在…上 needs its predicate; a verb with 着
  // its object.
  EXPECT_EQ(joined("“人员往来不断，项目对接不停。”樊", "齐森表示，近期正牵头与深圳企业对接。"), 1u);
  EXPECT_EQ(
      joined("实施高成长性企业培育行动，着力在培育壮大优质企业上", "取得突破，推动企业集聚。"), 1u);
  EXPECT_EQ(
      joined("市文化产业协会相关负责人接过活动会旗，标志着", "国际人文交往全球行活动正式启动。"),
      1u);
  // An adverb needs its verb.
  EXPECT_EQ(joined("提醒居民时刻绷紧预防电信诈骗这根弦，不", "给不法分子可乘之机。"), 1u);
  // 的 that ICU joins to what precedes it (针对性的).
  EXPECT_EQ(joined("深入商户、餐饮店等，排查安全隐患，针对隐患提出有针对性的",
                   "意见和建议，责令及时整改。"),
            1u);
  // 的 before a name, a verb or a time ends a truncated paragraph instead.
  EXPECT_EQ(joined("正如孙楠所说，搬入新校园后，师生们的", "周丽涛表示，双方合作前景广阔。"), 0u);
  EXPECT_EQ(joined("正如孙楠所说，搬入新校园后，师生们的", "巩固脱贫攻坚成果，创造美好生活。"), 0u);
  // A number before a word that is no classifier.
  EXPECT_EQ(joined("全市已建成学校三十", "巩固脱贫攻坚成果，创造美好生活。"), 0u);
}

// A clause of two characters opens no paragraph, even where a neighbour begins with the
// same word (a parallel start otherwise marks a fresh paragraph).
TEST_F(BrokenSentenceRuleTest, ShortClauseBeforeAParallelStart) {
  const std::string text = kLead +
                           "建设“牡丹花都、北国花城”，我市全面开展花路、花墙建设。\n\n"
                           "会议对全市工业经济工作进行了全面部署。全市工信系统将聚焦重点产业链群\n"
                           "\n建设，着力抓好项目建设和企业培育。\n";
  EXPECT_EQ(Messages(text, "parallel.txt").size(), 1u);
}

// An enumeration carries over when the second half's first clause goes on listing early;
// a 、 further on belongs to a sentence of its own. A headline of clauses set apart by a
// space never runs on into the text below it.
TEST_F(BrokenSentenceRuleTest, ListAndHeadlineAtTheBreak) {
  const auto joined = [&](const std::string& first, const std::string& second) {
    return Messages(kLead + first + "\n\n" + second + "\n", "list.txt").size();
  };
  const std::string first = "会议强调，统筹推进乡里中心建设、小规模教学点撤并后闲置资源利用和";
  EXPECT_EQ(joined(first, "校舍改造等工作，确保按期完成。"), 1u);
  EXPECT_EQ(joined(first, "杨劭春还调研了基层立法联系点、人大代表联络站运行情况。"), 0u);
  EXPECT_EQ(
      joined("迎“风”而上 推动“当家产业”转", "正是基于这两年市委市政府对加快向风口转型的谋篇布局。"),
      0u);
}

// With two blocks between them (a caption and a subheading, a headline of two lines), a
// paragraph and the next join only on evidence that the text runs on.
TEST_F(BrokenSentenceRuleTest, TwoBlocksBetweenNeedEvidence) {
  const auto joined = [&](const std::string& between) {
    return Messages(kLead + "推动文化和旅游深度融合，打造一批精品线路\n\n" + between +
                        "带动乡村旅游提质增效。\n",
                    "between.txt")
        .size();
  };
  EXPECT_EQ(joined(""), 1u);
  EXPECT_EQ(joined("党员教师宣誓\n\n"), 1u);
  EXPECT_EQ(joined("党员教师宣誓\n\n1 党建引领，立德树人守初心\n\n"), 0u);
  EXPECT_EQ(joined("以改革强队伍\n\n以队伍促创新\n\n"), 0u);
}

// A paragraph that lost its end, followed by one that opens a sentence of its own: a time or
// connective, a date, a reported-speech lead-in, a paragraph begun like its neighbours.
// That is `truncated-text`, not a break.
TEST_F(BrokenSentenceRuleTest, FreshParagraphIsNoContinuation) {
  const auto none = [&](const std::string& second) {
    return Messages(kLead + "推动教育资源扩容，加快建设一批高质量学" + "\n\n" + second + "\n",
                    "fresh.txt")
        .empty();
  };
  EXPECT_TRUE(none("据统计，截至目前，全市已建成学校39所。"));
  EXPECT_TRUE(none("12月31日，第八届中国“当日”艺术展开幕。"));
  EXPECT_TRUE(none("中航光电相关负责人介绍，项目建成达产后有望新增销售收入。"));
  EXPECT_TRUE(none("此外，全市还将新建一批幼儿园。"));
  EXPECT_TRUE(none("更为重要的是，我市广大干部抓产业的思维理念发生了深刻变化。"));
  // The closing line of a meeting report.
  EXPECT_TRUE(none("张玉杰、李新红、牛刚等参加。"));
  EXPECT_TRUE(none("市领导王国辉出席。"));
  // A sentence that merely mentions attending goes on from the first half.
  EXPECT_FALSE(none("生参加比赛，成绩显著。"));
}

// A proof credit of the page furniture ends the article before it: nothing joins it.
TEST_F(BrokenSentenceRuleTest, FurnitureLineIsNoFirstHalf) {
  EXPECT_TRUE(Messages(kLead + "编辑：潘艳红 校对：潘磊 组版：毛颖丽\n\n"
                               "聚焦领域协同，打造多领域多层次试点示范。\n",
                       "furniture.txt")
                  .empty());
}

// Seed 004: parallel paragraphs each open with a short topic sentence (聚焦…); a missing
// full stop before one is a truncation, not a break.
TEST_F(BrokenSentenceRuleTest, ParallelTopicSentenceIsNoContinuation) {
  const std::string text =
      kLead +
      "聚焦城市提质扩能级。打造宜居宜业活力城区,以\"三自\"组织培育为抓手提升基层治理\n\n"
      "聚焦乡村振兴促共享。发展近郊特色种植,盘活乡村资源。\n";
  EXPECT_TRUE(check_.Run(text, "004.md").empty());
}

// Only a neighbour that opens with a topic sentence of its own marks a parallel start; one
// that merely begins with the same word does not.
TEST_F(BrokenSentenceRuleTest, ParallelStartNeedsATopicSentence) {
  const auto joined = [&](const std::string& neighbour) {
    return Messages(kLead + neighbour + "\n\n学习运用“千万工程”经验，扎实巩固拓展\n\n" +
                        "脱贫攻坚成果，全面推进乡村振兴。\n",
                    "parallel.txt")
        .size();
  };
  EXPECT_EQ(joined("脱贫摘帽不是终点，而是新生活、新奋斗的起点。"), 1u);
  EXPECT_EQ(joined("脱贫攻坚成果巩固拓展。全市建立健全防止返贫监测帮扶机制。"), 0u);
}

// The breaks of the real pages, and nothing else (every other paragraph end of them is
// complete or truncated).
TEST_F(BrokenSentenceRuleTest, RealPages) {
  const auto junctions = [this](const std::string& name) {
    const std::string text = ReadCorpusSample(name);
    std::vector<std::string> out;
    for (const Diagnostic& d : check_.Run(text, name)) {
      out.push_back(d.message.str().substr(d.message.view().find(": \"…") + 2));
    }
    return out;
  };
  EXPECT_EQ(
      junctions("luoyang-yichuan-interview.txt"),
      (std::vector<std::string>{
          "\"…耐火耐磨\" continues as \"两大优势…\"", "\"…，一体推\" continues as \"进12万…\"",
          "\"…、青铜小\" continues as \"镇、杜康…\"", "\"…业跟投容\" continues as \"错机制，…\"",
          "\"…股权投资\" continues as \"基金开展…\"", "\"…营业绩人\" continues as \"才，并作…\"",
          "\"…信用降成\" continues as \"本，为企…\"", "\"…《家校社\" continues as \"协同育人…\"",
          "\"…《家校社\" continues as \"协同育人…\""}));
  EXPECT_EQ(
      junctions("luoyang-laocheng-interview.txt"),
      (std::vector<std::string>{
          "\"…出彩。把\" continues as \"新文旅产…\"", "\"…貌提升、\" continues as \"天枢东路…\"",
          "\"…,创建国\" continues as \"家级非遗…\"", "\"…业基地两\" continues as \"个百亿级…\"",
          "\"…、结合点\" continues as \"多,希望…\"", "\"…、孟津一\" continues as \"高新校区…\"",
          "\"…水平,教\" continues as \"学改革成…\""}));
  EXPECT_EQ(
      junctions("luoyang-cadre-training.txt"),
      (std::vector<std::string>{
          "\"…升自身能\" continues as \"力素质,…\"", "\"…善企业公\" continues as \"治理等一…\"",
          "\"…背后,其\" continues as \"实是理念…\"", "\"…色学科建\" continues as \"设,将教…\"",
          "\"…更好地招\" continues as \"引风口产…\""}));
  EXPECT_EQ(
      junctions("luoyang-rural-revitalisation.md"),
      (std::vector<std::string>{
          "\"…光电项目\" continues as \"建设,依…\"", "\"…金保障方\" continues as \"面,以市…\"",
          "\"…化水平再\" continues as \"上新台阶…\"", "\"…花城”建\" continues as \"设。加紧…\"",
          "\"…断提升城\" continues as \"市治理水…\""}));
  EXPECT_EQ(
      junctions("luoyang-jianxi-interview.md"),
      (std::vector<std::string>{
          "\"…持\"项目\" continues as \"为王\",…\"", "\"…新主体倍\" continues as \"增、创新…\"",
          "\"…造工业型\" continues as \"历史文化…\"", "\"…了预防养\" continues as \"老诈骗的…\"",
          "\"…图)充分\" continues as \"利用宣传…\""}));
  for (const char* name :
       {"crafted-clean.md", "crafted-hygiene.md", "taiwan-traditional-sample.md"}) {
    EXPECT_EQ(junctions(name), std::vector<std::string>{}) << name;
  }
}

// Joining every break of a real page leaves no break, and the captions that stood between
// halves follow the joined paragraph.
TEST_F(BrokenSentenceRuleTest, FixOfRealPage) {
  const std::string text = ReadCorpusSample("luoyang-cadre-training.txt");
  const std::string fixed = check_.Fixed(text);
  EXPECT_TRUE(check_.Run(fixed).empty());
  EXPECT_NE(fixed.find("跟班学习干部既注重提升自身能力素质,又为深化地区交流牵线搭桥。"),
            std::string::npos);
  EXPECT_LT(fixed.find("推动“引入入洛”,深化务实合作。"),
            fixed.find("我市跟班学习干部到广汽传祺考察学习"));
  // Five breaks: each join removes one paragraph separator.
  EXPECT_EQ(text.size() - fixed.size(), 5 * 2u);
}

}  // namespace
}  // namespace ocrlint
