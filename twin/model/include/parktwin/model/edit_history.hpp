#pragma once
// Apply, undo and redo edit commands on one park. Each entry keeps a copy of the sections its
// command touched (edit.hpp ParkSections), so undo restores them exactly, whatever the
// command did; redo runs the command again on the restored park. Consecutive edits that
// continue one another (a drag) merge into one entry until sealEntry().
#include <cstddef>
#include <vector>

#include "parktwin/common/result.hpp"
#include "parktwin/model/edit.hpp"
#include "parktwin/model/validate.hpp"

namespace parktwin::model {

class EditHistory {
 public:
  static constexpr std::size_t kDefaultCapacity = 200;

  explicit EditHistory(Park park, std::size_t capacity = kDefaultCapacity);

  const Park& park() const { return park_; }

  // Applies and records the command; clears what could be redone. The value: the park's
  // problems after the edit (empty when valid). An error: the command did not apply.
  Result<std::vector<Problem>> apply(const EditCommand& command);
  Result<std::vector<Problem>> undo();
  Result<std::vector<Problem>> redo();
  bool canUndo() const { return done_ > 0; }
  bool canRedo() const { return done_ < entries_.size(); }

  // Ends the current drag: the next edit starts a new entry even if it continues this one.
  void sealEntry() { sealed_ = true; }

  // The history list, oldest first; the first undoCount() are done, the rest can be redone.
  std::vector<LocalizedText> labels() const;
  std::size_t undoCount() const { return done_; }

  // The saved mark: modified() is false right after markSaved() and again when undo or redo
  // come back to that state.
  void markSaved();
  bool modified() const;

 private:
  struct Entry {
    EditCommand command;
    LocalizedText label;
    ParkSections sections = 0;
    Park before;  // only the touched sections are filled
    long serial = 0;  // names the park state after this entry, for the saved mark
  };
  long currentSerial() const { return done_ > 0 ? entries_[done_ - 1].serial : baseSerial_; }

  Park park_;
  std::vector<Entry> entries_;
  std::size_t done_ = 0;
  std::size_t capacity_;
  bool sealed_ = true;
  long nextSerial_ = 1;
  long baseSerial_ = 0;   // the state before the oldest kept entry (0: the park as opened)
  long savedSerial_ = 0;
};

}  // namespace parktwin::model
