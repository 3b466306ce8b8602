#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "rules/hygiene/rule_check.h"
#include "rules/structure/corpus_sample.h"
#include "rules/structure/structure_rules.h"
#include "text/utf8.h"

namespace ocrlint {
namespace {

using testing_util::ReadCorpusSample;
using testing_util::RuleCheck;
using testing_util::UniqueOffset;

const std::string kLead =
    "坚持创新引领发展。围绕构建新型工业体系，推动产业发展提速、提质、提效。\n\n";
const std::string kNoContinuation =
    "paragraph ends without terminal punctuation and nothing continues it: the end of the "
    "sentence is missing";

class TruncatedTextRuleTest : public testing::Test {
 protected:
  // Each finding as the three characters up to the end of its range, and its message.
  std::vector<std::pair<std::string, std::string>> Findings(const std::string& text,
                                                            const std::string& path) const {
    std::vector<std::pair<std::string, std::string>> out;
    for (const Diagnostic& d : check_.Run(text, path)) {
      std::size_t begin = d.range.end;
      for (int n = 0; n < 3 && begin > 0; ++n) {
        do --begin;
        while (begin > 0 && (static_cast<unsigned char>(text[begin]) & 0xC0) == 0x80);
      }
      out.emplace_back(text.substr(begin, d.range.end - begin), d.message);
    }
    return out;
  }

  RuleCheck check_{&MakeTruncatedTextRule};
};

// Seed 004: a heading cut off after 的科.
TEST_F(TruncatedTextRuleTest, HeadingCutMidWord) {
  const std::string text =
      "该系列榜单还展现了我市产业发展的多项创新成果。\n\n## "
      "产业集群和\"生产、生态、生活\"融合的科\n\n"
      "#### 南关街道:\n";
  const auto found = check_.Run(text, "004.md");
  ASSERT_EQ(found.size(), 1u);
  const std::size_t at = UniqueOffset(text, "科\n");
  EXPECT_EQ(found[0].range, (ByteRange{at, at + 3}));
  EXPECT_EQ(
      found[0].message,
      "text breaks off mid-word (\"…的科\"): the end of the word and of the sentence are missing");
  EXPECT_FALSE(found[0].fix);
}

// Headings that lost their end: a stub clause after long ones, a phrase the article goes on
// with (孟津区签 / 孟津区签署), an open quote whose last word is broken off. Complete
// headings with a dropped closing quote are `unbalanced-pair`'s.
TEST_F(TruncatedTextRuleTest, HeadingCuts) {
  const std::string body =
      "\n\n本报讯 昨日，中原银行洛阳分行与孟津区签署战略合作协议。孟津区签署的协议涉及多个领域。\n";
  EXPECT_EQ(check_.Run("真抓实干见成效 奋" + body, "h1.txt").size(), 1u);
  EXPECT_EQ(check_.Run("大力推进新型工业化 加快培" + body, "h2.txt").size(), 1u);
  EXPECT_EQ(check_.Run("中原银行洛阳分行与孟津区签" + body, "h3.txt").size(), 1u);
  EXPECT_EQ(check_.Run("全国国企年度盘点榜单展现“洛阳力" + body, "h4.txt").size(), 1u);
  EXPECT_TRUE(check_.Run("全国国企年度盘点榜单展现“洛阳力量" + body, "h5.txt").empty());
  EXPECT_TRUE(check_.Run("控新治旧减支保重分类施策应清尽清" + body, "h6.txt").empty());
  EXPECT_TRUE(check_.Run("洛阳市中小学 五星支部创建 亮点巡礼" + body, "h7.txt").empty());
  // A word and then a lone character the word list reads as a word begun (产业|集, 党组|书),
  // not a name or a set phrase ending in single characters (局长|杨|鹏, 开|新|局).
  const auto stub = Findings("## 洛阳光电元器件产业集" + body, "h8.md");
  ASSERT_EQ(stub.size(), 1u);
  EXPECT_EQ(stub[0].second,
            "text breaks off mid-word (\"…产业集\"): the end of the word and of the sentence "
            "are missing");
  EXPECT_EQ(check_.Run("## 访市城市管理局党组书" + body, "h9.md").size(), 1u);
  EXPECT_EQ(check_.Run("### 2 富民增" + body, "h12.md").size(), 1u);
  EXPECT_EQ(check_.Run("#### ——访市生态环境局党组书" + body, "h13.md").size(), 1u);
  EXPECT_TRUE(check_.Run("#### ——访市生态环境局党组书记、局长杨鹏" + body, "h14.md").empty());
  EXPECT_TRUE(check_.Run("学条例 谈统战 开新局" + body, "h10.txt").empty());
  EXPECT_TRUE(check_.Run("## 市城市管理局局长杨鹏" + body, "h11.md").empty());
}

// A body paragraph ending mid-word before one that starts anew is a truncation, also when
// it ends with a character ICU leaves alone.
TEST_F(TruncatedTextRuleTest, LoneLastCharacterBeforeAFreshStart) {
  const std::string text = kLead +
                           "孟津区朝阳镇党员干部真抓实干、奋勇争先，将工\n\n"
                           "干群齐心乡村环境换新颜。该镇坚持把人居环境整治作为重要工作。\n";
  const auto found = Findings(text, "lone.txt");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].second, kNoContinuation);
}

// A deck whose last clause the article's text repeats, ending a clause there too, is
// complete; the same deck with a clause the text does not repeat is not.
TEST_F(TruncatedTextRuleTest, DeckEchoedByTheArticle) {
  const std::string deck = kLead + "市教育局积极转变思维理念，探索现代化学校建设\n\n";
  const std::string next = "以教育资源扩容“加法”激发教育优质发展“乘法”\n\n";
  const std::string body =
      "今年以来，市教育局积极转变思维理念，探索现代化学校建设，加快推动教育发展。\n";
  EXPECT_TRUE(Findings(deck + next + body, "deck.txt").empty());
  const auto found = Findings(deck + next + "今年以来，市教育局加快推动教育发展。\n", "deck.txt");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].second, kNoContinuation);
}

// Seed 002: body text that stops before a subheading, and the next paragraph starts anew.
TEST_F(TruncatedTextRuleTest, BodyWithNothingContinuingIt) {
  const std::string text =
      kLead +
      "此外,通过大力发展汉服体验、沉浸式演艺、剧本娱乐、研学旅行、电竞数娱\n\n"
      "打好组合拳 有的放矢把风口产业做大做强\n\n选准了主攻方向,如何推动风口产业做大做强?\n";
  const auto found = check_.Run(text);
  ASSERT_EQ(found.size(), 1u);
  const std::size_t at = UniqueOffset(text, "娱\n");
  EXPECT_EQ(found[0].range, (ByteRange{at, at + 3}));
  EXPECT_EQ(found[0].message, kNoContinuation);
}

// Seed 000: the cut-short third copy of a block leaves a book title open before captions.
TEST_F(TruncatedTextRuleTest, OpenBookTitle) {
  const std::string text =
      kLead +
      "2023年12月1日，洛二高在全市高中工作会议上作了题为《家校社\n\n科技部领导参观洛二高陈冬科技馆"
      "\n\n"
      "与社区联办饺子宴活动\n\n洛二高第二党支部开展主题党日活动\n\n优秀共产党员颁奖仪式\n\n"
      "洛阳市中小学 五星支部创建 亮点巡礼\n";
  EXPECT_EQ(Findings(text, "000.txt"),
            (std::vector<std::pair<std::string, std::string>>{
                {"家校社",
                 "text breaks off inside an open 《: the rest of the sentence and the closing "
                 "mark are missing"}}));
}

TEST_F(TruncatedTextRuleTest, DanglingFunctionWordAndComma) {
  EXPECT_EQ(
      Findings("# 推动新能源、光电信息和\n\n近年来,新安县深入学习贯彻条例。\n", "a.md"),
      (std::vector<std::pair<std::string, std::string>>{
          {"信息和",
           "text breaks off after the function word 和: the rest of the sentence is missing"}}));
  EXPECT_EQ(
      Findings(kLead + "抓好建春门、东南角楼、西南角楼等重要节点和九都路风貌提升、\n", "a.txt"),
      (std::vector<std::pair<std::string, std::string>>{
          {"提升、", "text breaks off after 、: the rest of the sentence is missing"}}));
  // 的 that ends a word (目的) and 为 inside 大有可为 dangle nothing.
  EXPECT_TRUE(check_.Run("# 打造全国沉浸式文旅目的地\n\n## 青年人才大有可为\n", "a.md").empty());
}

// A headline quotation does not run on across the space between two clauses: the closing
// mark was lost (`unbalanced-pair`), not the end of the headline.
TEST_F(TruncatedTextRuleTest, OpenQuoteBeforeAHeadlineSpace) {
  EXPECT_TRUE(check_
                  .Run("### “三进宣传全覆盖 织密反诈防护网\n\n为进一步强化反诈预防宣传工作，"
                       "组织开展反诈宣传活动。\n",
                       "a.md")
                  .empty());
}

// Seed 003: a paragraph cut mid-word before a paragraph that opens with a quotation.
TEST_F(TruncatedTextRuleTest, CutBeforeAQuotation) {
  const std::string text = kLead +
                           "聚焦城市更新。全面建成花园式社区,引导广大市民积极参与“北国花城”建\n\n"
                           "“小切口”推动一批市政“微改造”项目,激发城市活力。\n";
  EXPECT_EQ(Findings(text, "003.md"),
            (std::vector<std::pair<std::string, std::string>>{{"城”建", kNoContinuation}}));
}

// Complete headlines, decks, bylines and captions stand without punctuation.
TEST_F(TruncatedTextRuleTest, CompleteHeadlinesBylinesCaptions) {
  EXPECT_TRUE(check_
                  .Run("不断巩固和增强经济回升向好态势 加快推动高质量发展\n\n一把手访谈\n\n"
                       "市委组织部先后选派三批干部到经济发达地区跟班学习,"
                       "推动其转变思维理念、提升创新能力\n\n"
                       "跟班学习“取真经” “充电蓄能”促发展\n\n"
                       "“眼界更开阔,思想有触动。”昨日,谈及在深圳跟班学习三个月的收获。\n\n"
                       "施工人员有序作业\n\n党员教师宣誓\n\n洛报融媒记者 郭学锋 通讯员 文鹏\n\n"
                       "市教育局积极转变思维理念,探索现代化学校建设\n\n"
                       "以教育资源扩容“加法”激发教育优质发展“乘法”\n\n"
                       "“7所高中外迁改变的不仅是校园的颜值。”\n\n"
                       "让每个孩子享受教育公平的阳光\n\n(上接01版)\n\n(康珂 梦豪)\n")
                  .empty());
  EXPECT_TRUE(check_
                  .Run(kLead +
                       "宣传活动织密了反诈防护网。 (郭洁琼 宋婉青)\n\n"
                       "确保辖区内烟花爆竹领域安全形势持续稳定。 张铁生 文/图\n\n"
                       "满足不同年龄段群众的健身需求。洛报融媒记者 张怡照 通讯员 许柯 摄\n\n"
                       "我市跟班学习干部到广汽传祺考察学习 (资料图片)\n\n"
                       "“乘法”又如何体现?正如孙楠所说,这种变化的背后是理念之变。”\n")
                  .empty());
}

// The truncations of the real pages, and nothing else.
TEST_F(TruncatedTextRuleTest, RealPages) {
  using Expected = std::vector<std::pair<std::string, std::string>>;
  const auto run = [this](const std::string& name) {
    return Findings(ReadCorpusSample(name), name);
  };
  EXPECT_EQ(run("luoyang-yichuan-interview.txt"),
            (Expected{{"家校社",
                       "text breaks off inside an open 《: the rest of the sentence and the "
                       "closing mark are missing"}}));
  EXPECT_EQ(run("luoyang-laocheng-interview.txt"), Expected{});
  EXPECT_EQ(run("luoyang-cadre-training.txt"), (Expected{{"竞数娱", kNoContinuation}}));
  EXPECT_EQ(run("luoyang-rural-revitalisation.md"), (Expected{{"城”建", kNoContinuation}}));
  EXPECT_EQ(run("luoyang-jianxi-interview.md"),
            (Expected{{"层治理", kNoContinuation},
                      {"成果落", kNoContinuation},
                      {"化潮流", kNoContinuation},
                      {"合的科",
                       "text breaks off mid-word (\"…的科\"): the end of the word and of the "
                       "sentence are missing"}}));
  for (const char* name :
       {"crafted-clean.md", "crafted-hygiene.md", "taiwan-traditional-sample.md"}) {
    EXPECT_EQ(run(name), Expected{}) << name;
  }
}

// The two rules share one analysis: no paragraph end of the real pages gets both.
TEST_F(TruncatedTextRuleTest, ExclusiveWithBrokenSentence) {
  const RuleCheck broken(&MakeBrokenSentenceRule);
  for (const char* name : {"luoyang-yichuan-interview.txt", "luoyang-laocheng-interview.txt",
                           "luoyang-cadre-training.txt", "luoyang-rural-revitalisation.md",
                           "luoyang-jianxi-interview.md"}) {
    const std::string text = ReadCorpusSample(name);
    for (const Diagnostic& t : check_.Run(text, name)) {
      for (const Diagnostic& b : broken.Run(text, name)) {
        EXPECT_NE(t.range.end, b.range.begin) << name << " at " << t.range.begin;
      }
    }
  }
}

// A byline or photo credit after the last sentence ends the article: each credit below is
// found by one of its characters (a space, U+3000, 记, 通, 摄, 供, 实), in tails shorter
// than sixteen bytes and longer, with the character at the start, inside or at the very
// end; the same tail without it is cut-off text.
TEST_F(TruncatedTextRuleTest, CreditTailsEndArticles) {
  const auto findings = [this](const std::string& tail) {
    return check_.Run(kLead + tail + "\n\n" + kLead, "credit.txt").size();
  };
  const std::string sentence = "满足不同年龄段群众的健身需求。";
  EXPECT_EQ(findings("满足需求。通讯员 许柯"), 0u);
  EXPECT_EQ(findings("满足需求。交通员 许柯"), 1u);
  EXPECT_EQ(findings("满足需求。记者 王岚"), 0u);
  EXPECT_EQ(findings("满足需求。学者 王岚"), 1u);
  EXPECT_EQ(findings(sentence + "通讯员\u3000许柯"), 0u);
  EXPECT_EQ(findings(sentence + "交通员\u3000许柯"), 1u);
  EXPECT_EQ(findings(sentence + "张怡照 许柯 摄"), 0u);
  EXPECT_EQ(findings(sentence + "张怡照 许柯 拍"), 1u);
  EXPECT_EQ(findings(sentence + "张怡照 许柯\u3000摄"), 0u);
  EXPECT_EQ(findings(sentence + "张怡照 许柯\u3000拍"), 1u);
  EXPECT_EQ(findings(sentence + "本报记者\u3000王岚\u3000摄影"), 0u);
  EXPECT_EQ(findings(sentence + "本报学者\u3000王岚\u3000摄像"), 1u);
  EXPECT_EQ(findings(sentence + "图片由市文旅局供图"), 0u);
  EXPECT_EQ(findings(sentence + "图片由市文旅局提供"), 1u);
  EXPECT_EQ(findings(sentence + "实习生 李思源 记者 王岚"), 0u);
  EXPECT_EQ(findings(sentence + "学生 李思源 王岚"), 1u);
}

// A credit is looked for in the last 45 characters of a block without terminal
// punctuation, however many bytes they take: here 44 characters after the last full stop,
// most of them of four bytes (171 bytes), the credit's 记 and space at their start.
TEST_F(TruncatedTextRuleTest, CreditTailOfWideCharactersEndsArticle) {
  const auto findings = [this](const std::string& tail) {
    return check_.Run(kLead + tail + "\n\n" + kLead, "credit.txt").size();
  };
  std::string names;
  for (char32_t c = 0x20000; c < 0x20000 + 41; ++c) names += EncodeUtf8(c);
  const std::string sentence = "满足不同年龄段群众的健身需求。";
  EXPECT_EQ(findings(sentence + "记者 " + names), 0u);
  EXPECT_EQ(findings(sentence + "学者 " + names), 1u);
}

}  // namespace
}  // namespace ocrlint
