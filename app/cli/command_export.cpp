// parktwin-cli export --db park.db | --store URI [--tags a,b] [--from T] [--to T] [--format csv|json]
#include <cmath>
#include <cstdio>
#include <iostream>
#include <memory>

#include "command_registry.hpp"
#include "parktwin/common/number_text.hpp"
#include "parktwin/store/store.hpp"
#include "store_option.hpp"
#include "parktwin/common/iso_time.hpp"
#include "parktwin/common/time_text.hpp"

namespace parktwin::cli {
namespace {

struct ExportArgs {
  std::string db;
  std::vector<std::string> tags;
  std::string from, to, format = "csv";
};

std::string jsonString(const std::string& s) {
  std::string out = "\"";
  for (const char c : s) {
    if (c == '"' || c == '\\') {
      out += '\\';
      out += c;
    } else if (static_cast<unsigned char>(c) < 0x20) {
      char buffer[8];
      std::snprintf(buffer, sizeof buffer, "\\u%04x", static_cast<unsigned>(c));
      out += buffer;
    } else {
      out += c;
    }
  }
  return out + "\"";
}

// The shortest text that reads back to the same double (389.71, not 389.70999999999998).
std::string number(double v, bool json) {
  if (!std::isfinite(v) && json) return "null";
  return shortestText(v);
}

int runExport(const ExportArgs& args) {
  std::int64_t from = INT64_MIN, to = INT64_MAX;
  for (auto [text, target] : {std::pair{&args.from, &from}, std::pair{&args.to, &to}}) {
    if (text->empty()) continue;
    auto t = parseTimestamp(*text);
    if (!t) {
      std::cerr << t.error().message << "\n";
      return 2;
    }
    *target = *t;
  }
  auto opened = store::openStore(args.db, store::StoreOptions{.read_only = true, .historian = {}});
  if (!opened) {
    std::cerr << opened.error().message << "\n";
    return 2;
  }
  store::Store* historian = opened->get();
  std::vector<std::string> tags = args.tags;
  if (tags.empty()) {
    auto all = historian->tags();
    if (!all) {
      std::cerr << all.error().message << "\n";
      return 2;
    }
    for (const auto& t : *all) tags.push_back(t.name);
  }
  std::vector<std::vector<store::Sample>> series;  // read everything first: no half-written output on error
  for (const auto& tag : tags) {
    auto samples = historian->samplesBetween(tag, from, to);
    if (!samples) {
      std::cerr << samples.error().message << "\n";
      return 1;
    }
    series.push_back(std::move(*samples));
  }
  const bool json = args.format == "json";
  std::cout << (json ? "[" : "ts,tag,value\n");
  bool firstRow = true;
  for (std::size_t i = 0; i < tags.size(); ++i) {
    const std::string& tag = tags[i];
    for (const auto& s : series[i]) {
      if (json) {
        std::cout << (firstRow ? "\n" : ",\n") << "{\"ts\":\"" << formatIsoUtcMs(s.ts_ms) << "\",\"ts_ms\":" << s.ts_ms
                  << ",\"tag\":" << jsonString(tag) << ",\"value\":" << number(s.value, true) << "}";
      } else {
        const bool quote = tag.find_first_of(",\"") != std::string::npos;
        std::cout << formatIsoUtcMs(s.ts_ms) << "," << (quote ? jsonString(tag) : tag) << "," << number(s.value, false)
                  << "\n";
      }
      firstRow = false;
    }
  }
  if (json) std::cout << "\n]\n";
  return std::cout ? 0 : 1;
}

const bool registered = registerCommand({
    "export",
    {"Export samples from a historian file as CSV (ts,tag,value) or JSON",
     "把历史库文件中的样本导出为 CSV（ts,tag,value）或 JSON"},
    [](CLI::App& sub) {
      auto args = std::make_shared<ExportArgs>();
      auto* dbOption = sub.add_option("--db", args->db, say("Historian file", "历史库文件"))->check(CLI::ExistingFile);
      addStoreOption(sub, args->db, dbOption);
      sub.add_option("--tags", args->tags, say("Comma-separated tags (default: all)", "以逗号分隔的测点（默认：全部测点）"))->delimiter(',');
      sub.add_option("--from", args->from,
                     say("Start, inclusive (ISO-8601 or epoch s/ms; default: beginning)",
                         "起始时间，含该时刻（ISO-8601 或纪元秒/毫秒；默认：从最早的样本起）"));
      sub.add_option("--to", args->to, say("End, inclusive (default: end)", "结束时间，含该时刻（默认：到最后的样本）"));
      sub.add_option("--format", args->format, say("csv or json", "csv 或 json"))->check(CLI::IsMember({"csv", "json"}));
      return [args] { return storeGiven(args->db, "export") ? runExport(*args) : 2; };
    }});

}  // namespace
}  // namespace parktwin::cli
