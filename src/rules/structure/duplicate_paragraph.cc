#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "rules/structure/duplicate_text.h"
#include "rules/structure/structure_rules.h"

namespace ocrlint {
namespace {

constexpr int kDefaultMinChars = 16;
constexpr int kDefaultMaxFindings = 1000;

RuleMeta DuplicateParagraphMeta() {
  return RuleMeta{
      .id = "duplicate-paragraph",
      .group = RuleGroup::kStructure,
      .default_severity = Severity::kWarning,
      .enabled_by_default = true,
      .fix = FixAvailability::kAlways,
      .summary = "A paragraph or run of paragraphs repeats earlier text",
      .explanation =
          "Reports a paragraph, or a run of consecutive paragraphs, that repeats earlier "
          "paragraphs of the document: exactly, or after ignoring spaces and line breaks and "
          "the width of punctuation (，and , compare equal), or as a cut-short copy that "
          "breaks off inside the paragraph it repeats. OCR and PDF conversion paste blocks of "
          "a page twice when columns or pages overlap. Each later copy is reported once, as a "
          "whole block, with a related location at the first copy.\n\n"
          "Only paragraphs with at least `min-chars` CJK ideographs and a clause mark are "
          "compared: bylines, captions, section labels and headings legitimately repeat.\n\n"
          "The fix deletes the later copy with the blank lines before it. It is unsafe: which "
          "copy belongs where is a judgement, and the copy may hold a word the first lacks.",
      .bad_examples =
          {
              BadExample("会议强调，要抓项目、重创新、促转型，以高质量发展展现担当。\n\n"
                         "会后，各部门分头落实，确保各项任务按期完成、见到实效。\n\n"
                         "\u27E6会议强调，要抓项目、重创新、促转型，以高质量发展展现担当。\u27E7\n",
                         "会议强调，要抓项目、重创新、促转型，以高质量发展展现担当。\n\n"
                         "会后，各部门分头落实，确保各项任务按期完成、见到实效。\n"),
              BadExample("一是打造德育品牌，形成特色，更好地激发青少年爱国爱社会主义的情感。\n\n"
                         "二是定位科技高中，建设科技馆，开设火箭探索课程和北斗卫星工程课程。\n\n"
                         "\u27E6一是打造德育品牌,形成特色,更好地激发青少年 "
                         "爱国爱社会主义的情感。\n\n"
                         "二是定位科技高中,建设科技馆,开设火箭探索课程\u27E7\n\n"
                         "洛报融媒记者 郭学锋",
                         "一是打造德育品牌，形成特色，更好地激发青少年爱国爱社会主义的情感。\n\n"
                         "二是定位科技高中，建设科技馆，开设火箭探索课程和北斗卫星工程课程。\n\n"
                         "洛报融媒记者 郭学锋"),
          },
      .good_examples =
          {
              GoodExample("洛报融媒记者 郭学锋 通讯员 文鹏\n\n正文一段。\n\n"
                          "洛报融媒记者 郭学锋 通讯员 文鹏"),
              GoodExample("(资料图片)\n\n施工人员有序作业\n\n(资料图片)"),
              GoodExample("会议强调，要抓项目、重创新、促转型，以高质量发展展现担当。\n\n"
                          "会议强调，要抓项目、重创新、促转型，以高质量发展推动主题教育见行见效。"),
          },
      .options =
          {
              OptionDoc{.name = "min-chars",
                        .type = "int",
                        .default_value = std::to_string(kDefaultMinChars),
                        .description = "paragraphs with fewer CJK ideographs are never compared"},
              OptionDoc{.name = "max-findings",
                        .type = "int",
                        .default_value = std::to_string(kDefaultMaxFindings),
                        .description = "stop reporting after this many copies in one document"},
          },
  };
}

class DuplicateParagraphRule final : public Rule {
 public:
  DuplicateParagraphRule(int min_chars, int max_findings)
      : min_chars_(min_chars), max_findings_(max_findings) {}

  const RuleMeta& meta() const override { return meta_; }

  void Check(const Document& document, DiagnosticSink& sink) const override {
    const std::string_view text = document.text();
    const auto blocks = document.blocks();
    const structure::DuplicateParagraphs& found =
        structure::SharedDuplicateParagraphs(document, min_chars_);
    for (int n = 0; n < max_findings_; ++n) {
      const std::optional<structure::DuplicateRun> found_run = found.Run(n);
      if (!found_run) break;
      const structure::DuplicateRun& run = *found_run;
      const ByteRange copy{blocks[run.first].content.begin, blocks[run.last].content.end};
      const ByteRange first{blocks[run.source_first].content.begin,
                            blocks[run.source_last].content.end};
      const std::uint32_t count = run.last - run.first + 1;
      MessageText message =
          count == 1
              ? MessageText::Borrow(run.cut_short
                                        ? "paragraph repeats the start of an earlier paragraph"
                                        : "paragraph repeats an earlier paragraph")
              : MessageText::Concat({std::to_string(count), " paragraphs repeat earlier paragraphs",
                                     run.cut_short ? " (the last one cut short)" : ""});
      Diagnostic& diagnostic = sink.Report(copy, std::move(message));
      diagnostic.related.push_back(RelatedLocation{first, MessageText::Borrow("first copy here")});
      Fix& fix = diagnostic.fix.emplace();
      fix.applicability = Applicability::kUnsafe;
      fix.message = MessageText::Borrow(count == 1 ? "delete the repeated paragraph"
                                                   : "delete the repeated paragraphs");
      fix.edits.push_back(
          Edit{structure::BlockDeletion(
                   text, ByteRange{blocks[run.first].range.begin, blocks[run.last].range.end}),
               ""});
    }
  }

 private:
  int min_chars_;
  int max_findings_;
  RuleMeta meta_ = DuplicateParagraphMeta();
};

}  // namespace

std::unique_ptr<Rule> MakeDuplicateParagraphRule(RuleOptions& options) {
  const auto min_chars = static_cast<int>(options.GetInt("min-chars", kDefaultMinChars, 4, 1000));
  const auto max_findings =
      static_cast<int>(options.GetInt("max-findings", kDefaultMaxFindings, 1, 1000000));
  return std::make_unique<DuplicateParagraphRule>(min_chars, max_findings);
}

}  // namespace ocrlint
