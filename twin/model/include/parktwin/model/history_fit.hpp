#pragma once
// Whether a history file was recorded for the park it is replayed with. Files record no park
// (simulate and ingest leave the historian's park_file_hash empty), so the file's tags decide:
// a file of another park holds few or none of this park's tags and many it does not list, and
// its replay shows nothing useful. The window (a banner) and `parktwin-cli flows --db` warn with
// the same words.
#include <cstddef>
#include <string>
#include <vector>

#include "parktwin/model/park.hpp"

namespace parktwin::model {

struct HistoryFit {
  std::size_t park_tags = 0;           // the tags the park lists
  std::size_t park_tags_in_file = 0;   // of them, those the file holds samples of
  std::size_t other_tags_in_file = 0;  // tags the file holds samples of that the park does not list
  // The file holds samples, and fewer than half of its tags are the park's: another park's
  // history (a partial recording of this park, only some of its tags, is not).
  bool anotherPark() const { return park_tags_in_file < other_tags_in_file; }
};

// `file_tags`: the names of the tags the file holds samples of (store::Store::summary), each once.
HistoryFit historyFit(const Park& park, const std::vector<std::string>& file_tags);

// The warning for `file` (as the user named it) when fit.anotherPark(), in English and Chinese:
// how many of the park's tags it holds; empty texts otherwise.
LocalizedText anotherParksHistoryText(const HistoryFit& fit, const std::string& file, const Park& park);

}  // namespace parktwin::model
