#include "parktwin/store/csv_import.hpp"
#include "parktwin/store/store.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
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

Result<double> parseValue(const std::string& text) {
  const std::string l = lower(text);
  if (l == "true") return 1.0;
  if (l == "false") return 0.0;
  double v = 0.0;
  const char* begin = text.data();
  if (!text.empty() && text[0] == '+') ++begin;
  const auto [end, ec] = std::from_chars(begin, text.data() + text.size(), v);
  if (text.empty() || ec != std::errc{} || end != text.data() + text.size()) {
    return fail("value '" + text + "' is not a number");
  }
  return v;
}

// Where accepted samples go; null validates only. One parser for the historian and any Store.
using SampleSink = std::function<Result<void>(const std::string& tag, std::int64_t ts_ms, double value)>;

Result<CsvImportReport> importInto(std::istream& in, const SampleSink* sink,
                                   const std::function<void(std::uint64_t)>& progress, const CsvImportOptions& options) {
  const TimeZone* zone = options.zoneless_in ? &*options.zoneless_in : nullptr;
  CsvImportReport report;
  std::string line;
  std::uint64_t lineNo = 0, bytes = 0;
  std::vector<std::string> header;
  while (header.empty() && std::getline(in, line)) {
    ++lineNo;
    bytes += line.size() + 1;
    const auto t = trim(line);
    if (t.empty() || t.front() == '#') continue;
    auto cells = splitCsv(t);
    if (!cells) return fail("line " + std::to_string(lineNo) + ": header: " + cells.error().message);
    header = std::move(*cells);
  }
  if (header.empty()) return fail("no header line (expected 'ts,tag,value' or 'ts,<tag>,<tag>...')");
  const std::string first = lower(header[0]);
  if (first != "ts" && first != "time" && first != "timestamp") {
    return fail("line " + std::to_string(lineNo) + ": header must start with ts, time or timestamp, got '" + header[0] + "'");
  }
  if (header.size() < 2) return fail("line " + std::to_string(lineNo) + ": header names no tag column");
  report.wide = !(header.size() == 3 && lower(header[1]) == "tag" && lower(header[2]) == "value");
  for (std::size_t i = 1; report.wide && i < header.size(); ++i) {
    if (header[i].empty()) return fail("line " + std::to_string(lineNo) + ": column " + std::to_string(i + 1) + " has no tag name");
  }

  std::vector<std::pair<std::size_t, double>> values;
  while (std::getline(in, line)) {
    ++lineNo;
    bytes += line.size() + 1;
    if (progress && (lineNo & 0xFFF) == 0) progress(bytes);
    const auto t = trim(line);
    if (t.empty() || t.front() == '#') continue;
    ++report.lines;
    auto bad = [&](std::string reason) { report.bad_lines.push_back({lineNo, std::move(reason)}); };
    auto cells = splitCsv(t);
    if (!cells) {
      bad(cells.error().message);
      continue;
    }
    if (cells->size() != header.size()) {
      bad("expected " + std::to_string(header.size()) + " cells, got " + std::to_string(cells->size()));
      continue;
    }
    auto read = parseTimestampIn((*cells)[0], zone);
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
      if (sink != nullptr) {
        const std::string& tag = report.wide ? header[column] : (*cells)[1];
        if (auto ok = (*sink)(tag, ts, v); !ok) return fail("line " + std::to_string(lineNo) + ": " + ok.error().message);
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
  const SampleSink sink = [historian](const std::string& tag, std::int64_t ts, double v) { return historian->append(tag, ts, v); };
  return importInto(in, &sink, progress, options);
}

Result<CsvImportReport> importCsv(std::istream& in, Store& store, const std::function<void(std::uint64_t)>& progress,
                                  const CsvImportOptions& options) {
  const SampleSink sink = [&store](const std::string& tag, std::int64_t ts, double v) { return store.append(tag, ts, v); };
  return importInto(in, &sink, progress, options);
}

}  // namespace parktwin::store
