// Every read of the ClickHouse store parses the node's TabSeparated answer with
// store::clickhouse::parseTsv / unescapeTsv, and every write escapes its fields with
// escapeTsv. Input: a response body. Properties: the rows hold every line (one row per '\n'
// piece, one field per '\t' piece, counted here by hand); an escaped field is unescaped back
// to itself (ClickHouse's own escaping rules, docs: "TabSeparated"), and the fields of a row
// re-escaped and joined by tabs parse back to the same row.
#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "clickhouse_http.hpp"

using namespace parktwin::store::clickhouse;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const auto rows = parseTsv(text);

  // Lines: the pieces between '\n', without an empty piece after a final '\n'.
  std::size_t lines = static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n'));
  if (!text.empty() && text.back() != '\n') ++lines;
  if (rows.size() != lines) std::abort();

  std::size_t fields = 0;
  for (const auto& row : rows) {
    if (row.empty()) std::abort();
    fields += row.size();
    std::string again;
    for (std::size_t i = 0; i < row.size(); ++i) {
      if (unescapeTsv(escapeTsv(row[i])) != row[i]) std::abort();
      again += (i ? "\t" : "") + escapeTsv(row[i]);
    }
    const auto reparsed = parseTsv(again + "\n");
    // An empty single-field row has no line of its own once joined: "" + "\n" is one row.
    if (reparsed.size() != 1 || reparsed.front() != row) std::abort();
  }
  if (fields != static_cast<std::size_t>(std::count(text.begin(), text.end(), '\t')) + rows.size()) std::abort();
  (void)quoteSql(text);
  return 0;
}
