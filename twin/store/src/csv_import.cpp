#include "parktwin/store/csv_import.hpp"
#include "parktwin/store/store.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <functional>
#include <map>
#include <string_view>

#include "parktwin/common/time_text.hpp"

namespace parktwin::store {
namespace {

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

// Splits one line on commas; double-quoted cells may contain commas and "" for a quote.
Result<std::vector<std::string>> splitCsv(std::string_view line) {
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
      cells.push_back(wasQuoted ? cell : std::string(trim(cell)));
      cell.clear();
      wasQuoted = false;
    } else {
      cell += c;
    }
  }
  if (quoted) return fail("unterminated quoted cell");
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

Result<double> parseValue(const std::string& cell) {
  const std::string text = withoutThousandsSeparators(cell);
  const std::string l = lower(text);
  if (l == "true") return 1.0;
  if (l == "false") return 0.0;
  double v = 0.0;
  const char* begin = text.data();
  if (!text.empty() && text[0] == '+') ++begin;
  const auto [end, ec] = std::from_chars(begin, text.data() + text.size(), v);
  if (text.empty() || ec != std::errc{} || end != text.data() + text.size()) {
    return fail("value '" + cell + "' is not a number");
  }
  return v;
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

Result<CsvImportReport> importInto(std::istream& in, const SampleSink* sink,
                                   const std::function<void(std::uint64_t)>& progress, const CsvImportOptions& options) {
  const TimeZone* zone = options.zoneless_in ? &*options.zoneless_in : nullptr;
  const bool zh = options.language == "zh";
  CsvImportReport report;
  std::string line;
  std::uint64_t lineNo = 0, bytes = 0;
  std::vector<std::string> header;
  while (header.empty() && std::getline(in, line)) {
    ++lineNo;
    bytes += line.size() + 1;
    // Excel's "CSV UTF-8" starts the file with a byte order mark.
    if (lineNo == 1 && line.starts_with("\xEF\xBB\xBF")) line.erase(0, 3);
    const auto t = trim(line);
    if (t.empty() || t.front() == '#') continue;
    if (!isUtf8(t)) return fail(atLine(lineNo, zh) + notUtf8(zh));
    auto cells = splitCsv(t);
    if (!cells) return fail(atLine(lineNo, zh) + (zh ? "表头：" : "header: ") + cells.error().message);
    header = std::move(*cells);
  }
  if (header.empty()) {
    return fail(zh ? "没有表头行（应为“ts,tag,value”或“ts,<测点>,<测点>...”）"
                   : "no header line (expected 'ts,tag,value' or 'ts,<tag>,<tag>...')");
  }
  if (!isTimeColumn(header[0])) {
    return fail(atLine(lineNo, zh) + (zh ? "表头第一列应为 ts、time、timestamp、时间、时间戳或日期时间，实为“" + header[0] + "”"
                                         : "header must start with ts, time or timestamp (or 时间, 时间戳, 日期时间), got '" +
                                               header[0] + "'"));
  }
  if (header.size() < 2) return fail(atLine(lineNo, zh) + (zh ? "表头没有测点列" : "header names no tag column"));
  report.wide = !(header.size() == 3 && lower(header[1]) == "tag" && lower(header[2]) == "value");
  for (std::size_t i = 1; report.wide && i < header.size(); ++i) {
    if (header[i].empty()) {
      return fail(atLine(lineNo, zh) + (zh ? "第 " + std::to_string(i + 1) + " 列没有测点名"
                                           : "column " + std::to_string(i + 1) + " has no tag name"));
    }
  }
  // With a park: whether a tag is the park's, decided (and its unit defined) once per tag.
  std::map<std::string, bool, std::less<>> parkKnows;
  const auto keep = [&](const std::string& tag) -> Result<bool> {
    if (!options.park_tags) return true;
    auto seen = parkKnows.find(tag);
    if (seen == parkKnows.end()) {
      const auto known = options.park_tags->find(tag);
      seen = parkKnows.emplace(tag, known != options.park_tags->end()).first;
      if (!seen->second) report.unknown_tags.push_back(tag);
      if (seen->second && sink != nullptr) {
        if (auto ok = sink->define(tag, known->second); !ok) return std::unexpected(ok.error());
      }
    }
    if (seen->second) return true;
    ++report.unknown_samples;
    return !options.skip_unknown_tags;
  };

  std::vector<std::pair<std::size_t, double>> values;
  while (std::getline(in, line)) {
    ++lineNo;
    bytes += line.size() + 1;
    if (progress && (lineNo & 0xFFF) == 0) progress(bytes);
    const auto t = trim(line);
    if (t.empty() || t.front() == '#') continue;
    ++report.lines;
    auto bad = [&](std::string reason) { report.bad_lines.push_back({lineNo, std::move(reason)}); };
    if (!isUtf8(t)) {
      bad(notUtf8(zh));
      continue;
    }
    auto cells = splitCsv(t);
    if (!cells) {
      bad(cells.error().message);
      continue;
    }
    if (cells->size() != header.size()) {
      bad("expected " + std::to_string(header.size()) + " cells, got " + std::to_string(cells->size()));
      continue;
    }
    auto read = parseTimestampIn((*cells)[0], zone, options.language);
    if (!read) {
      bad(read.error().message);
      continue;
    }
    const std::int64_t ts = read->utc_ms;
    values.clear();
    std::string reason;
    if (report.wide) {
      for (std::size_t i = 1; i < cells->size() && reason.empty(); ++i) {
        if ((*cells)[i].empty()) continue;
        auto v = parseValue((*cells)[i]);
        if (!v) reason = "column '" + header[i] + "': " + v.error().message;
        else values.emplace_back(i, *v);
      }
    } else if ((*cells)[1].empty()) {
      reason = "empty tag name";
    } else {
      auto v = parseValue((*cells)[2]);
      if (!v) reason = "tag '" + (*cells)[1] + "': " + v.error().message;
      else values.emplace_back(1, *v);
    }
    if (!reason.empty()) {
      bad(std::move(reason));
      continue;
    }
    if (read->zoneless && report.zoneless_times++ == 0) report.first_zoneless_ms = ts;
    for (const auto& [column, v] : values) {
      const std::string& tag = report.wide ? header[column] : (*cells)[1];
      auto kept = keep(tag);
      if (!kept) return fail(atLine(lineNo, zh) + kept.error().message);
      if (!*kept) continue;
      if (sink != nullptr) {
        if (auto ok = sink->append(tag, ts, v); !ok) return fail(atLine(lineNo, zh) + ok.error().message);
      }
      ++report.samples;
    }
  }
  if (progress) progress(bytes);
  return report;
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
