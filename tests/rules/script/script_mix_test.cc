#include <algorithm>
#include <fstream>
#include <map>
#include <memory>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "core/diagnostic.h"
#include "core/document.h"
#include "engine/rule.h"
#include "engine/rule_options.h"
#include "rules/script/script_rules.h"

namespace ocrlint {
namespace {

struct Finding {
  std::string text;  // the flagged bytes
  std::size_t begin;
  std::string message;
  std::string fix_title;
  Applicability applicability;
  std::string replacement;

  friend bool operator==(const Finding&, const Finding&) = default;
  friend std::ostream& operator<<(std::ostream& os, const Finding& f) {
    return os << "{" << f.text << "@" << f.begin << " '" << f.message << "' '" << f.fix_title
              << "' " << ToString(f.applicability) << " -> " << f.replacement << "}";
  }
};

RuleOptions Options(std::map<std::string, OptionValue> values) {
  return RuleOptions("script-mix", std::move(values));
}

std::vector<Diagnostic> Lint(std::string_view text, RuleOptions options = {},
                             std::string path = "page.txt") {
  const std::unique_ptr<Rule> rule = MakeScriptMixRule(options);
  const auto document = Document::Create(std::move(path), std::string(text));
  std::vector<Diagnostic> out;
  DiagnosticSink sink(rule->meta(), Severity::kWarning, out);
  rule->Check(*document, sink);
  return out;
}

std::vector<Finding> Findings(std::string_view text, RuleOptions options = {},
                              std::string path = "page.txt") {
  std::vector<Finding> findings;
  for (const Diagnostic& d : Lint(text, std::move(options), std::move(path))) {
    Finding f{std::string(d.range.In(text)),
              d.range.begin,
              d.message.str(),
              "",
              Applicability::kSafe,
              ""};
    if (d.fix) {
      f.fix_title = d.fix->message;
      f.applicability = d.fix->applicability;
      if (d.fix->edits.size() == 1 && d.fix->edits[0].range == d.range) {
        f.replacement = d.fix->edits[0].replacement;
      } else {
        f.replacement = "<unexpected edits>";
      }
    }
    findings.push_back(f);
  }
  return findings;
}

// Applies every fix (the rule's fixes never overlap).
std::string ApplyAll(std::string text, const std::vector<Diagnostic>& diagnostics) {
  std::vector<Edit> edits;
  for (const Diagnostic& d : diagnostics) {
    if (d.fix) edits.insert(edits.end(), d.fix->edits.begin(), d.fix->edits.end());
  }
  std::sort(edits.begin(), edits.end(),
            [](const Edit& a, const Edit& b) { return a.range.begin > b.range.begin; });
  for (const Edit& edit : edits) {
    text.replace(edit.range.begin, edit.range.size(), edit.replacement);
  }
  return text;
}

std::string ReadSample(const std::string& name) {
  std::ifstream in(std::string(OCRLINT_SOURCE_DIR) + "/corpus_samples/" + name, std::ios::binary);
  std::stringstream buffer;
  buffer << in.rdbuf();
  EXPECT_FALSE(buffer.str().empty()) << name;
  return buffer.str();
}

std::size_t Offset(std::string_view text, std::string_view needle) {
  const std::size_t at = text.find(needle);
  EXPECT_NE(at, std::string_view::npos) << needle;
  EXPECT_EQ(text.find(needle, at + 1), std::string_view::npos) << needle << " is not unique";
  return at;
}

constexpr Applicability kSafe = Applicability::kSafe;
constexpr Applicability kUnsafe = Applicability::kUnsafe;

// --- The real pages -------------------------------------------------------------------

TEST(ScriptMixTest, FindsAndFixesTheSlipInTheYichuanInterview) {
  const std::string page = ReadSample("luoyang-yichuan-interview.txt");
  const std::size_t at = Offset(page, "中小學生") + std::string_view("中小").size();
  EXPECT_THAT(
      Findings(page, {}, "luoyang-yichuan-interview.txt"),
      testing::ElementsAre(Finding{"學", at, "學 is a traditional character in simplified text",
                                   "replace with 学", kSafe, "学"}));
  const std::string fixed = ApplyAll(page, Lint(page, {}, "luoyang-yichuan-interview.txt"));
  EXPECT_NE(fixed.find("惠及全县7万多名中小学生。"), std::string::npos);
  EXPECT_EQ(fixed.size(),
            page.size() - std::string_view("學").size() + std::string_view("学").size());
  EXPECT_THAT(Findings(fixed), testing::IsEmpty());
}

TEST(ScriptMixTest, OtherRealPagesAreClean) {
  for (const char* name : {"luoyang-cadre-training.txt", "luoyang-jianxi-interview.md",
                           "luoyang-laocheng-interview.txt", "luoyang-rural-revitalisation.md"}) {
    EXPECT_THAT(Findings(ReadSample(name), {}, name), testing::IsEmpty()) << name;
  }
}

// --- Traditional documents -------------------------------------------------------------

TEST(ScriptMixTest, TaiwanSampleIsClean) {
  const std::string sample = ReadSample("taiwan-traditional-sample.md");
  EXPECT_THAT(Findings(sample, {}, "sample.md"), testing::IsEmpty());
  EXPECT_THAT(Findings(sample, Options({{"script", {std::string("hant-tw"), ""}}}), "sample.md"),
              testing::IsEmpty());
}

TEST(ScriptMixTest, FindsASimplifiedSlipPlantedInTheTaiwanSample) {
  std::string sample = ReadSample("taiwan-traditional-sample.md");
  const std::size_t at = Offset(sample, "學生");
  sample.replace(at, std::string_view("學").size(), "学");
  EXPECT_THAT(
      Findings(sample, {}, "sample.md"),
      testing::ElementsAre(Finding{"学", at, "学 is a simplified character in traditional text",
                                   "replace with 學", kSafe, "學"}));
}

TEST(ScriptMixTest, TraditionalFixFollowsTheVariant) {
  // 为 -> 爲 in OpenCC's standard traditional, 為 in Taiwan usage.
  const std::string text = "許多遊客特地從臺北搭高鐵南下，只为了吃一碗牛肉湯。";
  const std::size_t at = Offset(text, "为");
  EXPECT_THAT(
      Findings(text, Options({{"script", {std::string("hant"), ""}}})),
      testing::ElementsAre(Finding{"为", at, "为 is a simplified character in traditional text",
                                   "replace with 爲", kSafe, "爲"}));
  EXPECT_THAT(
      Findings(text, Options({{"script", {std::string("hant-tw"), ""}}})),
      testing::ElementsAre(Finding{"为", at, "为 is a simplified character in traditional text",
                                   "replace with 為", kSafe, "為"}));
}

TEST(ScriptMixTest, AutoDetectsTaiwanUsage) {
  // 裡 and 這裡 are Taiwan forms (OpenCC standard: 裏), so the fix uses s2tw: 為.
  const std::string text = "這裡的市場裡很熱鬧，只为了吃一碗湯。";
  EXPECT_THAT(Findings(text),
              testing::ElementsAre(Finding{"为", Offset(text, "为"),
                                           "为 is a simplified character in traditional text",
                                           "replace with 為", kSafe, "為"}));
}

TEST(ScriptMixTest, OneToManySimplifiedCharacterIsAnUnsafeFix) {
  const std::string text = "他們的頭发很長，這裡的學生都認識他們。";
  EXPECT_THAT(Findings(text),
              testing::ElementsAre(Finding{"发", Offset(text, "发"),
                                           "发 is a simplified character in traditional text",
                                           "replace with 髮", kUnsafe, "髮"}));
}

// --- Ambiguous characters, pinned -------------------------------------------------------

TEST(ScriptMixTest, QianlongStaysButQianInDryIsFlagged) {
  EXPECT_THAT(Findings("乾隆年间，这里已经是有名的集镇。"), testing::IsEmpty());
  EXPECT_THAT(Findings("乾坤未定，这个问题还要讨论。"), testing::IsEmpty());
  const std::string text = "空气很乾燥，这里冬天很冷。";
  EXPECT_THAT(Findings(text),
              testing::ElementsAre(Finding{"乾", Offset(text, "乾"),
                                           "乾 is a traditional character in simplified text",
                                           "replace with 干", kUnsafe, "干"}));
}

TEST(ScriptMixTest, HouIsFlaggedInSimplifiedButHouIsValidTraditional) {
  const std::string text = "他们後来回到了家乡。";
  EXPECT_THAT(Findings(text),
              testing::ElementsAre(Finding{"後", Offset(text, "後"),
                                           "後 is a traditional character in simplified text",
                                           "replace with 后", kUnsafe, "后"}));
  // 后 is also traditional (皇后). OpenCC would turn 以后 into 以後 in context, but only
  // simplified-only characters are flagged in traditional text: not found, by design.
  EXPECT_THAT(Findings("這裡說的是皇后的故事，以后再說。"), testing::IsEmpty());
}

TEST(ScriptMixTest, ZhuIsSimplifiedToOpenCCAndZheIsForeignOnlyToTaiwan) {
  EXPECT_THAT(Findings("他的著作很有名，影响显著。"), testing::IsEmpty());
  // 随著 is a slip in simplified text, but OpenCC keeps 著: not flagged.
  EXPECT_THAT(Findings("随著经济发展，这里变化很大。"), testing::IsEmpty());
  const std::string traditional = "隨着經濟發展，這裡變化很大。";
  EXPECT_THAT(Findings(traditional, Options({{"script", {std::string("hant"), ""}}})),
              testing::IsEmpty());
  EXPECT_THAT(Findings(traditional, Options({{"script", {std::string("hant-tw"), ""}}})),
              testing::ElementsAre(Finding{"着", Offset(traditional, "着"),
                                           "着 is a simplified character in traditional text",
                                           "replace with 著", kUnsafe, "著"}));
}

TEST(ScriptMixTest, YuIsFlaggedEvenAsASurnameUnlessAllowed) {
  const std::string text = "於是他们开始讨论。";
  EXPECT_THAT(Findings(text), testing::ElementsAre(Finding{
                                  "於", 0, "於 is a traditional character in simplified text",
                                  "replace with 于", kUnsafe, "于"}));
  // OpenCC converts the surname too; names go to `allow`.
  const std::string name = "记者采访了於丹教授。";
  EXPECT_THAT(Findings(name),
              testing::ElementsAre(Finding{"於", Offset(name, "於"),
                                           "於 is a traditional character in simplified text",
                                           "replace with 于", kUnsafe, "于"}));
  EXPECT_THAT(Findings(name, Options({{"allow", {std::vector<std::string>{"於丹"}, ""}}})),
              testing::IsEmpty());
  // 于 is valid in both scripts: never flagged in traditional text.
  EXPECT_THAT(Findings("這裡的學生于是開始討論。"), testing::IsEmpty());
}

// --- Spans, runs, contexts ---------------------------------------------------------------

TEST(ScriptMixTest, AdjacentCharactersFormOneFinding) {
  const std::string text = "这是一个經濟问题。";
  EXPECT_THAT(Findings(text),
              testing::ElementsAre(Finding{"經濟", Offset(text, "經濟"),
                                           "經濟 are traditional characters in simplified text",
                                           "replace with 经济", kSafe, "经济"}));
}

TEST(ScriptMixTest, SkipsJapaneseSentences) {
  // Kana anywhere in the sentence counts, not only in the clause of the candidate.
  EXPECT_THAT(Findings("这是引用的日文：日本の本、學校。"), testing::IsEmpty());
  const std::string text = "这本书的日文书名是「學校へ行こう」。后来学校里的學生都读了。";
  EXPECT_THAT(Findings(text),
              testing::ElementsAre(Finding{"學", Offset(text, "學生"),
                                           "學 is a traditional character in simplified text",
                                           "replace with 学", kSafe, "学"}));
}

TEST(ScriptMixTest, TraditionalParagraphInsideSimplifiedDocument) {
  const std::string text =
      "记者来到这里，发现学生们正在读书。\n\n"
      "「我們這裡的學生都很認真，老師們也很辛苦。」\n\n"
      "这所学校的學生很多。\n";
  EXPECT_THAT(Findings(text),
              testing::ElementsAre(Finding{"學", Offset(text, "學生很多"),
                                           "學 is a traditional character in simplified text",
                                           "replace with 学", kSafe, "学"}));
}

TEST(ScriptMixTest, ScriptOptionOverridesDetection) {
  const std::string text = "我們這裡的學生。";
  EXPECT_THAT(Findings(text), testing::IsEmpty());
  EXPECT_THAT(
      Findings(text, Options({{"script", {std::string("hans"), ""}}})),
      testing::ElementsAre(
          Finding{"們這裡", 3, "們這裡 are traditional characters in simplified text",
                  "replace with 们这里", kUnsafe, "们这里"},
          Finding{"學", Offset(text, "學"), "學 is a traditional character in simplified text",
                  "replace with 学", kSafe, "学"}));
}

TEST(ScriptMixTest, IgnoresCodeInMarkdown) {
  const std::string text = "代码 `學` 不检查，但这里的學生要检查。\n";
  EXPECT_THAT(Findings(text, {}, "page.md"),
              testing::ElementsAre(Finding{"學", Offset(text, "學生"),
                                           "學 is a traditional character in simplified text",
                                           "replace with 学", kSafe, "学"}));
}

TEST(ScriptMixTest, RejectsAnUnknownScript) {
  RuleOptions options = Options({{"script", {std::string("latin"), ""}}});
  EXPECT_THROW(MakeScriptMixRule(options), ConfigError);
}

TEST(ScriptMixTest, MetaDocumentsTheRule) {
  RuleOptions options;
  const std::unique_ptr<Rule> rule = MakeScriptMixRule(options);
  const RuleMeta& meta = rule->meta();
  EXPECT_EQ(meta.id, "script-mix");
  EXPECT_EQ(meta.group, RuleGroup::kScript);
  EXPECT_EQ(meta.fix, FixAvailability::kAlways);
  ASSERT_EQ(meta.options.size(), 2u);
  EXPECT_EQ(meta.options[0].name, "script");
  EXPECT_EQ(meta.options[0].default_value, "\"auto\"");
  EXPECT_EQ(meta.options[1].name, "allow");
}

}  // namespace
}  // namespace ocrlint
