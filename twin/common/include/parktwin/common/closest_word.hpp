#pragma once
// The word a user most likely meant: a mistyped command ("chekc") or key ("hieght_m"), for a
// "did you mean …?" beside the refusal.
#include <cstddef>
#include <string>
#include <vector>

namespace parktwin::common {

// Optimal string alignment distance: Levenshtein plus a swap of two neighbours ("chekc").
std::size_t editDistance(const std::string& a, const std::string& b);

// The candidate nearest `typed` within `mostEdits` (and fewer edits than the candidate has
// letters, so "x" does not suggest "id"); the first of equally near ones; empty when none is.
std::string closestWord(const std::string& typed, const std::vector<std::string>& candidates, std::size_t mostEdits = 2);

}  // namespace parktwin::common
