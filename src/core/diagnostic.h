#ifndef OCRLINT_CORE_DIAGNOSTIC_H_
#define OCRLINT_CORE_DIAGNOSTIC_H_

#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <memory>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

#include "core/byte_range.h"
#include "core/rule_meta.h"
#include "core/severity.h"

namespace ocrlint {

// Replace the bytes of `range` with `replacement` (an empty range inserts).
struct Edit {
  ByteRange range;
  std::string replacement;

  friend bool operator==(const Edit&, const Edit&) = default;
};

// The edits of a fix. Most fixes have one edit, kept inline: a raw OCR page has a fix every
// few dozen bytes, and a vector would cost an allocation for each. Contiguous, so a
// range-for, std algorithms and indexing work as on a vector.
class EditList {
 public:
  using value_type = Edit;
  using iterator = Edit*;
  using const_iterator = const Edit*;
  using size_type = std::size_t;

  EditList() = default;
  EditList(std::vector<Edit> edits);  // NOLINT(google-explicit-constructor)
  EditList(std::initializer_list<Edit> edits) : EditList(std::vector<Edit>(edits)) {}

  Edit* begin();
  Edit* end() { return begin() + size(); }
  const Edit* begin() const { return const_cast<EditList*>(this)->begin(); }
  const Edit* end() const { return begin() + size(); }
  std::size_t size() const;
  bool empty() const { return size() == 0; }
  Edit& operator[](std::size_t i) { return begin()[i]; }
  const Edit& operator[](std::size_t i) const { return begin()[i]; }
  const Edit& at(std::size_t i) const;  // throws std::out_of_range
  Edit& front() { return *begin(); }
  const Edit& front() const { return *begin(); }
  Edit& back() { return end()[-1]; }
  const Edit& back() const { return end()[-1]; }

  void push_back(Edit edit);

  friend bool operator==(const EditList& a, const EditList& b);

 private:
  // Empty, one edit, or several.
  std::variant<std::monostate, Edit, std::vector<Edit>> edits_;
};

// The text of a message or fix title: borrowed when its bytes live as long as the rule that
// reports it (a string literal, a message a rule formatted once when it was built), owned
// otherwise. Most findings of a raw OCR page carry one of a few fixed messages: borrowing
// them costs no allocation, and the type is 16 bytes instead of a std::string's 32.
class MessageText {
 public:
  MessageText() = default;
  // Owning copies.
  MessageText(const std::string& text) : MessageText(std::string_view(text)) {}  // NOLINT
  MessageText(const char* text) : MessageText(std::string_view(text)) {}         // NOLINT
  explicit MessageText(std::string_view text);
  // Refers to `text` without copying it: the bytes must outlive every copy of the result
  // (the rule outlives its diagnostics, as for Diagnostic::rule).
  static MessageText Borrow(std::string_view text);
  // An owning copy of `parts` joined, in one allocation of the exact size: a message built
  // from a few pieces needs no std::string (which grows, then is copied and freed).
  static MessageText Concat(std::initializer_list<std::string_view> parts);

  MessageText(const MessageText& other);
  // Inline: diagnostics move often (into the sorted output), each with two or three texts.
  MessageText(MessageText&& other) noexcept
      : data_(std::exchange(other.data_, nullptr)),
        size_(std::exchange(other.size_, 0)),
        owned_(std::exchange(other.owned_, false)) {}
  MessageText& operator=(const MessageText& other);
  MessageText& operator=(MessageText&& other) noexcept {
    if (this != &other) {
      Release();
      data_ = std::exchange(other.data_, nullptr);
      size_ = std::exchange(other.size_, 0);
      owned_ = std::exchange(other.owned_, false);
    }
    return *this;
  }
  ~MessageText() { Release(); }

  std::string_view view() const { return std::string_view(data_, size_); }
  operator std::string_view() const { return view(); }  // NOLINT(google-explicit-constructor)
  std::string str() const { return std::string(view()); }
  bool empty() const { return size_ == 0; }

  friend bool operator==(const MessageText& a, std::string_view b) { return a.view() == b; }
  friend std::string operator+(std::string a, const MessageText& b) { return a.append(b.view()); }
  friend std::string operator+(const MessageText& a, std::string_view b) {
    return a.str().append(b);
  }
  friend std::ostream& operator<<(std::ostream& out, const MessageText& text) {
    return out << text.view();
  }

 private:
  void Release() {
    if (owned_) delete[] data_;
    data_ = nullptr;
    size_ = 0;
    owned_ = false;
  }

  const char* data_ = nullptr;  // owned when owned_ (allocated with new[])
  std::uint32_t size_ = 0;
  bool owned_ = false;
};

// Safe fixes cannot change meaning (whitespace, punctuation width, invisible and
// compatibility characters) and are applied by --fix; unsafe fixes may (deleting a
// duplicate, joining paragraphs) and need --unsafe-fixes.
enum class Applicability { kSafe, kUnsafe };

std::string_view ToString(Applicability applicability);

struct Fix {
  Applicability applicability = Applicability::kSafe;
  MessageText message;  // the action, e.g. "replace with 学"
  EditList edits;       // sorted by range, non-overlapping
};

// Another place the finding refers to, e.g. "first copy here". Rules pass a fixed
// message as MessageText::Borrow(...): no copy per finding.
struct RelatedLocation {
  ByteRange range;
  MessageText message;
};

// The related locations of a finding. Few findings have any (duplicates, broken sentences):
// an empty list is one null pointer, so that a Diagnostic stays small (a raw OCR page has a
// finding every few dozen bytes); the locations, their count and capacity share one
// allocation, so that the usual single location costs one allocation, not two.
// Contiguous, like a vector.
class RelatedList {
 public:
  using value_type = RelatedLocation;
  using iterator = RelatedLocation*;
  using const_iterator = const RelatedLocation*;
  using size_type = std::size_t;

  RelatedList() = default;
  RelatedList(const RelatedList& other);
  RelatedList(RelatedList&& other) noexcept : items_(std::exchange(other.items_, nullptr)) {}
  RelatedList& operator=(const RelatedList& other);
  RelatedList& operator=(RelatedList&& other) noexcept;
  ~RelatedList() { Release(); }

  RelatedLocation* begin();
  RelatedLocation* end() { return begin() + size(); }
  const RelatedLocation* begin() const { return const_cast<RelatedList*>(this)->begin(); }
  const RelatedLocation* end() const { return begin() + size(); }
  std::size_t size() const;
  bool empty() const { return size() == 0; }
  RelatedLocation& operator[](std::size_t i) { return begin()[i]; }
  const RelatedLocation& operator[](std::size_t i) const { return begin()[i]; }

  void push_back(RelatedLocation location);

 private:
  struct Items;  // the count and capacity, followed by the locations

  // An empty list with room for `capacity` locations.
  static Items* Allocate(std::size_t capacity);
  void Release();

  Items* items_ = nullptr;
};

struct Diagnostic {
  const RuleMeta* rule = nullptr;  // owned by the rule, which outlives every diagnostic
  Severity severity = Severity::kWarning;
  MessageText message;  // states the problem
  ByteRange range;
  RelatedList related;
  std::optional<Fix> fix;
};

// Orders diagnostics by position, then rule id, then message: the output order, the same
// whatever the thread count.
bool DiagnosticLess(const Diagnostic& a, const Diagnostic& b);

}  // namespace ocrlint

#endif  // OCRLINT_CORE_DIAGNOSTIC_H_
