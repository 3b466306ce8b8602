#include "core/diagnostic.h"

#include <algorithm>
#include <array>
#include <cstring>
#include <memory>
#include <new>
#include <stdexcept>
#include <tuple>
#include <utility>

namespace ocrlint {

EditList::EditList(std::vector<Edit> edits) {
  if (edits.size() == 1) {
    edits_.emplace<Edit>(std::move(edits.front()));
  } else if (!edits.empty()) {
    edits_ = std::move(edits);
  }
}

Edit* EditList::begin() {
  if (Edit* one = std::get_if<Edit>(&edits_)) return one;
  if (auto* many = std::get_if<std::vector<Edit>>(&edits_)) return many->data();
  return nullptr;
}

std::size_t EditList::size() const {
  if (std::holds_alternative<Edit>(edits_)) return 1;
  if (const auto* many = std::get_if<std::vector<Edit>>(&edits_)) return many->size();
  return 0;
}

const Edit& EditList::at(std::size_t i) const {
  if (i >= size()) throw std::out_of_range("EditList::at");
  return begin()[i];
}

void EditList::push_back(Edit edit) {
  if (std::holds_alternative<std::monostate>(edits_)) {
    edits_.emplace<Edit>(std::move(edit));
    return;
  }
  if (Edit* one = std::get_if<Edit>(&edits_)) {
    std::vector<Edit> many;
    many.reserve(2);
    many.push_back(std::move(*one));
    many.push_back(std::move(edit));
    edits_ = std::move(many);
    return;
  }
  std::get<std::vector<Edit>>(edits_).push_back(std::move(edit));
}

bool operator==(const EditList& a, const EditList& b) {
  return std::equal(a.begin(), a.end(), b.begin(), b.end());
}

MessageText::MessageText(std::string_view text) {
  if (text.empty()) return;
  char* copy = new char[text.size()];
  std::memcpy(copy, text.data(), text.size());
  data_ = copy;
  size_ = static_cast<std::uint32_t>(text.size());
  owned_ = true;
}

MessageText MessageText::Borrow(std::string_view text) {
  MessageText borrowed;
  borrowed.data_ = text.data();
  borrowed.size_ = static_cast<std::uint32_t>(text.size());
  return borrowed;
}

MessageText MessageText::Concat(std::initializer_list<std::string_view> parts) {
  std::size_t size = 0;
  for (const std::string_view part : parts) size += part.size();
  MessageText joined;
  if (size == 0) return joined;
  char* copy = new char[size];
  char* out = copy;
  for (const std::string_view part : parts) {
    if (part.empty()) continue;
    std::memcpy(out, part.data(), part.size());
    out += part.size();
  }
  joined.data_ = copy;
  joined.size_ = static_cast<std::uint32_t>(size);
  joined.owned_ = true;
  return joined;
}

MessageText::MessageText(const MessageText& other)
    : MessageText(other.owned_ ? MessageText(other.view()) : Borrow(other.view())) {}

MessageText& MessageText::operator=(const MessageText& other) {
  if (this != &other) *this = MessageText(other);
  return *this;
}

struct RelatedList::Items {
  std::uint32_t size = 0;
  std::uint32_t capacity = 0;

  // The locations follow the header in the same allocation.
  RelatedLocation* data() { return std::launder(reinterpret_cast<RelatedLocation*>(this + 1)); }
};

namespace {

// Blocks of lists of one location, freed and kept for the next list made on the same
// thread. A page full of repeats makes and frees a list for nearly every repeat; malloc
// hands freed blocks of this size out again only after moving them between its bins,
// reading each one (a cache miss apiece, 4-5% of the structure rules' time on the
// benchmark's small pages), where this stack hands out the last one freed without reading
// it. Trivially destructible, so that a list freed while the thread or the process ends
// still finds it; the blocks it holds then are given back by ClosedAtThreadExit. A list
// freed on another thread than the one that made it is fine: every block is operator new's.
struct FreedOneLocationBlocks {
  static constexpr std::size_t kMaxKept = 256;  // more than one page's repeats
  std::array<void*, kMaxKept> blocks;
  std::size_t count = 0;
  bool closed = false;  // the thread is ending: nothing more is kept
};
thread_local FreedOneLocationBlocks freed_one_location_blocks;

// Gives the kept blocks back when its thread ends, and keeps none after that.
struct ClosedAtThreadExit {
  ~ClosedAtThreadExit() {
    FreedOneLocationBlocks& freed = freed_one_location_blocks;
    for (std::size_t i = 0; i < freed.count; ++i) ::operator delete(freed.blocks[i]);
    freed.count = 0;
    freed.closed = true;
  }
};

void* TakeFreedOneLocationBlock() {
  FreedOneLocationBlocks& freed = freed_one_location_blocks;
  return freed.count > 0 ? freed.blocks[--freed.count] : nullptr;
}

// Whether it kept `block`.
bool KeepFreedOneLocationBlock(void* block) {
  FreedOneLocationBlocks& freed = freed_one_location_blocks;
  if (freed.closed || freed.count == FreedOneLocationBlocks::kMaxKept) return false;
  thread_local ClosedAtThreadExit closer;  // made with the thread's first kept block
  (void)closer;
  freed.blocks[freed.count++] = block;
  return true;
}

}  // namespace

RelatedList::Items* RelatedList::Allocate(std::size_t capacity) {
  static_assert(sizeof(Items) % alignof(RelatedLocation) == 0);
  static_assert(alignof(RelatedLocation) <= __STDCPP_DEFAULT_NEW_ALIGNMENT__);
  void* memory = capacity == 1 ? TakeFreedOneLocationBlock() : nullptr;
  if (memory == nullptr) {
    memory = ::operator new(sizeof(Items) + capacity * sizeof(RelatedLocation));
  }
  Items* items = new (memory) Items;
  items->capacity = static_cast<std::uint32_t>(capacity);
  return items;
}

void RelatedList::Release() {
  if (items_ == nullptr) return;
  const bool one = items_->capacity == 1;
  std::destroy_n(items_->data(), items_->size);
  items_->~Items();
  if (!one || !KeepFreedOneLocationBlock(items_)) ::operator delete(items_);
  items_ = nullptr;
}

RelatedList::RelatedList(const RelatedList& other) {
  if (other.empty()) return;
  items_ = Allocate(other.size());
  std::uninitialized_copy(other.begin(), other.end(), items_->data());
  items_->size = static_cast<std::uint32_t>(other.size());
}

RelatedList& RelatedList::operator=(const RelatedList& other) {
  if (this != &other) *this = RelatedList(other);
  return *this;
}

RelatedList& RelatedList::operator=(RelatedList&& other) noexcept {
  if (this != &other) {
    Release();
    items_ = std::exchange(other.items_, nullptr);
  }
  return *this;
}

RelatedLocation* RelatedList::begin() { return items_ != nullptr ? items_->data() : nullptr; }

std::size_t RelatedList::size() const { return items_ != nullptr ? items_->size : 0; }

void RelatedList::push_back(RelatedLocation location) {
  if (items_ == nullptr || items_->size == items_->capacity) {
    Items* grown = Allocate(items_ == nullptr ? 1 : std::size_t{items_->capacity} * 2);
    if (items_ != nullptr) {
      std::uninitialized_move(items_->data(), items_->data() + items_->size, grown->data());
      grown->size = items_->size;
    }
    Release();
    items_ = grown;
  }
  new (items_->data() + items_->size) RelatedLocation(std::move(location));
  ++items_->size;
}

std::string_view ToString(Applicability applicability) {
  switch (applicability) {
    case Applicability::kSafe:
      return "safe";
    case Applicability::kUnsafe:
      return "unsafe";
  }
  return "safe";
}

bool DiagnosticLess(const Diagnostic& a, const Diagnostic& b) {
  // A diagnostic without a rule sorts before one with a rule at the same position.
  const std::string_view a_id = a.rule != nullptr ? std::string_view(a.rule->id) : "";
  const std::string_view b_id = b.rule != nullptr ? std::string_view(b.rule->id) : "";
  const std::string_view a_message = a.message;
  const std::string_view b_message = b.message;
  return std::tie(a.range.begin, a.range.end, a_id, a_message) <
         std::tie(b.range.begin, b.range.end, b_id, b_message);
}

}  // namespace ocrlint
