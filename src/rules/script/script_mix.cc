// script-mix: characters of the other Chinese script, found and fixed with OpenCC.
//
// A character-level diff against a traditional-to-simplified table floods users with
// false positives (shared characters, one-to-many mappings, names), so the rule works in
// two steps. A per-code-point table derived from OpenCC's dictionaries (ScriptTable)
// finds candidates with one look-up per character; only the sentences holding a candidate
// go through OpenCC's phrase-level conversion, which decides in context.

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/document.h"
#include "core/rule_meta.h"
#include "engine/rule.h"
#include "engine/rule_options.h"
#include "rules/script/script_rules.h"
#include "text/chinese_script.h"
#include "text/utf8.h"

namespace ocrlint {
namespace {

constexpr std::string_view kExplanation =
    R"(Flags characters of the other Chinese script: a traditional character in simplified text (`中小學生`) or a simplified character in traditional text (`我們的学校`). OCR engines trained on both scripts slip such characters into a page; readers notice at once, spell checkers do not.

The dominant script is decided per document from the characters that exist in only one script, and per paragraph where a paragraph clearly goes the other way (a quotation in traditional characters inside a simplified article). The option `script` fixes it instead.

In simplified text, a character is flagged when OpenCC's phrase-level traditional-to-simplified conversion (t2s) of its sentence changes it and it is not valid simplified text in that context: `乾隆` and `乾坤` stay, `乾燥` becomes `干燥`; `著` (著名, 显著) is valid simplified and never flagged. In traditional text, simplified-only characters (those OpenCC's simplified-to-traditional table always changes) are flagged and converted with s2t, s2tw or s2hk; characters valid in both (后 in 皇后, 台, 干) are not flagged. Sentences containing Japanese kana are skipped, as are spans listed in `allow` (names such as `於丹`, where 於 is a surname that OpenCC would convert).

The fix replaces the span with OpenCC's conversion. It is safe when the mapping is one-to-one both ways (學/学); unsafe when it is one-to-many (後 -> 后 while 后 -> 後/后; 发 -> 發/髮), because the reverse choice depends on meaning.)";

enum class ScriptSetting { kAuto, kHans, kHant, kHantTw, kHantHk };

constexpr std::array<std::string_view, 5> kScriptNames = {"auto", "hans", "hant", "hant-tw",
                                                          "hant-hk"};

ScriptSetting ParseScriptSetting(std::string_view name) {
  if (name == "hans") return ScriptSetting::kHans;
  if (name == "hant") return ScriptSetting::kHant;
  if (name == "hant-tw") return ScriptSetting::kHantTw;
  if (name == "hant-hk") return ScriptSetting::kHantHk;
  return ScriptSetting::kAuto;
}

// A paragraph overrides the document's script only on clear evidence: at least this many
// one-script characters, and twice as many as of the other script.
constexpr std::size_t kMinParagraphEvidence = 3;

// Characters of context either side of a candidate given to OpenCC (its longest phrase
// has 16 characters).
constexpr int kMaxContext = 20;

// Punctuation, spaces and symbols: no OpenCC phrase crosses them.
bool IsClauseBreak(char32_t cp) {
  if (cp < 0x80) return !((cp >= '0' && cp <= '9') || ((cp | 0x20) >= 'a' && (cp | 0x20) <= 'z'));
  return (cp >= 0x2000 && cp <= 0x206F) ||  // general punctuation: “”…—
         (cp >= 0x3000 && cp <= 0x303F) ||  // CJK punctuation: 、。「」《》
         (cp >= 0xFF01 && cp <= 0xFF0F) || (cp >= 0xFF1A && cp <= 0xFF20) ||
         (cp >= 0xFF3B && cp <= 0xFF40) || (cp >= 0xFF5B && cp <= 0xFF65) ||  // full-width
         cp == kInvalidCodePoint;
}

// What the one-look-up-per-character scan learns about a block.
struct Census {
  std::size_t traditional = 0;     // traditional-only characters
  std::size_t simplified = 0;      // simplified-only characters
  std::size_t taiwan_forms = 0;    // 為, 裡: Taiwan usage
  std::size_t standard_forms = 0;  // 爲, 裏: OpenCC standard traditional
  std::uint16_t seen = 0;          // union of the flags met

  void Add(const Census& other) {
    traditional += other.traditional;
    simplified += other.simplified;
    taiwan_forms += other.taiwan_forms;
    standard_forms += other.standard_forms;
    seen |= other.seen;
  }
};

// The script a block is checked against.
struct Target {
  ChineseVariant variant = ChineseVariant::kSimplified;

  bool simplified() const { return variant == ChineseVariant::kSimplified; }
  // The flags of the characters that may be foreign in this script.
  std::uint16_t CandidateMask() const {
    switch (variant) {
      case ChineseVariant::kSimplified:
        return script_flag::kTraditionalOnly | script_flag::kTraditionalAmbiguous;
      case ChineseVariant::kTaiwan:
        return script_flag::kSimplifiedOnly | script_flag::kTaiwanForeign;
      case ChineseVariant::kHongKong:
        return script_flag::kSimplifiedOnly | script_flag::kHongKongForeign;
      case ChineseVariant::kTraditional:
        break;
    }
    return script_flag::kSimplifiedOnly;
  }
  std::uint16_t OneToOneFlag() const {
    return simplified() ? script_flag::kT2SOneToOne : script_flag::kS2TOneToOne;
  }
  const ChineseConverter& converter() const {
    return simplified() ? ChineseConverter::ToSimplified()
                        : ChineseConverter::ToTraditional(variant);
  }
};

// Decodes the valid UTF-8 at `p` (Document::text() is sanitised) and advances `p`.
// Returns kInvalidCodePoint for a sequence cut by `end`.
inline char32_t NextCodePoint(const unsigned char*& p, const unsigned char* end) {
  const unsigned char b = *p;
  if (b < 0x80) {
    ++p;
    return b;
  }
  const std::ptrdiff_t length = b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4;
  if (end - p < length) {
    p = end;
    return kInvalidCodePoint;
  }
  char32_t cp = 0;
  if (length == 2) {
    cp = ((b & 0x1Fu) << 6) | (p[1] & 0x3Fu);
  } else if (length == 3) {
    cp = ((b & 0x0Fu) << 12) | ((p[1] & 0x3Fu) << 6) | (p[2] & 0x3Fu);
  } else {
    cp = ((b & 0x07u) << 18) | ((p[1] & 0x3Fu) << 12) | ((p[2] & 0x3Fu) << 6) | (p[3] & 0x3Fu);
  }
  p += length;
  return cp;
}

// The hot path: one table look-up per character, no allocation.
Census TakeCensus(std::string_view text, const ScriptTable& table) {
  Census census;
  const auto* p = reinterpret_cast<const unsigned char*>(text.data());
  const auto* end = p + text.size();
  while (p < end) {
    if (*p < 0xE0) {  // ASCII, Latin, Greek, Cyrillic: never flagged, skip the decode
      p += *p < 0x80 ? 1 : 2;
      continue;
    }
    const std::uint16_t flags = table.Flags(NextCodePoint(p, end));
    if (flags == 0) continue;
    census.seen |= flags;
    const bool traditional = flags & script_flag::kTraditionalOnly;
    const bool simplified = flags & script_flag::kSimplifiedOnly;
    census.traditional += traditional && !simplified;
    census.simplified += simplified && !traditional;
    census.taiwan_forms += (flags & script_flag::kTaiwanForm) != 0;
    census.standard_forms += (flags & script_flag::kStandardForm) != 0;
  }
  return census;
}

bool ContainsKana(std::string_view text) {
  const auto* p = reinterpret_cast<const unsigned char*>(text.data());
  const auto* end = p + text.size();
  while (p < end) {
    if (IsJapaneseKana(NextCodePoint(p, end))) return true;
  }
  return false;
}

struct CodePointAt {
  char32_t cp;
  std::size_t begin;  // byte offset inside the decoded text
  std::size_t end;
};

std::vector<CodePointAt> DecodeAll(std::string_view text) {
  std::vector<CodePointAt> out;
  const auto* start = reinterpret_cast<const unsigned char*>(text.data());
  const auto* p = start;
  const auto* end = p + text.size();
  while (p < end) {
    const std::size_t begin = static_cast<std::size_t>(p - start);
    const char32_t cp = NextCodePoint(p, end);
    out.push_back({cp, begin, static_cast<std::size_t>(p - start)});
  }
  return out;
}

bool IsAllowed(ByteRange range, std::span<const ByteRange> allowed) {
  return std::any_of(allowed.begin(), allowed.end(),
                     [&](const ByteRange& a) { return a.Overlaps(range); });
}

class ScriptMixRule final : public Rule {
 public:
  ScriptMixRule(ScriptSetting setting, std::vector<std::string> allow)
      : setting_(setting), allow_(std::move(allow)) {
    std::erase_if(allow_, [](const std::string& word) { return word.empty(); });
  }

  const RuleMeta& meta() const override;
  void Check(const Document& document, DiagnosticSink& sink) const override;

 private:
  Target DocumentTarget(const Census& total) const;
  Target BlockTarget(const Census& block, const Census& total, Target document) const;
  void CheckBlock(const Document& document, const Block& block, Target target,
                  DiagnosticSink& sink) const;
  ByteRange SentenceAround(const Document& document, ByteRange segment, std::size_t offset) const;
  ByteRange ClauseAround(std::string_view text, ByteRange sentence, std::size_t offset) const;
  void CheckUnit(std::string_view text, ByteRange unit, Target target, DiagnosticSink& sink) const;
  std::string ConvertInContext(std::string_view unit_text, Target target) const;
  void ReportPiece(std::size_t offset, const ConvertedPiece& piece, Target target,
                   std::span<const ByteRange> allowed, DiagnosticSink& sink) const;
  void ReportRuns(std::size_t offset, std::string_view input, const std::vector<CodePointAt>& in,
                  std::string_view output, const std::vector<CodePointAt>& out, Target target,
                  std::span<const ByteRange> allowed, DiagnosticSink& sink) const;
  void ReportRun(ByteRange range, std::string_view original, std::string replacement,
                 bool one_to_one, Target target, DiagnosticSink& sink) const;

  ScriptSetting setting_;
  std::vector<std::string> allow_;
  // Loaded on first use (a few hundred ms of OpenCC dictionaries), not when the rule is
  // built: `ocrlint rules`, `explain` and runs that never check Chinese text skip it.
  static const ScriptTable& table() { return ScriptTable::Get(); }
};

Target ScriptMixRule::DocumentTarget(const Census& total) const {
  switch (setting_) {
    case ScriptSetting::kHans:
      return {ChineseVariant::kSimplified};
    case ScriptSetting::kHant:
      return {ChineseVariant::kTraditional};
    case ScriptSetting::kHantTw:
      return {ChineseVariant::kTaiwan};
    case ScriptSetting::kHantHk:
      return {ChineseVariant::kHongKong};
    case ScriptSetting::kAuto:
      break;
  }
  if (total.traditional <= total.simplified) return {ChineseVariant::kSimplified};
  // 為 and 裡 rather than 爲 and 裏: the document follows Taiwan usage.
  return {total.taiwan_forms > total.standard_forms ? ChineseVariant::kTaiwan
                                                    : ChineseVariant::kTraditional};
}

Target ScriptMixRule::BlockTarget(const Census& block, const Census& total, Target document) const {
  if (setting_ != ScriptSetting::kAuto) return document;
  const std::size_t high = std::max(block.traditional, block.simplified);
  const std::size_t low = std::min(block.traditional, block.simplified);
  if (high < kMinParagraphEvidence || high < 2 * low) return document;
  if (block.simplified > block.traditional) return {ChineseVariant::kSimplified};
  if (!document.simplified()) return document;
  return {total.taiwan_forms > total.standard_forms ? ChineseVariant::kTaiwan
                                                    : ChineseVariant::kTraditional};
}

void ScriptMixRule::Check(const Document& document, DiagnosticSink& sink) const {
  const std::string_view text = document.text();
  const std::span<const Block> blocks = document.blocks();
  std::vector<Census> censuses(blocks.size());
  Census total;
  for (std::size_t i = 0; i < blocks.size(); ++i) {
    if (!blocks[i].IsProse()) continue;
    for (const ByteRange& segment : document.Segments(blocks[i])) {
      censuses[i].Add(TakeCensus(segment.In(text), table()));
    }
    total.Add(censuses[i]);
  }
  const Target document_target = DocumentTarget(total);
  for (std::size_t i = 0; i < blocks.size(); ++i) {
    const Target target = BlockTarget(censuses[i], total, document_target);
    // The fast path: most blocks hold no candidate and never reach OpenCC.
    if ((censuses[i].seen & target.CandidateMask()) == 0) continue;
    CheckBlock(document, blocks[i], target, sink);
  }
}

void ScriptMixRule::CheckBlock(const Document& document, const Block& block, Target target,
                               DiagnosticSink& sink) const {
  const std::string_view text = document.text();
  const std::uint16_t mask = target.CandidateMask();
  for (const ByteRange& segment : document.Segments(block)) {
    std::size_t done = segment.begin;  // candidates before this were converted already
    const auto* base = reinterpret_cast<const unsigned char*>(text.data());
    const auto* p = base + segment.begin;
    const auto* end = base + segment.end;
    while (p < end) {
      const std::size_t offset = static_cast<std::size_t>(p - base);
      const std::uint16_t flags = table().Flags(NextCodePoint(p, end));
      if ((flags & mask) == 0 || offset < done) continue;
      const ByteRange sentence = SentenceAround(document, segment, offset);
      // Japanese kanji follow neither Chinese script.
      if (ContainsKana(sentence.In(text))) {
        done = sentence.end;
        continue;
      }
      const ByteRange clause = ClauseAround(text, sentence, offset);
      CheckUnit(text, clause, target, sink);
      done = clause.end;
    }
  }
}

// The sentence around `offset`, clipped to its segment (Markdown code spans between
// segments are not prose).
ByteRange ScriptMixRule::SentenceAround(const Document& document, ByteRange segment,
                                        std::size_t offset) const {
  const std::span<const Sentence> sentences = document.sentences();
  auto it = std::upper_bound(
      sentences.begin(), sentences.end(), offset,
      [](std::size_t value, const Sentence& sentence) { return value < sentence.range.begin; });
  if (it == sentences.begin() || !std::prev(it)->range.Contains(offset)) return segment;
  const ByteRange sentence = std::prev(it)->range;
  return {std::max(sentence.begin, segment.begin), std::min(sentence.end, segment.end)};
}

// The clause around `offset`: the sentence clipped to the punctuation around the candidate
// and to kMaxContext characters either side. OpenCC's phrases never cross punctuation and
// are at most 16 characters long, so the clause decides as well as the sentence would,
// and a long sentence with one slip costs little.
ByteRange ScriptMixRule::ClauseAround(std::string_view text, ByteRange sentence,
                                      std::size_t offset) const {
  std::size_t begin = offset;
  for (int i = 0; i < kMaxContext && begin > sentence.begin; ++i) {
    const Decoded before = DecodeUtf8Before(text, begin);
    if (before.code_point == kInvalidCodePoint || IsClauseBreak(before.code_point)) break;
    begin -= before.length;
  }
  std::size_t end = offset;
  for (int i = 0; i <= kMaxContext && end < sentence.end; ++i) {
    const Decoded next = DecodeUtf8(text, end);
    if (IsClauseBreak(next.code_point)) break;
    end += next.length;
  }
  return {begin, std::min(end, sentence.end)};
}

void ScriptMixRule::CheckUnit(std::string_view text, ByteRange unit, Target target,
                              DiagnosticSink& sink) const {
  const std::string_view unit_text = unit.In(text);
  std::vector<ByteRange> allowed;
  for (const std::string& word : allow_) {
    for (std::size_t at = unit_text.find(word); at != std::string_view::npos;
         at = unit_text.find(word, at + 1)) {
      allowed.push_back({unit.begin + at, unit.begin + at + word.size()});
    }
  }
  const std::string converted = ConvertInContext(unit_text, target);
  const std::vector<CodePointAt> in = DecodeAll(unit_text);
  const std::vector<CodePointAt> out = DecodeAll(converted);
  if (in.size() == out.size()) {
    ReportRuns(unit.begin, unit_text, in, converted, out, target, allowed, sink);
    return;
  }
  // A phrase changed length: fall back to OpenCC's own segments.
  std::size_t offset = unit.begin;
  for (const ConvertedPiece& piece : target.converter().Convert(unit_text)) {
    if (piece.input != piece.output) ReportPiece(offset, piece, target, allowed, sink);
    offset += piece.input.size();
  }
}

// Simplified text is converted with t2s directly. Traditional text is first normalised to
// simplified, so that s2t's phrase table sees whole words: 頭发 is no phrase, but its
// normalised form 头发 is (-> 頭髮, where the character table alone would give 發).
std::string ScriptMixRule::ConvertInContext(std::string_view unit_text, Target target) const {
  if (target.simplified()) return ChineseConverter::ToSimplified().ConvertToString(unit_text);
  return target.converter().ConvertToString(
      ChineseConverter::ToSimplified().ConvertToString(unit_text));
}

// Reports a segment OpenCC converted to a different length as a whole (unsafe), or its
// runs of changed candidates.
void ScriptMixRule::ReportPiece(std::size_t offset, const ConvertedPiece& piece, Target target,
                                std::span<const ByteRange> allowed, DiagnosticSink& sink) const {
  const std::vector<CodePointAt> in = DecodeAll(piece.input);
  const std::vector<CodePointAt> out = DecodeAll(piece.output);
  if (in.size() == out.size()) {
    ReportRuns(offset, piece.input, in, piece.output, out, target, allowed, sink);
    return;
  }
  const bool has_candidate = std::any_of(in.begin(), in.end(), [&](const CodePointAt& c) {
    return (table().Flags(c.cp) & target.CandidateMask()) != 0;
  });
  const ByteRange range{offset, offset + piece.input.size()};
  if (has_candidate && !IsAllowed(range, allowed)) {
    ReportRun(range, piece.input, piece.output, /*one_to_one=*/false, target, sink);
  }
}

// Reports the runs of changed candidate characters, given `input` and its conversion
// `output` decoded to the same number of code points. A changed character that is not a
// candidate (a shared character a phrase rewrites, 台 -> 臺 in 台北) is left alone.
void ScriptMixRule::ReportRuns(std::size_t offset, std::string_view input,
                               const std::vector<CodePointAt>& in, std::string_view output,
                               const std::vector<CodePointAt>& out, Target target,
                               std::span<const ByteRange> allowed, DiagnosticSink& sink) const {
  const std::uint16_t mask = target.CandidateMask();
  auto changed = [&](std::size_t k) {
    return in[k].cp != out[k].cp && (table().Flags(in[k].cp) & mask) != 0;
  };
  std::size_t i = 0;
  while (i < in.size()) {
    if (!changed(i)) {
      ++i;
      continue;
    }
    std::size_t j = i;
    bool one_to_one = true;
    std::string replacement;
    for (; j < in.size() && changed(j); ++j) {
      one_to_one = one_to_one && (table().Flags(in[j].cp) & target.OneToOneFlag()) != 0;
      replacement += output.substr(out[j].begin, out[j].end - out[j].begin);
    }
    const ByteRange range{offset + in[i].begin, offset + in[j - 1].end};
    if (!IsAllowed(range, allowed)) {
      const std::string_view original = input.substr(in[i].begin, in[j - 1].end - in[i].begin);
      ReportRun(range, original, std::move(replacement), one_to_one, target, sink);
    }
    i = j;
  }
}

void ScriptMixRule::ReportRun(ByteRange range, std::string_view original, std::string replacement,
                              bool one_to_one, Target target, DiagnosticSink& sink) const {
  const bool single = DecodeUtf8(original, 0).length == original.size();
  std::string message(original);
  if (target.simplified()) {
    message += single ? " is a traditional character in simplified text"
                      : " are traditional characters in simplified text";
  } else {
    message += single ? " is a simplified character in traditional text"
                      : " are simplified characters in traditional text";
  }
  std::string fix_title = "replace with " + replacement;
  sink.ReportWithFix(range, std::move(message),
                     one_to_one ? Applicability::kSafe : Applicability::kUnsafe,
                     std::move(fix_title), std::move(replacement));
}

const RuleMeta& ScriptMixRule::meta() const {
  static const RuleMeta meta = [] {
    RuleMeta m;
    m.id = "script-mix";
    m.group = RuleGroup::kScript;
    m.default_severity = Severity::kWarning;
    m.fix = FixAvailability::kAlways;
    m.summary = "Traditional characters in simplified text, or simplified in traditional";
    m.explanation = std::string(kExplanation);
    m.bad_examples = {
        {"惠及全县7万多名中小⟦學⟧生。", "惠及全县7万多名中小学生。"},
        {"这是一个⟦經濟⟧问题。", "这是一个经济问题。"},
        {"他们⟦後⟧来回到了家乡。", "他们后来回到了家乡。"},
        {"空气很⟦乾⟧燥，这里冬天很冷。", "空气很干燥，这里冬天很冷。"},
        {"我們在⟦学⟧校裡讀書，這裡的老師很親切。", "我們在學校裡讀書，這裡的老師很親切。"},
    };
    m.good_examples = {
        {"乾隆年间，这里已经是有名的集镇。", std::nullopt},
        {"他的著作很有名，影响显著。", std::nullopt},
        {"我們在學校裡讀書，皇后的故事很有趣。", std::nullopt},
        {"这本书的日文书名是「學校へ行こう」。", std::nullopt},
    };
    m.options = {
        {"script", "string", "\"auto\"",
         "The script the text is written in: \"auto\" (decided per document and paragraph), "
         "\"hans\" (simplified), \"hant\" (OpenCC standard traditional), \"hant-tw\" "
         "(Taiwan), \"hant-hk\" (Hong Kong). Also selects the variant of the fixes."},
        {"allow", "string list", "[]", "Words never flagged, e.g. names: allow = [\"於丹\"]."},
    };
    return m;
  }();
  return meta;
}

}  // namespace

std::unique_ptr<Rule> MakeScriptMixRule(RuleOptions& options) {
  const std::string script = options.GetString("script", "auto", kScriptNames);
  std::vector<std::string> allow = options.GetStringList("allow", {});
  return std::make_unique<ScriptMixRule>(ParseScriptSetting(script), std::move(allow));
}

}  // namespace ocrlint
