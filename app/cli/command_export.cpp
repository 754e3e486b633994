// parktwin-cli export --db park.db | --store URI [--tags a,b] [--from T] [--to T] [--format csv|json]
//                     [--park NAME|FILE [--times utc|park]]
// Times are written in UTC ("2026-06-01T00:00:00.000Z") unless --times park asks for the park's
// own clock with its offset ("2026-06-01T08:00:00.000+08:00"); `import` reads either back to the
// same instant. With --park, --from/--to without a zone are the park's civil time.
#include <cmath>
#include <cstdio>
#include <iostream>
#include <memory>
#include <optional>
#include <tuple>

#include "command_registry.hpp"
#include "parktwin/common/iso_time.hpp"
#include "parktwin/common/number_text.hpp"
#include "parktwin/common/time_text.hpp"
#include "parktwin/model/park_time.hpp"
#include "parktwin/store/store.hpp"
#include "store_option.hpp"
#include "terminal.hpp"

namespace parktwin::cli {
namespace {

struct ExportArgs {
  std::string db;
  std::vector<std::string> tags;
  std::string from, to, format = "csv";
  std::string park, times = "utc";
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

// --park, loaded; nullopt (no park) without it. False after printing why the park is of no use,
// or why --times park cannot be met.
bool loadPark(const ExportArgs& args, std::optional<model::Park>& park) {
  const bool zh = commandLanguage() == "zh";
  if (args.park.empty()) {
    if (args.times != "park") return true;
    std::cerr << (zh ? "export：--times park 需要 --park（用哪个园区的时钟）\n"
                     : "export: --times park needs --park (the park whose clock to write)\n");
    return false;
  }
  auto loaded = loadParkArgument(args.park, commandLanguage());
  if (!loaded) {
    std::cerr << loaded.error().message << "\n";
    return false;
  }
  park = std::move(*loaded);
  return true;
}

// --from and --to (a time without a zone on --park's clock: model::parkInstantMs); false after
// printing why one is not a time.
bool readRange(const ExportArgs& args, const model::Park* park, std::int64_t& from, std::int64_t& to) {
  for (auto [flag, text, target] : {std::tuple{"--from", &args.from, &from}, std::tuple{"--to", &args.to, &to}}) {
    if (text->empty()) continue;
    auto t = model::parkInstantMs(*text, park, commandLanguage());
    if (!t) {
      std::cerr << flag << ": " << t.error().message << "\n";
      return false;
    }
    *target = *t;
  }
  return true;
}

int runExport(const ExportArgs& args) {
  std::optional<model::Park> park;
  if (!loadPark(args, park)) return 2;
  std::int64_t from = INT64_MIN, to = INT64_MAX;
  if (!readRange(args, park ? &*park : nullptr, from, to)) return 2;
  // The park's zone read once, not at each of a long history's rows.
  const std::optional<TimeZone> clock = args.times == "park" ? std::optional(model::parkTimeZone(*park)) : std::nullopt;
  const auto timeText = [&clock](std::int64_t ms) { return clock ? isoTextIn(ms, *clock) : formatIsoUtcMs(ms); };
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
        std::cout << (firstRow ? "\n" : ",\n") << "{\"ts\":\"" << timeText(s.ts_ms) << "\",\"ts_ms\":" << s.ts_ms
                  << ",\"tag\":" << jsonString(tag) << ",\"value\":" << number(s.value, true) << "}";
      } else {
        const bool quote = tag.find_first_of(",\"") != std::string::npos;
        std::cout << timeText(s.ts_ms) << "," << (quote ? jsonString(tag) : tag) << "," << number(s.value, false)
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
                     say("Start, inclusive (ISO-8601 or epoch s/ms; default: beginning). Without a zone "
                         "(2026-06-01 08:00): the --park's civil time, or UTC without --park",
                         "起始时间，含该时刻（ISO-8601 或纪元秒/毫秒；默认：从最早的样本起）。不带时区的时间"
                         "（2026-06-01 08:00）按 --park 园区的当地时间计，未给 --park 时按 UTC 计"));
      sub.add_option("--to", args->to, say("End, inclusive (as --from; default: end)", "结束时间，含该时刻（同 --from；默认：到最后的样本）"));
      sub.add_option("--format", args->format, say("csv or json", "csv 或 json"))->check(CLI::IsMember({"csv", "json"}));
      sub.add_option("--park", args->park,
                     say("Park file, or the name of a bundled park (beidu, jiulong), whose clock --from/--to "
                         "without a zone and --times park are on (its time_zone)",
                         "园区文件或内置园区名（beidu、jiulong）：不带时区的 --from/--to 和 --times park 按其时区（time_zone）计"));
      sub.add_option("--times", args->times,
                     say("utc (default): 2026-06-01T00:00:00.000Z; park: the --park's civil time with its "
                         "offset, 2026-06-01T08:00:00.000+08:00 (import reads both back)",
                         "utc（默认）：2026-06-01T00:00:00.000Z；park：--park 园区的当地时间并带时差，"
                         "2026-06-01T08:00:00.000+08:00（import 两种都能读回）"))
          ->check(CLI::IsMember({"utc", "park"}));
      return [args] { return storeGiven(args->db, "export") ? runExport(*args) : 2; };
    }});

}  // namespace
}  // namespace parktwin::cli
