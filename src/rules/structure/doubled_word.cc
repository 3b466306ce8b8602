#include <algorithm>
#include <array>
#include <bit>
#include <cctype>
#include <cstdint>
#include <cstring>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include "rules/structure/structure_rules.h"
#include "text/char_class.h"
#include "text/chinese_script.h"
#include "text/cpu.h"
#include "text/lexicon.h"
#include "text/utf8.h"
#include "text/word_break.h"

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace ocrlint {
namespace {

RuleMeta DoubledWordMeta() {
  return RuleMeta{
      .id = "doubled-word",
      .group = RuleGroup::kStructure,
      .default_severity = Severity::kWarning,
      .enabled_by_default = true,
      .fix = FixAvailability::kAlways,
      .summary = "A word repeated by an OCR stutter (\"负责负责人\")",
      .explanation =
          "Flags a word of one to four Chinese characters that is immediately repeated where "
          "the repetition is an OCR or typesetting stutter: \"主要负责负责人\", \"动力电池产业产业"
          "规模\", \"返乡返乡创业\", \"我们的的工作\".\n\n"
          "Chinese repeats words on purpose, so the rule reads each repetition with ICU's "
          "dictionary word segmentation, then with the word frequencies of a compiled-in word "
          "list, and knowledge of reduplication. It stays silent on "
          "reduplication (天天, 看看, 高高兴兴, 节节高, 一次次, 研究研究, 一步一步, 雪白雪白), on "
          "adjacent words that merely share characters (市|市场, 工作|作为, 民营企业|企业家, "
          "2024年|龙年|龙游), on numerals, onomatopoeia and repeated interjections (好的好的). "
          "A doubled function word (的的, 是是) is flagged when both copies stand alone. A "
          "doubled content character (整治治作为, 重要工工作, 书画画、) is flagged when ICU "
          "reads one copy inside a word and the other alone, and the lone copy has nothing to "
          "go with: punctuation, a particle or a word on its far side, or a single character "
          "that starts no word of the word list with it (开展展跟投, 沉浸浸式). It stays silent "
          "where "
          "the lone copy ends a name (宣传部部长, 市市场监管局, 标准化科科长), is a free verb, "
          "preposition or locative (要要求, 只有有权限, 比赛中中国队), where both copies sit in "
          "words or both stand alone (课间操操场, 分厂厂区), on short names (郭飞飞, "
          "程程亮), and where the text after the lone copy is a slogan's last character "
          "(“引入入洛”) "
          "or a traditional character the word list cannot read (工作作為).\n\n"
          "The fix deletes one copy. It is unsafe: a rare legitimate repetition would lose a "
          "word.",
      .bad_examples =
          {
              BadExample("西工区委主要\u27E6负责负责\u27E7人表示,下一步,西工区将加大经费投入。",
                         "西工区委主要负责人表示,下一步,西工区将加大经费投入。"),
              BadExample("未来将带动全市动力电池\u27E6产业产业\u27E7规模突破2000亿元。",
                         "未来将带动全市动力电池产业规模突破2000亿元。"),
              BadExample("打造产业链条长、关联性强、\u27E6返乡返乡\u27E7创业产业集群。",
                         "打造产业链条长、关联性强、返乡创业产业集群。"),
              BadExample("这是我们\u27E6的的\u27E7工作。", "这是我们的工作。"),
              BadExample("该镇坚持把人居环境整\u27E6治治\u27E7作为一项重要工作。",
                         "该镇坚持把人居环境整治作为一项重要工作。"),
              BadExample("涵盖陶瓷、紫砂、刺绣、书\u27E6画画\u27E7、剪纸等工艺门类。",
                         "涵盖陶瓷、紫砂、刺绣、书画、剪纸等工艺门类。"),
              BadExample("支持企业开\u27E6展展\u27E7跟投试点,坚持业绩与干部任用挂钩。",
                         "支持企业开展跟投试点,坚持业绩与干部任用挂钩。"),
          },
      .good_examples =
          {
              GoodExample("组织200余名民营企业企业家到浙江大学学习。"),
              GoodExample("只要我们坚持下去,一定能芝麻开花节节高。"),
              GoodExample("他天天来看看,大家高高兴兴,一次次研究研究,试一试。"),
              GoodExample("打造以2024年龙年龙游为主题的活动。"),
              GoodExample("市市场监管局标准化科科长毕晓燕表示,把抓好清欠工作作为检验。"),
              GoodExample("谢谢谢谢,常常渐渐,人人个个,一步一步地走,好的好的。"),
              GoodExample("“11345”的总体工作思路,的的确确实实在在。"),
              GoodExample("市委常委、宣传部部长徐超文,做课间操操场都要“隔日用”。"),
              GoodExample("中国一拖704分厂厂区,全国国企年度盘点,在比赛中中国队夺冠。"),
              GoodExample("推动“引入入洛”,深化务实合作。"),
          },
      .options = {},
  };
}

// Byte scan. A candidate is a position p holding the lead byte of a three-byte character
// (U+3000-9FFF, which holds the common Han blocks) where the 3, 6, 9 or 12 bytes from p
// equal the same number of bytes right after them: XX, XYXY, XYZXYZ, WXYZWXYZ.
using Vec = unsigned char __attribute__((vector_size(16)));
constexpr std::size_t kVec = sizeof(Vec);
constexpr std::size_t kMaxShift = 12;
// Bytes read from a chunk start: 16 lanes, each comparing up to 2 * kMaxShift bytes.
constexpr std::size_t kReach = kVec + 2 * kMaxShift;

inline Vec Load(const unsigned char* p) {
  Vec v;
  std::memcpy(&v, p, kVec);
  return v;
}

template <std::size_t kShift>
inline Vec RepeatsAt(const unsigned char* p) {
  Vec all = (Vec)(Load(p) == Load(p + kShift));
  for (std::size_t k = 1; k < kShift; ++k) all &= (Vec)(Load(p + k) == Load(p + k + kShift));
  return all;
}

struct ChunkMasks {
  Vec by_shift[4] = {};  // shifts 3, 6, 9, 12
  bool any = false;
};

inline bool AnyLane(Vec v) {
  std::uint64_t halves[2];
  std::memcpy(halves, &v, sizeof halves);
  return (halves[0] | halves[1]) != 0;
}

// Lanes where the last two bytes of the first character of a shift-`kShift` repeat
// match: a cheap filter, since the same character rarely comes back within four (with a
// lead byte at the lane, the first byte rarely differs where the other two match).
template <std::size_t kShift>
[[gnu::always_inline]] inline Vec TailAt(const unsigned char* p, Vec b1, Vec b2) {
  return (Vec)((b2 == Load(p + kShift + 2)) & (b1 == Load(p + kShift + 1)));
}

[[gnu::always_inline]] inline bool MayRepeat(const unsigned char* p) {
  const Vec b0 = Load(p);
  const Vec b1 = Load(p + 1);
  const Vec b2 = Load(p + 2);
  const Vec lead = (Vec)((b0 >= 0xE3) & (b0 <= 0xE9));
  return AnyLane(lead & (TailAt<3>(p, b1, b2) | TailAt<6>(p, b1, b2) | TailAt<9>(p, b1, b2) |
                         TailAt<12>(p, b1, b2)));
}

// RepeatsAt() at the lanes in `lead`, compared in full only where the tails of the first
// characters match: a chunk that passed MayRepeat() mostly did so for one shift.
template <std::size_t kShift>
inline Vec LeadRepeatsAt(const unsigned char* p, Vec lead) {
  const Vec tails = lead & TailAt<kShift>(p, Load(p + 1), Load(p + 2));
  if (!AnyLane(tails)) return Vec{};
  return tails & RepeatsAt<kShift>(p);
}

// Only for chunks where MayRepeat() holds.
inline ChunkMasks ScanChunk(const unsigned char* p) {
  ChunkMasks masks;
  const Vec first = Load(p);
  const Vec lead = (Vec)((first >= 0xE3) & (first <= 0xE9));
  masks.by_shift[0] = lead & RepeatsAt<3>(p);
  masks.by_shift[1] = LeadRepeatsAt<6>(p, lead);
  masks.by_shift[2] = LeadRepeatsAt<9>(p, lead);
  masks.by_shift[3] = LeadRepeatsAt<12>(p, lead);
  masks.any =
      AnyLane(masks.by_shift[0] | masks.by_shift[1] | masks.by_shift[2] | masks.by_shift[3]);
  return masks;
}

#if defined(OCRLINT_AVX2_VARIANTS)
__attribute__((target("avx2"))) inline __m256i Load32(const unsigned char* p) {
  return _mm256_loadu_si256(reinterpret_cast<const __m256i*>(p));
}

// TailAt() for 32 positions.
template <std::size_t kShift>
__attribute__((target("avx2"))) inline __m256i TailAt32(const unsigned char* p, __m256i b1,
                                                        __m256i b2) {
  return _mm256_and_si256(_mm256_cmpeq_epi8(b1, Load32(p + kShift + 1)),
                          _mm256_cmpeq_epi8(b2, Load32(p + kShift + 2)));
}

// For a repeat of kShift bytes (two characters or more): the last bytes of the first copy's
// first and last characters match those of the second copy's.
template <std::size_t kShift>
__attribute__((target("avx2"))) inline __m256i LastBytesAt32(const unsigned char* p, __m256i b2) {
  return _mm256_and_si256(_mm256_cmpeq_epi8(b2, Load32(p + kShift + 2)),
                          _mm256_cmpeq_epi8(Load32(p + kShift - 1), Load32(p + 2 * kShift - 1)));
}

// The positions of MayRepeat32() where the tails match, whatever the byte there.
__attribute__((target("avx2"))) inline unsigned TailBits32(const unsigned char* p) {
  const __m256i b1 = Load32(p + 1);
  const __m256i b2 = Load32(p + 2);
  const __m256i tails =
      _mm256_or_si256(_mm256_or_si256(TailAt32<3>(p, b1, b2), LastBytesAt32<6>(p, b2)),
                      _mm256_or_si256(LastBytesAt32<9>(p, b2), LastBytesAt32<12>(p, b2)));
  return static_cast<unsigned>(_mm256_movemask_epi8(tails));
}

// A looser MayRepeat() for the 32 positions from p (two chunks at once): bit k for
// position p + k; reads p[0, 55). For repeats of two characters or more it compares the
// last bytes of the first and the last character (the same character often comes back
// within four, two in a row rarely): a compare fewer per shift than MayRepeat(), and a few
// more chunks for ScanChunk() to test. The lead bytes are asked whatever the tails: at
// the lanes of second bytes the tails compare lead bytes with lead bytes, which match in
// about half the chunks, and a branch on them was mispredicted as often.
__attribute__((target("avx2"))) inline unsigned MayRepeat32(const unsigned char* p) {
  const unsigned tail_bits = TailBits32(p);
  // Lead bytes E3-E9: E3-E9 minus E3 are 0-6.
  const __m256i from_e3 = _mm256_sub_epi8(Load32(p), _mm256_set1_epi8(static_cast<char>(0xE3)));
  const __m256i lead = _mm256_cmpeq_epi8(_mm256_min_epu8(from_e3, _mm256_set1_epi8(6)), from_e3);
  return tail_bits & static_cast<unsigned>(_mm256_movemask_epi8(lead));
}

// The first chunk start from `i` on, in steps of kVec, where MayRepeat32() holds for some
// position (`*found`: MayRepeat() holds there too, and need not be tested again), or the
// first one at or after `stop` (where the caller tests chunks one by one). MayRepeat32
// reads 55 bytes: `stop` + 2 * kVec + kReach - 1 <= the text's size.
__attribute__((target("avx2"))) std::size_t SkipQuietAvx2(const unsigned char* data, std::size_t i,
                                                          std::size_t stop, bool* found) {
  unsigned lanes = 0;
  // (A pointer, not an index and a pointer: an instruction fewer a step.)
  const unsigned char* at = data + i;
  while (at < data + stop && (lanes = MayRepeat32(at)) == 0) at += 2 * kVec;
  i = static_cast<std::size_t>(at - data);
  *found = lanes != 0;
  // Only the second chunk may repeat: the first one needs no test.
  if ((lanes & 0xFFFF) == 0) i += *found ? kVec : 0;
  return i;
}
#endif

// Bit k: lane k of `v` is set.
inline unsigned LaneBits(Vec v) {
#if defined(__SSE2__)
  return static_cast<unsigned>(_mm_movemask_epi8((__m128i)v));
#else
  unsigned bits = 0;
  for (std::size_t k = 0; k < kVec; ++k) bits |= (v[k] != 0 ? 1U : 0U) << k;
  return bits;
#endif
}

// A set of characters, as a bitset of U+4E00-9FFF made at compile time (the sets are
// asked for every repeat found) and a short list of the few others (〇).
class CharSet {
 public:
  consteval explicit CharSet(std::u32string_view chars) {
    for (const char32_t c : chars) {
      if (c >= kFirst && c <= kLast) {
        bits_[(c - kFirst) / 64] |= std::uint64_t{1} << ((c - kFirst) % 64);
      } else {
        // (More than fits does not compile: a throw is no constant.)
        if (other_count_ == others_.size())
          throw "CharSet: too many characters outside U+4E00-9FFF";
        others_[other_count_++] = c;
      }
    }
  }

  constexpr bool Contains(char32_t c) const {
    if (c >= kFirst && c <= kLast) return (bits_[(c - kFirst) / 64] >> ((c - kFirst) % 64)) & 1;
    for (std::size_t k = 0; k < other_count_; ++k) {
      if (others_[k] == c) return true;
    }
    return false;
  }

 private:
  static constexpr char32_t kFirst = 0x4E00;
  static constexpr char32_t kLast = 0x9FFF;
  std::array<std::uint64_t, (kLast - kFirst) / 64 + 1> bits_{};
  std::array<char32_t, 2> others_{};
  std::size_t other_count_ = 0;
};

// Single characters whose doubling is never grammatical (function words and pronouns).
// Content characters double legitimately far too often (人人, 年年, 市|市场, 部|部长).
constexpr CharSet kFunctionChars{
    U"的了在是和与及把被将从对为向也就都而并或让给由于其这那我你他她它不又还已但因"};
// Numerals and onomatopoeia repeat by nature.
constexpr CharSet kNumeralChars{U"〇零一二三四五六七八九十百千万亿两"};
constexpr CharSet kOnomatopoeiaChars{
    U"哈嘿呵嘻咚叮当嘀嗒滴答哗啦扑通轰隆呼噜咕嘟吱嘎咔嚓砰乒乓喵汪嗡嘤哇呜啊哦嗯唉咯哒噼啪"};
// Interjection-like endings: 好了好了, 来了来了, 走吧走吧.
constexpr CharSet kParticleChars{U"了的吧啊呀吗啦嘛哦"};
// Suffixes that derive a new word from the repeated noun, so that a compound ending in
// the noun is followed by the derived word: 民营企业|企业家, 中小企业|企业界, and a verb
// by its agent: 使用|使用者.
constexpr CharSet kDerivingSuffixes{U"家界者"};

// Content characters that double as a word or inside a common pattern: classifiers
// (一次次, 个个, 层层), time words (天天, 年年), adverbs and adjectives (常常, 渐渐, 紧紧,
// 好好, 高高), kinship and baby-talk nouns (妈妈, 宝宝).
constexpr CharSet kReduplicatingChars{
    U"个次条件家户人天年月日时岁代层处步声片点样种位名项批轮回遍趟节句滴张本只块根颗朵排份首"
    U"篇段幅座栋间门头常往渐刚仅纷紧牢久默悄偏恰屡频稍微匆每各高大小好快慢早远深多少轻静"
    U"满稳白红绿黑蓝青紫黄热冷暖凉胖瘦厚薄圆直弯细粗松急真足亮乎洋冲巴茸滚灿甸油晶彤呵眯腾"
    U"喷零荡睁漉绵糊淋闪汪妈爸哥姐弟妹爷奶婆公叔姑舅宝娃星"};
// Suffixes of names of units, places and buildings, and of kinds of documents: the first
// of two copies ends such a name and the second starts the next word (宣传部|部长,
// 市|市场监管局, 龙门山|山顶, 中文版|版权).
constexpr CharSet kUnitSuffixChars{
    U"省市县区乡镇村州部局厅处科室股组队厂站所院校馆社委办司署团班系会园场港店库城街路道"
    U"巷桥楼湖山河江海湾岛洲峰岭寺庙宫殿塔段线号版档单册型码"
    // The same in traditional characters (壓縮檔|檔案, 位元組|組合).
    U"縣區鄉鎮廳處組隊廠館團會園場庫橋樓灣島嶺廟宮線號檔單冊碼"};
// Single-character words that never begin a compound with what follows (该|产|产业,
// 他|强|强调, 专访时|表|表示, 100位|中|中国): determiners, pronouns, adverbs,
// conjunctions, postpositions, classifiers.
constexpr CharSet kClosedWordChars{
    U"该此其这那每各我你他她它们很更最太再才只便即却还也都又已曾正将就所以如若及等与和或"
    U"并而但因且的了着过在是有从对为向把被让给由于时前后中上下里内外个位名项座批条件种类支只台"};
// Free-standing verbs, prepositions, locatives and modals, which stand next to a word
// holding the same character: 要|要求, 有|有效, 会议|中|中国, 散|散步, 上|上海, 只有|有,
// 可以|以.
constexpr CharSet kFreeChars{
    U"看听说走谈想试聊问查找读写学练散跑洗睡帮见握招摇跳唱照遛玩逛歇喝吃尝泡晒敲拍摸揉捶"
    U"转梳刷叹伸挥搓眨抬扭踢打聚碰算比讲画动坐站躺等逗哄劝数搬擦扫收修补换挑选"
    U"有要会可到去来出进回过请叫做用上下前后里外内中旁以于自按据随沿凭趁除经跟同替朝离当"};

// Characters that mostly spell foreign names (塔那那利佛, 坦桑尼亚): a unit made only of
// them is a transliteration, where repeats are normal (尼亚尼亚, 朗格朗格).
constexpr CharSet kTransliterationChars{
    U"阿埃艾安奥澳巴拜班贝本比彼波伯布查达丹德迪蒂杜多厄恩法菲芬弗福盖冈戈格古哈海汉赫亨胡霍基吉加"
    U"杰捷卡凯坎康柯科克肯库拉莱赖兰朗劳勒雷里利莉丽林琳隆卢鲁路伦罗洛玛马迈曼梅蒙米密缪摩莫姆穆"
    U"娜纳奈南内尼妮努诺帕派潘佩蓬皮普奇齐乔切琼萨塞桑瑟森沙莎尚舍什施斯苏索塔泰坦汤唐特滕提图托瓦"
    U"旺威韦维温沃乌伍西希锡夏谢辛休雅亚扬耶伊因英尤约泽扎詹兹佐"};
// Words after which the first copy is a verb and the second its object (无法复制|复制槽,
// 重新索引|索引): preverbal modals and adverbs.
constexpr std::string_view kPreverbalWords[] = {
    "无法", "不能", "不会", "不要", "能够", "可以", "可能", "需要", "应该", "必须", "重新", "正在",
    "开始", "继续", "已经", "尚未", "没有", "不",   "未",   "已",   "要",   "能",   "会",   "将",
    "再",   "先",   "又",   "也",   "都",   "就",   "还",   "才",   "去",   "来",   "请",
};

// Directional and resultative complements (鼓起来, 做出) and aspect particles (作出了).
constexpr CharSet kVerbalComplementChars{U"来去出起上下回过开到完好住了着"};
constexpr CharSet kAspectChars{U"了着过"};

// Two-character words that reduplicate as ABAB: verbs of trying or doing briefly,
// vivid adjectives, interjections.
constexpr std::string_view kAbabWords[] = {
    "了解", "交流", "享受", "介绍", "休息", "体会", "体验", "再见", "准备", "凉快", "动员", "商量",
    "回忆", "回顾", "安排", "宣传", "尝试", "思考", "快活", "总结", "感受", "打听", "打扫", "折腾",
    "指导", "指点", "拜拜", "收拾", "放松", "整理", "教育", "整顿", "暖和", "梳理", "检查", "欣赏",
    "比较", "沟通", "活动", "清理", "溜达", "漆黑", "火红", "照顾", "熟悉", "琢磨", "痛快", "研究",
    "碧绿", "考察", "考虑", "表扬", "舒服", "观察", "认识", "讨论", "议论", "轻松", "通红", "锻炼",
    "开心", "雪白", "高兴", "金黄", "冰凉", "笔直", "滚烫", "喷香", "热闹", "练习", "调整", "帮助",
    "关心", "提醒", "看望", "参观", "品尝", "学习", "加油", "没事", "不是", "不要", "不行", "不对",
    "快点", "可以", "你好", "您好", "哎呀", "哎哟", "算了", "对了", "乐呵", "透亮", "崭新", "很多",
    "好多", "非常", "特别", "永远", "真是",
};

bool Has(const CharSet& set, char32_t c) { return set.Contains(c); }

bool IsFreeFunctionChar(char32_t c) { return Has(kFunctionChars, c); }

// Whether `offset` is in the sorted boundary list.
bool IsBoundaryIn(const std::vector<std::size_t>& boundaries, std::size_t offset) {
  return std::binary_search(boundaries.begin(), boundaries.end(), offset);
}

// The byte lengths of the characters before and at `offset` in valid UTF-8 (Document::text()
// replaces invalid bytes).
std::size_t LengthBefore(std::string_view text, std::size_t offset) {
  // Mostly a three-byte character, whose lead byte is E0-EF.
  if (offset >= 3 && (static_cast<unsigned char>(text[offset - 3]) & 0xF0) == 0xE0) return 3;
  std::size_t start = offset - 1;
  while (start > 0 && (static_cast<unsigned char>(text[start]) & 0xC0) == 0x80) --start;
  return offset - start;
}
std::size_t LengthAt(std::string_view text, std::size_t offset) {
  const auto lead = static_cast<unsigned char>(text[offset]);
  return lead < 0xC0 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
}

// The code points of a unit (of at most kMaxShift bytes), held in place.
struct UnitChars {
  std::array<char32_t, kMaxShift> code_points;
  std::size_t size = 0;

  std::u32string_view View() const { return {code_points.data(), size}; }
};

UnitChars Decode(std::string_view unit) {
  UnitChars out;
  for (std::size_t i = 0; i < unit.size();) {
    const Decoded d = DecodeUtf8Fast(unit, i);
    out.code_points[out.size++] = d.code_point;
    i += d.length;
  }
  return out;
}

class DoubledWordRule final : public Rule {
 public:
  DoubledWordRule() : abab_(std::begin(kAbabWords), std::end(kAbabWords)) {
    std::sort(abab_.begin(), abab_.end());
  }

  const RuleMeta& meta() const override { return meta_; }

  void Check(const Document& document, DiagnosticSink& sink) const override {
    const std::string_view text = document.text();
    CheckState state;
    // The prose segments long enough to hold a repeat, in document order.
    std::vector<ByteRange> segments;
    segments.reserve(document.segments().size());
    bool ascending = true;  // and apart: each begins at or after the end of the one before
    for (const Block& block : document.blocks()) {
      if (!block.IsProse()) continue;
      for (const ByteRange& segment : document.Segments(block)) {
        if (segment.size() < 6) continue;
        ascending = ascending && (segments.empty() || segment.begin >= segments.back().end);
        segments.push_back(segment);
      }
    }
    if (ascending) {
      ScanSegments(document, text, segments, state, sink);
    } else {
      for (const ByteRange& segment : segments) {
        ScanSegments(document, text, std::span<const ByteRange>(&segment, 1), state, sink);
      }
    }
  }

 private:
  // What a check keeps from segment to segment: the readers of its windows (ICU's, made on
  // first use, its construction being the dearer, and the word list's, whose buffer serves
  // every window), and whether the AVX2 scan runs.
  struct CheckState {
    std::optional<WordSegmenter> icu;
    LexiconSegmenter lexicon;
#if defined(OCRLINT_AVX2_VARIANTS)
    bool avx2 = HasAvx2();
#endif
  };

  // Segments at most this many bytes apart are scanned in one pass, the bytes between them
  // with them (in plain text, the line ends between paragraphs): a pass per segment costs
  // more than a few bytes scanned in vain.
  static constexpr std::size_t kMaxGap = 64;

  // Finds and judges the repeats in `segments`, ascending and apart (each begins at or after
  // the end of the one before). A repeat lies in one segment.
  void ScanSegments(const Document& document, std::string_view text,
                    std::span<const ByteRange> segments, CheckState& state,
                    DiagnosticSink& sink) const {
    for (std::size_t first = 0; first < segments.size();) {
      std::size_t last = first;
      while (last + 1 < segments.size() &&
             segments[last + 1].begin - segments[last].end <= kMaxGap) {
        ++last;
      }
      ScanRun(document, text, segments.subspan(first, last - first + 1), state, sink);
      first = last + 1;
    }
  }

  // ScanSegments() for segments close together, in one pass from the first one's beginning
  // to the last one's end.
  void ScanRun(const Document& document, std::string_view text, std::span<const ByteRange> run,
               CheckState& state, DiagnosticSink& sink) const {
    const auto* data = reinterpret_cast<const unsigned char*>(text.data());
    const std::size_t run_end = run.back().end;
    std::size_t resume = 0;  // candidates before this were consumed by a finding
    std::size_t s = 0;       // the segment of the candidates: the first ending after them
    std::size_t i = run.front().begin;
#if defined(OCRLINT_AVX2_VARIANTS)
    // Chunks that SkipQuietAvx2 may test, two at a time.
    const bool avx2 = state.avx2;
    const std::size_t avx2_stop = text.size() >= 2 * kVec + kReach
                                      ? std::min(run_end, text.size() - 2 * kVec - kReach + 1)
                                      : 0;
#endif
    for (; i < run_end; i += kVec) {
      bool may_repeat = false;  // known to hold for the chunk at i
#if defined(OCRLINT_AVX2_VARIANTS)
      if (avx2 && i < avx2_stop) {
        i = SkipQuietAvx2(data, i, avx2_stop, &may_repeat);
        if (i >= run_end) break;
      }
#endif
      ChunkMasks masks;
      if (i + kReach <= text.size()) {
        if (!may_repeat && !MayRepeat(data + i)) continue;
        masks = ScanChunk(data + i);
      } else {
        // The tail: zero bytes past the text never hold a lead byte, and lanes whose
        // repeat would run past the segment are dropped below.
        unsigned char tail[kReach] = {};
        std::memcpy(tail, data + i, text.size() - i);
        masks = ScanChunk(tail);
      }
      if (!masks.any) continue;
      unsigned lanes =
          LaneBits(masks.by_shift[0] | masks.by_shift[1] | masks.by_shift[2] | masks.by_shift[3]);
      for (; lanes != 0; lanes &= lanes - 1) {
        const auto k = static_cast<std::size_t>(std::countr_zero(lanes));
        const std::size_t p = i + k;
        if (p < resume || p >= run_end) continue;
        while (run[s].end <= p) ++s;
        const ByteRange segment = run[s];
        if (p < segment.begin) continue;  // between segments
        for (std::size_t shift = 0; shift < 4; ++shift) {
          if (masks.by_shift[shift][k] == 0) continue;
          const std::size_t unit = 3 * (shift + 1);
          if (p + 2 * unit > segment.end) break;
          if (Judge(document, text, segment, p, unit, state, sink)) {
            resume = p + 2 * unit;
            break;
          }
        }
      }
    }
  }

  // Decides on the repeat of text[p, p + unit) and reports it when it is a stutter.
  bool Judge(const Document& document, std::string_view text, ByteRange segment, std::size_t p,
             std::size_t unit, CheckState& state, DiagnosticSink& sink) const {
    const std::string_view word = text.substr(p, unit);
    const UnitChars decoded = Decode(word);
    const std::u32string_view chars = decoded.View();
    if (chars.size() * 3 != unit) return false;
    for (char32_t c : chars) {
      if (!IsHan(c)) return false;
    }
    if (!PassesLexicalChecks(text, segment, p, chars, word)) return false;
    const ByteRange doubled{p, p + 2 * unit};
    if (document.IsExcluded(doubled)) return false;
    // A stutter by the reading of ICU or, where the doubled text is followed by more of
    // the sentence (a copy at the very end may be a word cut short: 宣传部部|长), by that
    // of the word list. The word list reads first: it costs a fraction of ICU's reading,
    // which a stutter it finds then does not need.
    const bool content_char = chars.size() == 1 && !IsFreeFunctionChar(chars[0]);
    if (content_char && !ContentCharMayPass(text, segment, p, chars[0], false)) return false;
    if (p + 2 * unit >= segment.end ||
        !PassesSegmentation(text, segment, p, unit, chars, state.lexicon)) {
      // ICU's dictionary rules out most repeats that the word list did not accept.
      if (content_char && !DictionaryMayPass(text, segment, p, chars[0])) return false;
      if (chars.size() == 2 && !SecondCopyMayBeWord(text, segment, p, unit)) return false;
      if (!state.icu) state.icu.emplace();
      if (!PassesSegmentation(text, segment, p, unit, chars, *state.icu)) return false;
    }
    MessageText message = MessageText::Concat(
        {"\"", word, "\" is repeated (\"", doubled.In(text), "\"), an OCR stutter"});
    Fix& fix_of = sink.Report(doubled, std::move(message)).fix.emplace();
    fix_of.applicability = Applicability::kUnsafe;
    fix_of.message = MessageText::Concat({"delete one \"", word, "\""});
    fix_of.edits.push_back(Edit{ByteRange{p + unit, p + 2 * unit}, ""});
    return true;
  }

  // Knowledge of reduplication that needs no segmentation.
  bool PassesLexicalChecks(std::string_view text, ByteRange segment, std::size_t p,
                           std::u32string_view chars, std::string_view word) const {
    const std::size_t unit = word.size();
    if (chars.size() == 1) {
      const char32_t c = chars[0];
      if (Has(kNumeralChars, c) || Has(kOnomatopoeiaChars, c)) {
        return false;
      }
      const char32_t before1 = CharBefore(text, segment, p);
      const char32_t before2 =
          before1 == kInvalidCodePoint
              ? kInvalidCodePoint
              : CharBefore(text, segment, p - DecodeUtf8BeforeFast(text, p).length);
      const char32_t after1 = CharAt(text, segment, p + 2 * unit);
      const char32_t after2 = CharAt(text, segment, p + 3 * unit);
      // Three in a row (哈哈哈) is no stutter of a word.
      if (before1 == c || after1 == c) return false;
      // AABB and BBAA: 的的确确, 实实在在, 和和美美.
      if (after1 != kInvalidCodePoint && after1 == after2) return false;
      if (before1 != kInvalidCodePoint && before1 == before2) return false;
      // A classifier after a numeral: 一座座, 一棵棵.
      if (Has(kNumeralChars, before1)) return false;
      // A short run of Han characters on its own is a name or a label (郭飞飞, 程程亮).
      return !InShortNameRun(text, segment, p, 2 * unit);
    }
    // AA inside a longer unit (哈哈哈哈 as 哈哈 twice) is a one-character repeat.
    if (std::all_of(chars.begin(), chars.end(), [&](char32_t c) { return c == chars[0]; })) {
      return false;
    }
    if (std::all_of(chars.begin(), chars.end(), [](char32_t c) { return Has(kNumeralChars, c); }))
      return false;
    if (std::all_of(chars.begin(), chars.end(),
                    [](char32_t c) { return Has(kOnomatopoeiaChars, c); })) {
      return false;
    }
    // A phrase, not a word: 的函数|的函数.
    if (chars.size() > 2 &&
        (IsFreeFunctionChar(chars.front()) || IsFreeFunctionChar(chars.back()))) {
      return false;
    }
    // 一步一步, 一点一点, 一个一个: a numeral-classifier phrase repeated.
    if (chars[0] == U'一') return false;
    // A repeated interjection stands alone (好的好的。), a word does not (目的目的地).
    if (chars.size() == 2 && Has(kParticleChars, chars[1]) &&
        !IsHan(CharAt(text, segment, p + 2 * unit))) {
      return false;
    }
    // The character after the second copy, past a column-wrap space (企业 家).
    std::size_t after = p + 2 * unit;
    while (after < segment.end && (text[after] == ' ' || text.substr(after, 3) == "\u3000")) {
      after += text[after] == ' ' ? 1 : 3;
    }
    if (Has(kDerivingSuffixes, CharAt(text, segment, after))) return false;
    return true;
  }

  // The dictionary segmentation of a short window must read the two copies as the same
  // whole words, side by side, and the first copy must not be the tail of a compound
  // with what precedes it (民营企业|企业家: 民|营 are bound, single-character pieces).
  // `segmenter` is ICU's WordSegmenter or the LexiconSegmenter.
  template <typename Segmenter>
  bool PassesSegmentation(std::string_view text, ByteRange segment, std::size_t p, std::size_t unit,
                          std::u32string_view chars, Segmenter&& segmenter) const {
    const std::size_t length = chars.size();
    ByteRange range = ContextWindow(text, segment, p, unit);
    const bool at_start = range.begin == segment.begin;
    const bool at_end = range.end == segment.end;
    if constexpr (std::is_same_v<std::remove_cvref_t<Segmenter>, WordSegmenter>) {
      CutAtPunctuation(text, p, 2 * unit, range.begin, range.end);
    }
    const std::size_t begin = range.begin;
    const std::string_view window = range.In(text);
    // (The word list's segmenter returns its own buffer, ICU's a copy.)
    const std::vector<std::size_t>& boundaries = segmenter.Boundaries(window);
    const std::size_t first = p - begin;
    const std::size_t second = first + unit;
    if (!IsBoundaryIn(boundaries, second)) return false;
    if (length == 1) {
      const char32_t c = DecodeUtf8Fast(window, first).code_point;
      if (!IsFreeFunctionChar(c)) {
        return PassesContentCharSegmentation(window, boundaries, first, c, at_start, at_end);
      }
    }
    if (!IsBoundaryIn(boundaries, first)) return false;
    // Both copies split alike (the second may run on into a longer word: 负责|负责人), or
    // the first copy falls apart and the second starts a longer word (总|书|总书记,
    // 离|不|离不开: the stutter of a word's beginning).
    int inner = 0;
    bool alike = true;
    bool second_inner = false;
    for (std::size_t k = 3; k < unit; k += 3) {
      const bool in_first = IsBoundaryIn(boundaries, first + k);
      const bool in_second = IsBoundaryIn(boundaries, second + k);
      alike = alike && in_first == in_second;
      second_inner = second_inner || in_second;
      inner += in_first ? 1 : 0;
    }
    // A unit of characters that mostly spell foreign names is a transliteration, where
    // repeats are normal (尼亚尼亚, 朗格朗格), unless the second copy runs on into a longer
    // word (西南|西南角).
    if (IsBoundaryIn(boundaries, second + unit) &&
        std::all_of(chars.begin(), chars.end(),
                    [](char32_t c) { return Has(kTransliterationChars, c); })) {
      return false;
    }
    // The second copy ends where a word ends, or runs on into a longer one (教育|教育局).
    const bool second_ends = IsBoundaryIn(boundaries, second + unit);
    // ABAB reduplication (研究研究), not where the second copy runs on (宣传|宣传单).
    if (length == 2 && second_ends &&
        std::binary_search(abab_.begin(), abab_.end(), window.substr(first, unit))) {
      return false;
    }
    if (!alike) {
      if (second_inner || IsBoundaryIn(boundaries, second + unit)) return false;
    } else {
      // A two-character unit must be one word; three or four characters at most two words
      // (年|龙 in 2024年|龙年|龙游 is no word at all).
      if (length == 2 && inner != 0) return false;
      if (length > 2 && inner > 1) return false;
    }
    if (length == 1) return PassesSingleCharSegmentation(window, boundaries, first);
    if (first == 0) return true;
    // The word before the first copy.
    const auto it = std::lower_bound(boundaries.begin(), boundaries.end(), first);
    const std::size_t left = *(it - 1);
    const std::string_view left_word = window.substr(left, first - left);
    const Decoded left_char = DecodeUtf8Fast(left_word, 0);
    if (!IsHan(left_char.code_point)) return true;
    // A verb and its object (无法复制|复制槽); a first copy that is no word is no verb, and
    // a second copy with a complement or an aspect particle is no object (没有|鼓起|鼓起来,
    // 已|作出|作出|了).
    const char32_t after = second + unit < window.size()
                               ? DecodeUtf8Fast(window, second + unit).code_point
                               : kInvalidCodePoint;
    const bool verbal_second =
        Has(kVerbalComplementChars, after) && (!second_ends || Has(kAspectChars, after));
    if (alike && !verbal_second &&
        std::find(std::begin(kPreverbalWords), std::end(kPreverbalWords), left_word) !=
            std::end(kPreverbalWords)) {
      return false;
    }
    // The word before and the first copy make one dictionary word (中小企业|企业主). (The
    // last use of `boundaries`: this reading may reuse its buffer.)
    std::string joined(left_word);
    joined.append(window.substr(first, unit));
    return segmenter.Boundaries(joined).size() > 2;
  }

  // The window of text segmented around the doubled text [p, p + 2 * unit): a few
  // characters each side, in the segment.
  static ByteRange ContextWindow(std::string_view text, ByteRange segment, std::size_t p,
                                 std::size_t unit) {
    const int kContext = unit == 3 ? 4 : 6;  // characters each side
    std::size_t begin = p;
    for (int n = 0; n < kContext && begin > segment.begin; ++n) {
      begin -= LengthBefore(text, begin);
    }
    std::size_t end = p + 2 * unit;
    for (int n = 0; n < kContext && end < segment.end; ++n) end += LengthAt(text, end);
    return ByteRange{begin, end};
  }

  // The window ICU segments around the doubled text [p, p + 2 * unit).
  static ByteRange IcuWindow(std::string_view text, ByteRange segment, std::size_t p,
                             std::size_t unit) {
    ByteRange window = ContextWindow(text, segment, p, unit);
    CutAtPunctuation(text, p, 2 * unit, window.begin, window.end);
    return window;
  }

  // Narrows the window [begin, end) around the doubled text [p, p + size) to the
  // punctuation nearest it on each side, kept in the window, where that punctuation
  // touches an ideograph on the doubled text's side. ICU's reading of the rest does not
  // change: the dictionary reads each run of Han characters on its own, and the word
  // rules break on both sides of such punctuation (they join it to a neighbour only with
  // a letter or digit on its other side, or a mark after it), so the boundaries from the
  // punctuation to the doubled text stay the same. The checks look no further than the
  // token next to the doubled text, which is then that punctuation. ICU's cost grows with
  // the runs it reads (about a microsecond each, plus the characters).
  static void CutAtPunctuation(std::string_view text, std::size_t p, std::size_t size,
                               std::size_t& begin, std::size_t& end) {
    // An ideograph of U+4000-9FFF (lead byte E4-E9 in the valid UTF-8 of Document::text())
    // is passed over without decoding.
    auto plain_lead = [&](std::size_t at) {
      const auto b = static_cast<unsigned char>(text[at]);
      return b >= 0xE4 && b <= 0xE9;
    };
    for (std::size_t at = p; at > begin;) {
      if (at >= 3 && plain_lead(at - 3)) {
        at -= 3;
        continue;
      }
      const Decoded d = DecodeUtf8BeforeFast(text, at);
      if (IsHardPunctuation(d.code_point) && IsIdeograph(DecodeUtf8Fast(text, at).code_point)) {
        begin = at - d.length;
        break;
      }
      at -= d.length;
    }
    for (std::size_t at = p + size; at < end;) {
      if (plain_lead(at)) {
        at += 3;
        continue;
      }
      const Decoded d = DecodeUtf8Fast(text, at);
      if (IsHardPunctuation(d.code_point) &&
          IsIdeograph(DecodeUtf8BeforeFast(text, at).code_point)) {
        end = at + d.length;
        break;
      }
      at += d.length;
    }
  }

  // A unified or compatibility ideograph: Han, but not 々 or 〇, which the word rules
  // may treat as letters.
  static bool IsIdeograph(char32_t c) { return IsHan(c) && c != U'\u3005' && c != U'\u3007'; }

  // A doubled function character: both copies standalone words (对|对象 and 对|对应 are
  // a preposition before a word), and not inside a run of single characters, which is a
  // transliteration (塔|那|那|利|佛).
  static bool PassesSingleCharSegmentation(std::string_view window,
                                           const std::vector<std::size_t>& boundaries,
                                           std::size_t first) {
    constexpr std::size_t kChar = 3;
    if (!IsBoundaryIn(boundaries, first + 2 * kChar)) return false;
    auto single_content_char = [&](std::size_t begin) {
      if (begin + kChar > window.size()) return false;
      if (!IsBoundaryIn(boundaries, begin) || !IsBoundaryIn(boundaries, begin + kChar)) {
        return false;
      }
      const char32_t c = DecodeUtf8Fast(window, begin).code_point;
      return IsHan(c) && !IsFreeFunctionChar(c);
    };
    return !(first >= kChar && single_content_char(first - kChar) &&
             single_content_char(first + 2 * kChar));
  }

  // A doubled content character (整治治, 工工作). ICU reads the doubled text; the two
  // copies must split into a word holding one copy and the other copy alone, and the
  // lone copy must not be a word of its own in that place:
  //  - 整治|治|作为, 布局|局|、: the lone second copy is followed by a word or
  //    punctuation. When a single character follows (全国|国|企), ICU does not know the
  //    words there, and the reading is left alone.
  //  - 重要|工|工作: the lone first copy follows a word or punctuation, and is not a name
  //    suffix (宣传部|部长, 市|市场监管局) or a free verb, modal or locative (要|要求,
  //    比赛中|中国队, 散|散步).
  // Both copies in words (工作|作为, 签订|订单) are adjacent words sharing a character, both
  // alone (分|厂|厂|区, 节|节|高) a stretch ICU does not know: left alone.
  static bool PassesContentCharSegmentation(std::string_view window,
                                            const std::vector<std::size_t>& boundaries,
                                            std::size_t first, char32_t c, bool at_start,
                                            bool at_end) {
    constexpr std::size_t kChar = 3;
    const std::size_t second = first + kChar;
    const auto at_second = std::lower_bound(boundaries.begin(), boundaries.end(), second);
    const std::size_t w1_begin = *(at_second - 1);
    const std::size_t w2_end = *(at_second + 1);
    const bool first_alone = w1_begin == first;
    const bool second_alone = w2_end == second + kChar;
    if (first_alone == second_alone) return false;
    // A character that doubles as a word (天天, 个个, 本本) or starts a word after doubling
    // (人|人人) is a stutter only as the tail of a word pasted again: 基本|本|生活.
    if (first_alone && Has(kReduplicatingChars, c)) return false;
    if (!first_alone &&
        HanCount(window.substr(w1_begin, first - w1_begin)) * kChar != first - w1_begin) {
      return false;
    }
    if (second_alone) {
      // The token after the lone second copy.
      if (w2_end == window.size()) return at_end;
      const std::size_t next_end = *(at_second + 2);
      const std::string_view next = window.substr(w2_end, next_end - w2_end);
      const char32_t n = DecodeUtf8Fast(next, 0).code_point;
      // Punctuation after it (书画|画|、, 当前|前|，): nothing the lone copy could go with.
      if (!IsHan(n)) return IsPunctuationLike(n);
      if (Has(kFreeChars, c)) return false;  // 只有|有|超级, 可以|以|这种
      if (HanCount(next) >= 2) return true;
      // A particle or conjunction after the lone copy (发展|展|的, 公路|路|及).
      if (next.size() != kChar) return false;
      if (IsFreeFunctionChar(n)) return true;
      // A single character after it: the segmenter may not know the word the lone copy
      // starts there (全国|国|企). The word list decides: the first copy ends one of its
      // words, and no word of it starts with the lone copy (开展|展|跟|投, 沉浸|浸|式). Not
      // where the text stops after that character: a slogan or label abbreviates (“引入|
      // 入|洛”: into Luoyang).
      if (next_end >= window.size() || !IsHan(DecodeUtf8Fast(window, next_end).code_point)) {
        return false;
      }
      if (!LexiconWordCost(window.substr(w1_begin, second - w1_begin)).has_value() ||
          StartsListedWord(window, second)) {
        return false;
      }
      // The list is of simplified words: a traditional character after the lone copy is
      // one it cannot read (工作|作|為: 作為 is 作为). Asked last: the script table is
      // loaded from OpenCC on first use.
      constexpr std::uint16_t kTraditional =
          script_flag::kTraditionalOnly | script_flag::kTraditionalAmbiguous;
      return (ScriptTable::Get().Flags(n) & kTraditional) == 0;
    }
    if (Has(kUnitSuffixChars, c) || Has(kFreeChars, c)) return false;
    // The token before the lone first copy.
    if (first == 0) return at_start;
    const std::size_t prev_begin = *(at_second - 2);
    const std::string_view prev = window.substr(prev_begin, first - prev_begin);
    const char32_t b = DecodeUtf8BeforeFast(prev, prev.size()).code_point;
    // After punctuation or a Latin word (SoReal|洛|洛阳), not after digits (2024|年|年底).
    if (!IsHan(b)) return IsPunctuationLike(b) || (b < 0x80 && std::isalpha(static_cast<int>(b)));
    if (HanCount(prev) * kChar != prev.size()) return false;
    // A word, or a character that ends a name (指挥部|持|持续) or begins no compound
    // (该|产|产业); other single characters may form an unknown word with the lone copy
    // (文|旅|旅游, 课|间|操|操场).
    return HanCount(prev) >= 2 || Has(kUnitSuffixChars, b) || Has(kClosedWordChars, b);
  }

  // Whether PassesContentCharSegmentation() may accept the doubled content character
  // `c` at `p` under some segmentation: false where every reading of the window rejects
  // it, so that the segmenter need not read it (most repeats of a content character, as
  // 紧紧 after punctuation, end here). The reasons, by the two readings it accepts:
  //  - the second copy alone, the first in a word with what precedes it: that needs a Han
  //    character before the first copy, and after the second copy the segment's end,
  //    punctuation-like text, or (when `c` is not a free word) a Han character that is a
  //    function word or may start a token of two Han characters, which it cannot where the
  //    segment ends after it;
  //  - the first copy alone, the second in a word with what follows it: that needs
  //    something after the second copy, `c` neither reduplicating, a name suffix nor a free
  //    word, and before the first copy the segment's start, punctuation or a Latin
  //    letter, or a Han token that is a name suffix, a closed word or two characters long
  //    (which needs a Han character before that one).
  // Segmentations put boundaries at character starts; the window reaches four characters
  // each side (PassesSegmentation). With `punctuation_alone`, the segmentation is ICU's,
  // which reads punctuation next to an ideograph as a token of its own (CutAtPunctuation):
  // the second copy then stands alone before such punctuation, and so does a single Han
  // character after it.
  static bool ContentCharMayPass(std::string_view text, ByteRange segment, std::size_t p,
                                 char32_t c, bool punctuation_alone) {
    return SecondCopyAloneMayPass(text, segment, p, c, punctuation_alone) ||
           FirstCopyAloneMayPass(text, segment, p, c, punctuation_alone);
  }

  // The reading of ContentCharMayPass() with the second copy alone.
  static bool SecondCopyAloneMayPass(std::string_view text, ByteRange segment, std::size_t p,
                                     char32_t c, bool punctuation_alone) {
    constexpr std::size_t kChar = 3;
    const std::size_t after = p + 2 * kChar;
    if (!IsHan(CharBefore(text, segment, p))) return false;
    if (after == segment.end) return true;
    const char32_t n = CharAt(text, segment, after);
    if (!IsHan(n)) return IsPunctuationLike(n);
    if (Has(kFreeChars, c)) return false;
    if (IsFreeFunctionChar(n)) return true;
    const std::size_t next = after + DecodeUtf8Fast(text, after).length;
    const bool n_alone = next == segment.end || (punctuation_alone && IsIdeograph(n) &&
                                                 IsHardPunctuation(CharAt(text, segment, next)));
    return !n_alone;
  }

  // The reading of ContentCharMayPass() with the first copy alone.
  static bool FirstCopyAloneMayPass(std::string_view text, ByteRange segment, std::size_t p,
                                    char32_t c, bool punctuation_alone) {
    constexpr std::size_t kChar = 3;
    const std::size_t after = p + 2 * kChar;
    if (after == segment.end) return false;
    const char32_t n = CharAt(text, segment, after);
    if (punctuation_alone && IsIdeograph(c) && IsHardPunctuation(n)) return false;
    if (Has(kReduplicatingChars, c) || Has(kUnitSuffixChars, c) || Has(kFreeChars, c)) {
      return false;
    }
    if (p == segment.begin) return true;
    const char32_t b = CharBefore(text, segment, p);
    if (!IsHan(b)) return IsPunctuationLike(b) || (b < 0x80 && std::isalpha(static_cast<int>(b)));
    return Has(kUnitSuffixChars, b) || Has(kClosedWordChars, b) ||
           IsHan(CharBefore(text, segment, p - DecodeUtf8BeforeFast(text, p).length));
  }

  // Whether ICU's reading of the doubled content character `c` at `p` may pass
  // PassesContentCharSegmentation(), asked of ICU's dictionary instead of its segmenter
  // (ICU's reading is left to decide 要紧紧 or 签订订单, but most repeats need none). The
  // reading with the second copy alone needs a token of two or more Han characters ending
  // with the first copy, and after the second copy a token of two or more characters or a
  // single character before another Han character; the one with the first copy alone needs
  // a token of two or more characters starting with the second, and before the first copy
  // a token of two or more Han characters unless a closing character ends it. ICU makes a
  // token of two or more plain ideographs only of a word of its dictionary (CjkDictionary),
  // and reads no token across the edges of its window, nor across the punctuation that
  // CutAtPunctuation() cuts at, nor across an ASCII character next to an ideograph (the word
  // rules join no ideograph to a letter, a digit or a space). Where a character ICU might
  // read otherwise stands in the way, the segmenter decides. (Checked against ICU's reading:
  // a build that segmented each repeat this rules out found ICU rejecting all of them, on
  // the benchmark's pages, big.txt, the quality documents and 10 MB of big.txt with a
  // repeat pasted every 40 characters.)
  static bool DictionaryMayPass(std::string_view text, ByteRange segment, std::size_t p,
                                char32_t c) {
    const bool second_alone = SecondCopyAloneMayPass(text, segment, p, c, true);
    const bool first_alone = FirstCopyAloneMayPass(text, segment, p, c, true);
    if (!second_alone && !first_alone) return false;
    const CjkDictionary* dictionary = CjkDictionary::Get();
    if (dictionary == nullptr || !IsPlainIdeograph(c)) return true;
    constexpr std::size_t kChar = 3;
    const ByteRange window = IcuWindow(text, segment, p, kChar);
    // Of each reading, the token on the lone copy's far side is asked first (the questions
    // have no side effects, so the order changes only the cost): it reads one word where the
    // copy in a word may walk back over several, and on the benchmark's pages it rules out
    // about three readings in five with the second copy alone and four in five with the
    // first alone.
    return (second_alone && NextTokenMayPass(*dictionary, text, window, p) &&
            WordMayEndWith(*dictionary, text, window, p)) ||
           (first_alone && PreviousTokenMayPass(*dictionary, text, window, p) &&
            WordMayStartWith(*dictionary, text, window, p + kChar));
  }

  // Whether ICU's reading of the repeat of a two-character unit at `p` may pass
  // PassesSegmentation(), asked of ICU's dictionary: a reading that passes puts a boundary
  // before the second copy and none inside it, so a token of two or more characters starts
  // with the second copy (see DictionaryMayPass for why that is a dictionary word).
  static bool SecondCopyMayBeWord(std::string_view text, ByteRange segment, std::size_t p,
                                  std::size_t unit) {
    const CjkDictionary* dictionary = CjkDictionary::Get();
    if (dictionary == nullptr || !IsPlainIdeograph(DecodeUtf8Fast(text, p).code_point)) {
      return true;
    }
    return WordMayStartWith(*dictionary, text, IcuWindow(text, segment, p, unit), p + unit);
  }

  // With the second copy alone: whether the token after it may pass, a word of two or more
  // characters or a single character before another Han character that starts no listed
  // word with the lone copy (PassesContentCharSegmentation).
  static bool NextTokenMayPass(const CjkDictionary& dictionary, std::string_view text,
                               ByteRange window, std::size_t p) {
    constexpr std::size_t kChar = 3;
    const std::size_t after = p + 2 * kChar;
    if (after >= window.end) return true;
    const char32_t n = DecodeUtf8Fast(text, after).code_point;
    if (!IsPlainIdeograph(n) || IsFreeFunctionChar(n)) return true;
    if (WordMayStartWith(dictionary, text, window, after)) return true;
    const std::size_t next_end = after + kChar;
    if (next_end >= window.end || !IsHan(DecodeUtf8Fast(text, next_end).code_point)) return false;
    return !StartsListedWord(window.In(text), p + kChar - window.begin);
  }

  // With the first copy alone: whether the token before it may pass, a word of two or more
  // Han characters unless its last character ends names or closed words
  // (PassesContentCharSegmentation).
  static bool PreviousTokenMayPass(const CjkDictionary& dictionary, std::string_view text,
                                   ByteRange window, std::size_t p) {
    if (p <= window.begin) return true;
    const Decoded b = DecodeUtf8BeforeFast(text, p);
    if (!IsPlainIdeograph(b.code_point) || Has(kUnitSuffixChars, b.code_point) ||
        Has(kClosedWordChars, b.code_point)) {
      return true;
    }
    return WordMayEndWith(dictionary, text, window, p - b.length);
  }

  // Whether ICU may read a token of two or more Han characters in `window` that ends with
  // the plain ideograph at `at`. A token through a character other than Han is no such
  // token.
  static bool WordMayEndWith(const CjkDictionary& dictionary, std::string_view text,
                             ByteRange window, std::size_t at) {
    const std::size_t end = at + DecodeUtf8Fast(text, at).length;
    for (std::size_t start = at; start > window.begin;) {
      const Decoded d = DecodeUtf8BeforeFast(text, start);
      if (!IsHan(d.code_point)) return false;
      if (!IsPlainIdeograph(d.code_point)) return true;
      start -= d.length;
      if (dictionary.Contains(text.substr(start, end - start))) return true;
    }
    return false;
  }

  // Whether ICU may read a token of two or more characters in `window` that starts with
  // the plain ideograph at `at`.
  static bool WordMayStartWith(const CjkDictionary& dictionary, std::string_view text,
                               ByteRange window, std::size_t at) {
    std::size_t end = at + DecodeUtf8Fast(text, at).length;
    while (end < window.end) {
      const Decoded d = DecodeUtf8Fast(text, end);
      if (!IsPlainIdeograph(d.code_point)) {
        if (IsHardPunctuation(d.code_point) || (d.code_point >= 0x20 && d.code_point < 0x7F)) {
          break;
        }
        return true;
      }
      end += d.length;
    }
    return dictionary.HasWordStarting(text.substr(at, end - at));
  }

  // Whether a word of the word list of two to four characters starts at `at`.
  static bool StartsListedWord(std::string_view window, std::size_t at) {
    std::size_t end = at;
    for (int n = 1; n <= 4 && end < window.size(); ++n) {
      const Decoded d = DecodeUtf8Fast(window, end);
      if (!IsHan(d.code_point)) break;
      end += d.length;
      if (n >= 2 && LexiconWordCost(window.substr(at, end - at)).has_value()) return true;
    }
    return false;
  }

  // Punctuation or a space, not a digit or a Latin letter.
  static bool IsPunctuationLike(char32_t c) {
    if (c == kInvalidCodePoint) return false;
    if (c < 0x80) return !std::isalnum(static_cast<unsigned char>(c));
    return !IsFullwidthDigit(c) && !(c >= 0xFF21 && c <= 0xFF5A);
  }

  // The number of Han characters in `s`.
  static std::size_t HanCount(std::string_view s) {
    std::size_t n = 0;
    for (std::size_t i = 0; i < s.size();) {
      const Decoded d = DecodeUtf8Fast(s, i);
      n += IsHan(d.code_point) ? 1 : 0;
      i += d.length;
    }
    return n;
  }

  // Whether [p, p + size) lies in a run of at most four Han characters set off by spaces,
  // brackets or line ends, not by clause punctuation: a name or a label (郭飞飞, 程程亮,
  // （刘艳艳 朱晓茹）).
  static bool InShortNameRun(std::string_view text, ByteRange segment, std::size_t p,
                             std::size_t size) {
    auto sets_off = [](char32_t c) {
      return c == kInvalidCodePoint ||
             !(IsCjkPunctuation(c) || c == U',' || c == U'.' || c == U';' || c == U':' ||
               c == U'!' || c == U'?') ||
             c == U'（' || c == U'）' || c == U'【' || c == U'】' || c == U'　';
    };
    std::size_t n = size / 3;
    std::size_t at = p;
    for (; n <= 4 && at > segment.begin; ++n) {
      const Decoded d = DecodeUtf8BeforeFast(text, at);
      if (!IsHan(d.code_point)) break;
      at -= d.length;
    }
    if (n > 4 || !sets_off(CharBefore(text, segment, at))) return false;
    at = p + size;
    for (; n <= 4 && at < segment.end; ++n) {
      const Decoded d = DecodeUtf8Fast(text, at);
      if (!IsHan(d.code_point)) break;
      at += d.length;
    }
    return n <= 4 && sets_off(CharAt(text, segment, at));
  }

  // The character ending at `offset`, or kInvalidCodePoint at the segment start.
  static char32_t CharBefore(std::string_view text, ByteRange segment, std::size_t offset) {
    if (offset <= segment.begin || offset > segment.end) return kInvalidCodePoint;
    return DecodeUtf8BeforeFast(text, offset).code_point;
  }

  // The character starting at `offset`, or kInvalidCodePoint outside the segment.
  static char32_t CharAt(std::string_view text, ByteRange segment, std::size_t offset) {
    if (offset < segment.begin || offset >= segment.end) return kInvalidCodePoint;
    return DecodeUtf8Fast(text, offset).code_point;
  }

  RuleMeta meta_ = DoubledWordMeta();
  std::vector<std::string_view> abab_;
};

}  // namespace

std::unique_ptr<Rule> MakeDoubledWordRule(RuleOptions& /*options*/) {
  return std::make_unique<DoubledWordRule>();
}

}  // namespace ocrlint
