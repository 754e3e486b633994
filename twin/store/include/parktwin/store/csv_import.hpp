#pragma once
// CSV import into a historian. Two layouts, told apart by the header:
//   long:  ts,tag,value            one sample per line
//   wide:  ts,tagA,tagB,...        one line per instant, an empty cell is "no sample"
// The first header cell must be ts, time or timestamp (or 时间, 时间戳, 日期时间). The file is
// UTF-8, with or without the BOM Excel's "CSV UTF-8" writes; other bytes (a GBK export) are
// refused rather than stored as garbled tag names. Timestamps: see parseTimestampIn(): a
// time written without a zone is the park's civil time when CsvImportOptions names its zone.
// Values: numbers (nan/inf allowed), or true/false for states. Blank lines and lines starting
// with '#' are skipped. A bad line is rejected whole and reported with its number and reason.
#include <cstdint>
#include <functional>
#include <istream>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "parktwin/common/result.hpp"
#include "parktwin/common/time_zone.hpp"
#include "parktwin/store/historian.hpp"

namespace parktwin::store {

struct CsvLineError {
  std::uint64_t line = 0;  // 1-based
  std::string reason;
};

struct CsvImportReport {
  bool wide = false;
  std::uint64_t lines = 0;    // data lines seen (header, blank and comment lines excluded)
  std::uint64_t samples = 0;  // samples accepted (or, without a historian, that would be)
  std::vector<CsvLineError> bad_lines;
  // Good lines whose time named no zone, read in CsvImportOptions::zoneless_in (else as UTC),
  // and the first of them, as stored, for saying which offset that was.
  std::uint64_t zoneless_times = 0;
  std::int64_t first_zoneless_ms = 0;
  // With CsvImportOptions::park_tags: the tags of the file the park does not define, in the
  // order first seen, and their samples (left out under skip_unknown_tags, else stored).
  std::vector<std::string> unknown_tags;
  std::uint64_t unknown_samples = 0;
};

// A tag a park defines, as a store records it.
struct KnownTag {
  std::string unit;
  std::string kind;
};

struct CsvImportOptions {
  // The zone of times written without one (a park's time_zone); none: UTC.
  std::optional<TimeZone> zoneless_in;
  // The tags of the park the file belongs to, by id: each one found in the file is defined in
  // the store with the park's unit and kind, the others are counted as unknown.
  std::optional<std::map<std::string, KnownTag, std::less<>>> park_tags;
  bool skip_unknown_tags = false;
  // "zh" or "en": the language of the file-level refusals and of timestamp problems.
  std::string language = "en";
};

// Reads `in` to the end. With `historian` null it only validates. `progress` gets the number of
// bytes consumed so far. The error case is a file-level problem (no or unusable header).
Result<CsvImportReport> importCsv(std::istream& in, Historian* historian,
                                  const std::function<void(std::uint64_t)>& progress = {},
                                  const CsvImportOptions& options = {});
// The same into any store (openStore): the SQLite historian or a ClickHouse cluster.
class Store;
Result<CsvImportReport> importCsv(std::istream& in, Store& store, const std::function<void(std::uint64_t)>& progress = {},
                                  const CsvImportOptions& options = {});

}  // namespace parktwin::store
