#pragma once
// CSV import into a historian. Two layouts, told apart by the header:
//   long:  ts,tag,value            one sample per line (or 时间,测点,数值: tag may be 测点, 标签
//                                  or 位号, value 数值 or 值)
//   wide:  ts,tagA,tagB,...        one line per instant, an empty cell is "no sample"
// The first header cell must be ts, time or timestamp (or 时间, 时间戳, 日期时间). The file is
// UTF-8, with or without the BOM Excel's "CSV UTF-8" writes; other bytes (a GBK export) are
// refused rather than stored as garbled tag names. Timestamps: see parseTimestampIn(): a
// time written without a zone is the park's civil time when CsvImportOptions names its zone.
// A plain number below 1e8 in the time column is an Excel date number (a date column formatted
// as a number: 45839.375 is 2025-07-01 09:00, civil time like any zone-less time), as no plant
// data is dated by epoch seconds before 1973; from 1e8 on, epoch seconds or milliseconds.
// Values: numbers (nan/inf allowed), or true/false for states; what Excel and SCADA exports
// write for a missing reading (#N/A, #DIV/0!, - and --) is no sample, as an empty cell is.
// Excel's accounting format is read as the numbers it shows: "(1,234.50)" and "¥-1,234.50" are
// negative, a currency symbol (¥ ￥ $ € £) and the padding spaces are left out, and its zero, a
// dash with the spaces of its decimals after it (" -   ", "¥ -"), is 0 (counted apart); a bare
// "-" stays no reading, since reports and SCADA exports write it so.
// Blank lines and lines starting with '#' are skipped. A line whose time or shape is bad is
// rejected whole; a bad value cell of a wide line only itself, the line's other values are kept.
// Every rejection is reported with its line (and column) and reason.
#include <cstdint>
#include <functional>
#include <istream>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "parktwin/common/result.hpp"
#include "parktwin/common/time_zone.hpp"
#include "parktwin/store/historian.hpp"

namespace parktwin::store {

struct CsvLineError {
  std::uint64_t line = 0;    // 1-based
  std::uint64_t column = 0;  // 1-based, of a bad cell; 0: the whole line was rejected
  std::string reason;
};

struct CsvImportReport {
  bool wide = false;
  std::uint64_t lines = 0;    // data lines seen (header, blank and comment lines excluded)
  std::uint64_t samples = 0;  // samples accepted (or, without a historian, that would be)
  std::vector<CsvLineError> bad_lines;  // lines rejected whole
  std::vector<CsvLineError> bad_cells;  // value cells of a wide line left out, the rest of it kept
  std::uint64_t missing_marks = 0;      // cells saying "no reading" (#N/A, #DIV/0!, -, --)
  std::uint64_t accounting_zeros = 0;   // zeros written as Excel's accounting format does (" -   "), stored as 0
  // Good lines whose time was an Excel date number (also counted as zone-less), and the first
  // of them: its text and the instant it was read as.
  std::uint64_t excel_dates = 0;
  std::string first_excel_date;
  std::int64_t first_excel_date_ms = 0;
  // Good lines whose time named no zone, read in CsvImportOptions::zoneless_in (else as UTC),
  // and the first of them, as stored, for saying which offset that was.
  std::uint64_t zoneless_times = 0;
  std::int64_t first_zoneless_ms = 0;
  // With CsvImportOptions::park_tags: the tags of the file the park does not define, in the
  // order first seen, and their samples (left out under skip_unknown_tags, else stored).
  std::vector<std::string> unknown_tags;
  std::uint64_t unknown_samples = 0;
  // With CsvImportOptions::tag_named: (tag as the file writes it, the park's tag id it names),
  // in the order first seen, for the tags the file gives by name rather than by id.
  std::vector<std::pair<std::string, std::string>> named_tags;
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
  // With park_tags: the park tag id a tag the park does not define names (its name in a
  // sheet's header: model::tagIdForName), else nullopt; such a tag is stored as that id.
  std::function<std::optional<std::string>(const std::string& text)> tag_named;
  bool skip_unknown_tags = false;
  // "zh" or "en": the language of the refusals and of the reasons a line or cell was left out.
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
