#include "parktwin/store/csv_import.hpp"
#include "parktwin/store/store.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <functional>
#include <map>
#include <optional>
#include <set>
#include <string_view>

#include "parktwin/common/time_text.hpp"

namespace parktwin::store {
namespace {

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

// Splits one line on commas; double-quoted cells may contain commas and "" for a quote. A cell
// not quoted loses the spaces around it; `asWritten`, where given, gets every cell with them
// (the spaces Excel's accounting format pads a cell with tell its zero from a bare dash).
Result<std::vector<std::string>> splitCsv(std::string_view line, bool zh, std::vector<std::string>* asWritten = nullptr) {
  std::vector<std::string> cells;
  std::string cell;
  bool quoted = false, wasQuoted = false;
  for (std::size_t i = 0; i < line.size(); ++i) {
    const char c = line[i];
    if (quoted) {
      if (c == '"' && i + 1 < line.size() && line[i + 1] == '"') {
        cell += '"';
        ++i;
      } else if (c == '"') {
        quoted = false;
      } else {
        cell += c;
      }
    } else if (c == '"' && trim(cell).empty()) {
      quoted = wasQuoted = true;
      cell.clear();
    } else if (c == ',') {
      if (asWritten) asWritten->push_back(cell);
      cells.push_back(wasQuoted ? cell : std::string(trim(cell)));
      cell.clear();
      wasQuoted = false;
    } else {
      cell += c;
    }
  }
  if (quoted) return fail(zh ? "引号未闭合" : "unterminated quoted cell");
  if (asWritten) asWritten->push_back(cell);
  cells.push_back(wasQuoted ? cell : std::string(trim(cell)));
  return cells;
}

std::string lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return s;
}

// "1,105.0" or "12,345": Excel's number format with thousands separators (a Chinese export
// writes them; '.' is the decimal point there). Only whole groups of three digits, so that no
// other use of a comma passes for one; the text without them, else as it was.
std::string withoutThousandsSeparators(const std::string& text) {
  const std::size_t sign = !text.empty() && (text[0] == '-' || text[0] == '+') ? 1 : 0;
  const std::size_t point = std::min(text.find('.'), text.size());
  const std::size_t firstComma = text.find(',');
  if (firstComma >= point || firstComma <= sign || firstComma - sign > 3 || (point - firstComma) % 4 != 0) return text;
  std::string plain = text.substr(0, firstComma);
  for (std::size_t at = firstComma; at < point; at += 4) {
    const std::string group = text.substr(at + 1, 3);
    if (text[at] != ',' || !std::ranges::all_of(group, [](char c) { return c >= '0' && c <= '9'; })) return text;
    plain += group;
  }
  return plain + text.substr(point);
}

// The text of a number (thousands separators allowed), or true/false; nullopt otherwise.
std::optional<double> parseValue(const std::string& cell) {
  const std::string text = withoutThousandsSeparators(cell);
  const std::string l = lower(text);
  if (l == "true") return 1.0;
  if (l == "false") return 0.0;
  double v = 0.0;
  const char* begin = text.data();
  if (!text.empty() && text[0] == '+') ++begin;
  const auto [end, ec] = std::from_chars(begin, text.data() + text.size(), v);
  if (text.empty() || ec != std::errc{} || end != text.data() + text.size()) return std::nullopt;
  return v;
}

// What a sheet writes where there is no reading: Excel's #N/A (a lookup found nothing) and
// #DIV/0! (a formula over an empty range), and the bare dashes of a report or SCADA export.
bool marksNoValue(std::string_view cell) {
  const std::string l = lower(std::string(cell));
  return l == "#n/a" || l == "#div/0!" || cell == "-" || cell == "--";
}

// The currency symbols Excel's accounting and currency formats put before a number: ¥ (and the
// full-width ￥ of a Chinese input method), $, €, £.
constexpr std::string_view kCurrencySymbols[] = {"\xC2\xA5", "\xEF\xBF\xA5", "$", "\xE2\x82\xAC", "\xC2\xA3"};

// `text` without a leading currency symbol and the spaces after it; `had` set when there was one.
std::string_view withoutCurrency(std::string_view text, bool& had) {
  for (const std::string_view symbol : kCurrencySymbols) {
    if (text.starts_with(symbol)) {
      had = true;
      return trim(text.substr(symbol.size()));
    }
  }
  return text;
}

// What a value cell says. Excel's accounting format (会计专用, _(* #,##0.00_);_(* (#,##0.00);
// _(* "-"??_)) saved as CSV writes the text it shows: numbers padded with spaces that line them
// up, a negative in parentheses, " (1,234.50)", or after the currency, " ¥-1,234.50 ", and zero
// as a dash followed by the spaces of its decimals and its closing pad, " -   ", " ¥ -   ". That
// trailing space (or a currency symbol) tells its zero from the bare "-" or "--" with which a
// report or SCADA export says there is no reading, which stays no reading.
enum class CellMeaning { number, accounting_zero, no_reading, not_a_number };
struct ValueCell {
  CellMeaning meaning = CellMeaning::not_a_number;
  double value = 0.0;
};

ValueCell readValueCell(std::string_view asWritten) {
  const std::string_view cell = trim(asWritten);
  bool currency = false, negative = false;
  std::string_view shown = withoutCurrency(cell, currency);
  if (!currency && shown.starts_with('-')) {  // "-¥1,234.50": the sign before the currency
    shown = withoutCurrency(shown.substr(1), currency);
    negative = currency;
    if (!currency) shown = cell;
  }
  const bool padded = !asWritten.empty() && (asWritten.back() == ' ' || asWritten.back() == '\t');
  if (shown == "-" && !negative && (currency || padded)) return {CellMeaning::accounting_zero, 0.0};
  if (marksNoValue(cell)) return {CellMeaning::no_reading};
  const bool parenthesised = shown.size() > 2 && shown.front() == '(' && shown.back() == ')';
  if (parenthesised) {
    if (negative) return {};
    shown = withoutCurrency(trim(shown.substr(1, shown.size() - 2)), currency);
    negative = true;
  }
  // Only a number carries a currency or parentheses (not true, false, nan or inf), and one
  // written negative by them has no sign of its own.
  const bool digitFirst = !shown.empty() && ((shown[0] >= '0' && shown[0] <= '9') || shown[0] == '.');
  if ((currency || parenthesised) && !digitFirst && !(currency && !negative && shown.starts_with('-'))) return {};
  const auto value = parseValue(std::string(shown));
  if (!value) return {};
  return {CellMeaning::number, negative ? -*value : *value};
}

// Where accepted samples go; null validates only. One parser for the historian and any Store.
struct SampleSink {
  std::function<Result<void>(const std::string& tag, std::int64_t ts_ms, double value)> append;
  std::function<Result<void>(const std::string& tag, const KnownTag& known)> define;
};

// Well-formed UTF-8 (no overlong forms, surrogates or code points past U+10FFFF). A GBK or
// GB18030 export of Chinese text fails this almost always: its two-byte characters mostly
// start with a byte that UTF-8 allows only as a continuation, or in the wrong sequence.
bool isUtf8(std::string_view s) {
  for (std::size_t i = 0; i < s.size();) {
    const auto c = static_cast<unsigned char>(s[i]);
    std::size_t extra = 0;
    unsigned lowest = 0, highest = 0xBF;  // bounds of the second byte
    if (c < 0x80) {
      ++i;
      continue;
    }
    if (c >= 0xC2 && c <= 0xDF) extra = 1, lowest = 0x80;
    else if (c == 0xE0) extra = 2, lowest = 0xA0;
    else if (c == 0xED) extra = 2, lowest = 0x80, highest = 0x9F;
    else if (c >= 0xE1 && c <= 0xEF) extra = 2, lowest = 0x80;
    else if (c == 0xF0) extra = 3, lowest = 0x90;
    else if (c >= 0xF1 && c <= 0xF3) extra = 3, lowest = 0x80;
    else if (c == 0xF4) extra = 3, lowest = 0x80, highest = 0x8F;
    else return false;
    if (i + extra >= s.size()) return false;  // cut short
    for (std::size_t k = 1; k <= extra; ++k) {
      const auto b = static_cast<unsigned char>(s[i + k]);
      if (k == 1 ? (b < lowest || b > highest) : (b < 0x80 || b > 0xBF)) return false;
    }
    i += extra + 1;
  }
  return true;
}

std::string atLine(std::uint64_t lineNo, bool zh) {
  return zh ? "第 " + std::to_string(lineNo) + " 行：" : "line " + std::to_string(lineNo) + ": ";
}

std::string notUtf8(bool zh) {
  return zh ? "文件不是 UTF-8 编码（请在 Excel 中另存为“CSV UTF-8”）" : "the file is not UTF-8 (save it as CSV UTF-8)";
}

// The first header cell: English as the format was written, and what a Chinese export names it.
bool isTimeColumn(const std::string& cell) {
  const std::string l = lower(cell);
  return l == "ts" || l == "time" || l == "timestamp" || cell == "时间" || cell == "时间戳" || cell == "日期时间";
}

// The long format's second and third header cells, in English and as a Chinese sheet names them.
bool isLongFormat(const std::vector<std::string>& header) {
  if (header.size() != 3) return false;
  const std::string tag = lower(header[1]), value = lower(header[2]);
  return (tag == "tag" || tag == "测点" || tag == "标签" || tag == "位号") && (value == "value" || value == "数值" || value == "值");
}

// Excel's 1900 date system: day 1 is 1900-01-01 and the fraction is the time of day. Excel also
// counts a 1900-02-29 that never was (day 60, kept from Lotus 1-2-3 for compatibility), so from
// day 61 (1900-03-01) on, day n is n days after 1899-12-30, and before it n days after 1899-12-31.
constexpr double kExcelDateBelow = 2'958'466;  // 10000-01-01, past Excel's last date
constexpr double kEpochSecondsFrom = 1e8;      // 1973-03-03 as epoch seconds
constexpr double kDaysFrom18991230To1970 = 25'569;
constexpr double kDayMs = 86'400'000;

// A time cell that is a plain number below kEpochSecondsFrom, read as an Excel date number in
// civil time (in `zone` when given); nullopt for any other text (parseTimestampIn's).
std::optional<Result<FileTimestamp>> excelDate(std::string_view text, const TimeZone* zone, bool zh) {
  const std::string cell(trim(text));
  double day = 0.0;
  const auto [end, ec] = std::from_chars(cell.data(), cell.data() + cell.size(), day);
  if (cell.empty() || ec != std::errc{} || end != cell.data() + cell.size() || !std::isfinite(day)) return std::nullopt;
  if (std::fabs(day) >= kEpochSecondsFrom) return std::nullopt;
  const std::string quoted = zh ? "时间“" + cell + "”：" : "timestamp '" + cell + "': ";
  if (day < 1 || day >= kExcelDateBelow) {
    return fail(quoted + (zh ? "既不是 Excel 日期序号（1 至 2958465），也不是纪元秒（1e8 起，即 1973 年以后）或毫秒"
                             : "neither an Excel date number (1 to 2958465) nor epoch seconds (from 1e8, i.e. 1973) or milliseconds"));
  }
  if (day >= 60 && day < 61) {
    return fail(quoted + (zh ? "Excel 日期序号 60 是 1900-02-29，这一天并不存在" : "Excel's date number 60 is 1900-02-29, a day that never was"));
  }
  const double fromEpochDays = (day >= 61 ? day : day + 1) - kDaysFrom18991230To1970;
  const auto civilMs = static_cast<std::int64_t>(std::llround(fromEpochDays * kDayMs));
  return FileTimestamp{zone ? zone->fromLocalMs(civilMs) : civilMs, true};
}

std::string notANumber(const std::string& where, const std::string& cell, bool zh) {
  return zh ? where + "：值“" + cell + "”不是数字" : where + ": value '" + cell + "' is not a number";
}

// One file's reading: the header, then each line into `sink` (null: validation only).
class CsvReading {
 public:
  CsvReading(const SampleSink* sink, const CsvImportOptions& options)
      : sink_(sink), options_(options), zone_(options.zoneless_in ? &*options.zoneless_in : nullptr), zh_(options.language == "zh") {}

  // The first line that is not blank or a comment, as the header; an error says what is wrong.
  Result<void> readHeader(std::istream& in);
  // One line after the header; an error only for a store failure (the file's lines are reported).
  Result<void> readLine(std::string_view t);

  CsvImportReport report;
  std::uint64_t lineNo = 0, bytes = 0;

 private:
  struct TagUse {
    std::string id;  // as stored
    bool known = true, kept = true;
  };
  Result<const TagUse*> tagFor(const std::string& text);
  void bad(std::string reason, std::uint64_t column = 0) {
    (column == 0 ? report.bad_lines : report.bad_cells).push_back({lineNo, column, std::move(reason)});
  }
  // The line's values as (column, value); false when the line is rejected whole.
  bool valuesOf(const std::vector<std::string>& cells, const std::vector<std::string>& asWritten);
  bool valueOf(const std::string& asWritten, double& value, bool& isBad);

  const SampleSink* sink_;
  const CsvImportOptions& options_;
  const TimeZone* zone_;
  bool zh_;
  std::vector<std::string> header_;
  std::map<std::string, TagUse, std::less<>> tags_;  // by the text in the file
  std::set<std::string, std::less<>> defined_;  // park tags defined in the store so far
  std::vector<std::pair<std::size_t, double>> values_;
};

Result<void> CsvReading::readHeader(std::istream& in) {
  std::string line;
  while (header_.empty() && std::getline(in, line)) {
    ++lineNo;
    bytes += line.size() + 1;
    // Excel's "CSV UTF-8" starts the file with a byte order mark.
    if (lineNo == 1 && line.starts_with("\xEF\xBB\xBF")) line.erase(0, 3);
    const auto t = trim(line);
    if (t.empty() || t.front() == '#') continue;
    if (!isUtf8(t)) return fail(atLine(lineNo, zh_) + notUtf8(zh_));
    auto cells = splitCsv(t, zh_);
    if (!cells) return fail(atLine(lineNo, zh_) + (zh_ ? "表头：" : "header: ") + cells.error().message);
    header_ = std::move(*cells);
  }
  if (header_.empty()) {
    return fail(zh_ ? "没有表头行（应为“ts,tag,value”或“ts,<测点>,<测点>...”）"
                    : "no header line (expected 'ts,tag,value' or 'ts,<tag>,<tag>...')");
  }
  if (!isTimeColumn(header_[0])) {
    return fail(atLine(lineNo, zh_) + (zh_ ? "表头第一列应为 ts、time、timestamp、时间、时间戳或日期时间，实为“" + header_[0] + "”"
                                           : "header must start with ts, time or timestamp (or 时间, 时间戳, 日期时间), got '" +
                                                 header_[0] + "'"));
  }
  if (header_.size() < 2) return fail(atLine(lineNo, zh_) + (zh_ ? "表头没有测点列" : "header names no tag column"));
  report.wide = !isLongFormat(header_);
  for (std::size_t i = 1; report.wide && i < header_.size(); ++i) {
    if (header_[i].empty()) {
      return fail(atLine(lineNo, zh_) + (zh_ ? "第 " + std::to_string(i + 1) + " 列没有测点名"
                                             : "column " + std::to_string(i + 1) + " has no tag name"));
    }
  }
  return {};
}

// With a park: whether a tag is the park's (by id, else by name), decided and its unit defined
// once per text in the file.
Result<const CsvReading::TagUse*> CsvReading::tagFor(const std::string& text) {
  if (auto seen = tags_.find(text); seen != tags_.end()) return &seen->second;
  TagUse use{text};
  if (options_.park_tags) {
    auto known = options_.park_tags->find(text);
    if (known == options_.park_tags->end() && options_.tag_named) {
      if (auto id = options_.tag_named(text); id && options_.park_tags->contains(*id)) {
        known = options_.park_tags->find(*id);
        use.id = *id;
        report.named_tags.emplace_back(text, *id);
      }
    }
    use.known = known != options_.park_tags->end();
    use.kept = use.known || !options_.skip_unknown_tags;
    if (!use.known) report.unknown_tags.push_back(text);
    if (use.known && sink_ != nullptr && defined_.insert(use.id).second) {
      if (auto ok = sink_->define(use.id, known->second); !ok) return std::unexpected(ok.error());
    }
  }
  return &tags_.emplace(text, std::move(use)).first->second;
}

// A value cell: true with its number in `value` (an accounting zero counted), false when it is
// empty or marks no reading (counted), or is no number (`isBad`).
bool CsvReading::valueOf(const std::string& asWritten, double& value, bool& isBad) {
  isBad = false;
  if (trim(asWritten).empty()) return false;
  const ValueCell read = readValueCell(asWritten);
  switch (read.meaning) {
    case CellMeaning::number: value = read.value; return true;
    case CellMeaning::accounting_zero: ++report.accounting_zeros; value = 0.0; return true;
    case CellMeaning::no_reading: ++report.missing_marks; return false;
    case CellMeaning::not_a_number: isBad = true; return false;
  }
  return false;
}

bool CsvReading::valuesOf(const std::vector<std::string>& cells, const std::vector<std::string>& asWritten) {
  values_.clear();
  double value = 0.0;
  bool isBad = false;
  if (!report.wide) {
    if (cells[1].empty()) {
      bad(zh_ ? "测点名为空" : "empty tag name");
      return false;
    }
    if (valueOf(asWritten[2], value, isBad)) values_.emplace_back(1, value);
    if (isBad) bad(notANumber(zh_ ? "测点“" + cells[1] + "”" : "tag '" + cells[1] + "'", cells[2], zh_));
    return !isBad;
  }
  for (std::size_t i = 1; i < cells.size(); ++i) {
    if (valueOf(asWritten[i], value, isBad)) values_.emplace_back(i, value);
    if (isBad) bad(notANumber(zh_ ? "“" + header_[i] + "”列" : "column '" + header_[i] + "'", cells[i], zh_), i + 1);
  }
  return true;
}

Result<void> CsvReading::readLine(std::string_view t) {
  ++report.lines;
  if (!isUtf8(t)) {
    bad(notUtf8(zh_));
    return {};
  }
  std::vector<std::string> asWritten;
  auto cells = splitCsv(t, zh_, &asWritten);
  if (!cells) {
    bad(cells.error().message);
    return {};
  }
  if (cells->size() != header_.size()) {
    const auto want = std::to_string(header_.size()), got = std::to_string(cells->size());
    bad(zh_ ? "应有 " + want + " 个单元格，实有 " + got + " 个" : "expected " + want + " cells, got " + got);
    return {};
  }
  const std::string& timeCell = (*cells)[0];
  const auto excel = excelDate(timeCell, zone_, zh_);
  auto read = excel ? *excel : parseTimestampIn(timeCell, zone_, options_.language);
  if (!read) {
    bad(read.error().message);
    return {};
  }
  if (!valuesOf(*cells, asWritten)) return {};
  const std::int64_t ts = read->utc_ms;
  if (read->zoneless && report.zoneless_times++ == 0) report.first_zoneless_ms = ts;
  if (excel && report.excel_dates++ == 0) {
    report.first_excel_date = timeCell;
    report.first_excel_date_ms = ts;
  }
  for (const auto& [column, v] : values_) {
    auto use = tagFor(report.wide ? header_[column] : (*cells)[1]);
    if (!use) return fail(atLine(lineNo, zh_) + use.error().message);
    if (!(*use)->known) ++report.unknown_samples;
    if (!(*use)->kept) continue;
    if (sink_ != nullptr) {
      if (auto ok = sink_->append((*use)->id, ts, v); !ok) return fail(atLine(lineNo, zh_) + ok.error().message);
    }
    ++report.samples;
  }
  return {};
}

Result<CsvImportReport> importInto(std::istream& in, const SampleSink* sink,
                                   const std::function<void(std::uint64_t)>& progress, const CsvImportOptions& options) {
  CsvReading reading(sink, options);
  if (auto ok = reading.readHeader(in); !ok) return std::unexpected(ok.error());
  std::string line;
  while (std::getline(in, line)) {
    ++reading.lineNo;
    reading.bytes += line.size() + 1;
    if (progress && (reading.lineNo & 0xFFF) == 0) progress(reading.bytes);
    const auto t = trim(line);
    if (t.empty() || t.front() == '#') continue;
    // Only the line end goes: the spaces after the last cell may be its accounting padding.
    std::string_view withoutLineEnd(line);
    if (withoutLineEnd.ends_with('\r')) withoutLineEnd.remove_suffix(1);
    if (auto ok = reading.readLine(withoutLineEnd); !ok) return std::unexpected(ok.error());
  }
  if (progress) progress(reading.bytes);
  return std::move(reading.report);
}

}  // namespace

Result<CsvImportReport> importCsv(std::istream& in, Historian* historian,
                                  const std::function<void(std::uint64_t)>& progress, const CsvImportOptions& options) {
  if (historian == nullptr) return importInto(in, nullptr, progress, options);
  const SampleSink sink{
      [historian](const std::string& tag, std::int64_t ts, double v) { return historian->append(tag, ts, v); },
      [historian](const std::string& tag, const KnownTag& k) { return historian->defineTag(tag, k.unit, k.kind); }};
  return importInto(in, &sink, progress, options);
}

Result<CsvImportReport> importCsv(std::istream& in, Store& store, const std::function<void(std::uint64_t)>& progress,
                                  const CsvImportOptions& options) {
  const SampleSink sink{[&store](const std::string& tag, std::int64_t ts, double v) { return store.append(tag, ts, v); },
                        [&store](const std::string& tag, const KnownTag& k) { return store.defineTag(tag, k.unit, k.kind); }};
  return importInto(in, &sink, progress, options);
}

}  // namespace parktwin::store
