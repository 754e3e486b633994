#include "parktwin/model/edit_history.hpp"

#include "edit_support.hpp"

namespace parktwin::model {

EditHistory::EditHistory(Park park, std::size_t capacity) : park_(std::move(park)), capacity_(capacity < 1 ? 1 : capacity) {}

Result<std::vector<Problem>> EditHistory::apply(const EditCommand& command) {
  const bool merge = !sealed_ && done_ > 0 && done_ == entries_.size() && continuesEdit(entries_.back().command, command);
  Entry entry{command, editLabel(command, park_), sectionsTouchedBy(command), {}, nextSerial_++};
  if (!merge) detail::copySections(park_, entry.before, entry.sections);
  if (auto applied = applyEdit(park_, command); !applied) return std::unexpected(applied.error());
  sealed_ = false;
  if (merge) {
    entries_.back().command = command;
    entries_.back().serial = entry.serial;  // a new state: the saved mark no longer matches
    return validatePark(park_);
  }
  entries_.erase(entries_.begin() + static_cast<std::ptrdiff_t>(done_), entries_.end());
  entries_.push_back(std::move(entry));
  if (entries_.size() > capacity_) {
    baseSerial_ = entries_.front().serial;
    entries_.erase(entries_.begin());
  }
  done_ = entries_.size();
  return validatePark(park_);
}

Result<std::vector<Problem>> EditHistory::undo() {
  if (!canUndo()) return fail(ErrorCode::invalid_input, "nothing to undo");
  const Entry& entry = entries_[--done_];
  detail::copySections(entry.before, park_, entry.sections);
  sealed_ = true;
  return validatePark(park_);
}

Result<std::vector<Problem>> EditHistory::redo() {
  if (!canRedo()) return fail(ErrorCode::invalid_input, "nothing to redo");
  // The park is as it was when the command first applied, so it applies again the same way.
  if (auto applied = applyEdit(park_, entries_[done_].command); !applied) return std::unexpected(applied.error());
  ++done_;
  sealed_ = true;
  return validatePark(park_);
}

std::vector<LocalizedText> EditHistory::labels() const {
  std::vector<LocalizedText> out;
  out.reserve(entries_.size());
  for (const auto& entry : entries_) out.push_back(entry.label);
  return out;
}

void EditHistory::markSaved() { savedSerial_ = currentSerial(); }

bool EditHistory::modified() const { return currentSerial() != savedSerial_; }

}  // namespace parktwin::model
