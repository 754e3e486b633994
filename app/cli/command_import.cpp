// parktwin-cli import DATA.csv --db park.db | --store URI [--strict] [--park P [--skip-unknown-tags]]:
// load samples into a store; with --park, times written without a zone are the park's civil
// time (its time_zone), the park's tags are stored with their units, and tags the park does not
// define are named in a warning (kept: a person chose this file; --skip-unknown-tags leaves them out).
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <optional>
#include <sstream>

#include "command_registry.hpp"
#include "parktwin/model/kinds.hpp"
#include "parktwin/store/csv_import.hpp"
#include "parktwin/store/store.hpp"
#include "store_option.hpp"
#include "terminal.hpp"

namespace parktwin::cli {
namespace {

void listBadLines(const std::string& file, const store::CsvImportReport& report) {
  for (const auto& bad : report.bad_lines) std::cerr << file << ":" << bad.line << ": " << bad.reason << "\n";
}

// The header alone, read before the historian is opened: a file that is no CSV of samples
// leaves no new database behind. Rewinds `in`.
bool headerReadable(std::ifstream& in, const std::string& file, const store::CsvImportOptions& options) {
  std::string headerLine;
  std::getline(in, headerLine);
  std::istringstream headerOnly(headerLine + "\n");
  if (auto header = store::importCsv(headerOnly, nullptr, {}, options); !header) {
    std::cerr << file << ": " << header.error().message << "\n";
    return false;
  }
  in.clear();
  in.seekg(0);
  return true;
}

struct ImportOptions {
  std::string file, db, park;
  bool strict = false;
  bool skipUnknownTags = false;
};

// --park's time zone for times written without one and its tags; nullopt after printing why
// the park is of no use.
std::optional<store::CsvImportOptions> parkOptions(const ImportOptions& o) {
  store::CsvImportOptions options;
  options.language = commandLanguage();
  options.skip_unknown_tags = o.skipUnknownTags;
  const std::string& parkArgument = o.park;
  if (parkArgument.empty()) return options;
  auto park = loadParkArgument(parkArgument, options.language);
  if (!park) {
    std::cerr << park.error().message << "\n";
    return std::nullopt;
  }
  auto zone = TimeZone::load(park->time_zone);
  if (!zone) {
    std::cerr << "--park " << parkArgument << ": time zone " << park->time_zone << ": " << zone.error().message << "\n";
    return std::nullopt;
  }
  options.zoneless_in = std::move(*zone);
  auto& tags = options.park_tags.emplace();
  for (const auto& tag : park->tags) tags.emplace(tag.id, store::KnownTag{tag.unit, std::string(model::toText(tag.kind))});
  return options;
}

// Which zone the times written without one were read in: said, as a CSV's own clock is easy to mistake.
void sayZoneAssumed(const store::CsvImportReport& report, const store::CsvImportOptions& options) {
  if (report.zoneless_times == 0) return;
  if (options.language == "zh") {
    std::cout << report.zoneless_times << " 个未写时区的时间按 "
              << (options.zoneless_in ? options.zoneless_in->name() + "（" +
                                            options.zoneless_in->offsetLabelAt(report.first_zoneless_ms) + "，园区时区）读入\n"
                                      : std::string("UTC 读入；给出 --park 则按园区时区读入\n"));
    return;
  }
  std::cout << report.zoneless_times << (report.zoneless_times == 1 ? " time" : " times") << " written without a zone read as ";
  if (options.zoneless_in) {
    std::cout << options.zoneless_in->name() << " (" << options.zoneless_in->offsetLabelAt(report.first_zoneless_ms)
              << "), the park's time zone\n";
  } else {
    std::cout << "UTC; give --park to read them in the park's time zone\n";
  }
}

// Tags the park does not define, named (the first few) so that a typo or a foreign export is
// seen before anyone wonders why the window shows nothing for them.
void warnUnknownTags(const std::string& file, const store::CsvImportReport& report, const store::CsvImportOptions& options) {
  const auto& unknown = report.unknown_tags;
  if (unknown.empty()) return;
  const bool zh = options.language == "zh";
  constexpr std::size_t kNamed = 5;
  std::string names;
  for (std::size_t i = 0; i < std::min(unknown.size(), kNamed); ++i) names += (i == 0 ? "" : zh ? "、" : ", ") + unknown[i];
  if (unknown.size() > kNamed) {
    names += zh ? " 等（另有 " + std::to_string(unknown.size() - kNamed) + " 个）" : ", ... (" + std::to_string(unknown.size() - kNamed) + " more)";
  }
  const std::string samples = std::to_string(report.unknown_samples);
  const bool one = unknown.size() == 1, oneSample = report.unknown_samples == 1;
  if (zh) {
    std::cerr << file << "：警告：园区未定义的测点 " << unknown.size() << " 个（" << samples << " 个样本）：" << names
              << (options.skip_unknown_tags ? "；已略过，未导入\n" : "；已导入（没有单位），加 --skip-unknown-tags 可略过它们\n");
    return;
  }
  std::cerr << file << ": warning: " << unknown.size() << (one ? " tag" : " tags") << " the park does not define (" << samples
            << (oneSample ? " sample" : " samples") << "): " << names
            << (options.skip_unknown_tags ? "; left out\n"
                                          : (one ? "; stored without a unit (--skip-unknown-tags leaves it out)\n"
                                                 : "; stored without units (--skip-unknown-tags leaves them out)\n"));
}

void saySummary(const ImportOptions& o, const store::CsvImportReport& report, const store::CsvImportOptions& options) {
  const auto good = report.lines - report.bad_lines.size();
  if (options.language == "zh") {
    std::cout << o.file << "：从 " << report.lines << " 行中的 " << good << " 行导入 " << report.samples << " 个样本（"
              << (report.wide ? "宽" : "长") << "格式）到 " << o.db << "\n";
    return;
  }
  std::cout << o.file << ": " << report.samples << (report.samples == 1 ? " sample" : " samples") << " from " << good << " of "
            << report.lines << (report.lines == 1 ? " line" : " lines") << " (" << (report.wide ? "wide" : "long")
            << " format) into " << o.db << "\n";
}

// --strict: everything validated first, and nothing stored unless every line is good. Rewinds
// `in`; false after saying why not.
bool strictlyGood(std::ifstream& in, const std::string& file, const store::CsvImportOptions& options) {
  const bool zh = options.language == "zh";
  auto check = store::importCsv(in, nullptr, {}, options);
  if (!check) {
    std::cerr << file << ": " << check.error().message << "\n";
    return false;
  }
  if (!check->bad_lines.empty()) {
    listBadLines(file, *check);
    const auto bad = check->bad_lines.size();
    std::cerr << file << (zh ? "：" + std::to_string(bad) + " 行有误；--strict：未导入任何数据\n"
                             : ": " + std::to_string(bad) + (bad == 1 ? " bad line" : " bad lines") + "; --strict: nothing imported\n");
    return false;
  }
  in.clear();
  in.seekg(0);
  return true;
}

int runImport(const ImportOptions& o) {
  const std::string& file = o.file;
  const std::string& db = o.db;
  const auto zones = parkOptions(o);
  if (!zones) return 2;
  const bool zh = zones->language == "zh";
  std::ifstream in(file, std::ios::binary);
  if (!in) {
    std::cerr << file << (zh ? "：无法打开读取\n" : ": cannot open for reading\n");
    return 2;
  }
  std::error_code ec;
  const auto size = std::filesystem::file_size(file, ec);
  if (!headerReadable(in, file, *zones)) return 2;
  if (o.strict && !strictlyGood(in, file, *zones)) return 2;
  store::StoreOptions options;
  options.historian.commit_every_ms = 5000;
  options.historian.commit_every_samples = 200'000;
  auto historian = store::openStore(db, options);
  if (!historian) {
    std::cerr << historian.error().message << "\n";
    return 2;
  }
  ProgressBar bar("import", ec ? 0 : size);
  auto report = store::importCsv(in, **historian, [&](std::uint64_t bytes) { bar.update(bytes); }, *zones);
  if (!report) {
    std::cerr << file << ": " << report.error().message << "\n";
    return 2;
  }
  auto flushed = (*historian)->flush();
  if (!flushed) {
    std::cerr << db << ": " << flushed.error().message << "\n";
    return 2;
  }
  listBadLines(file, *report);
  saySummary(o, *report, *zones);
  sayZoneAssumed(*report, *zones);
  warnUnknownTags(file, *report, *zones);
  if (!report->bad_lines.empty()) {
    const auto bad = report->bad_lines.size();
    std::cerr << file << (zh ? "：跳过了 " + std::to_string(bad) + " 行有误的数据\n"
                             : ": " + std::to_string(bad) + (bad == 1 ? " bad line" : " bad lines") + " skipped\n");
    return 1;
  }
  return 0;
}

const bool registered = registerCommand({
    "import", "Import samples from CSV (ts,tag,value or ts,<tag>,<tag>...) into a historian file",
    [](CLI::App& sub) {
      auto o = std::make_shared<ImportOptions>();
      sub.add_option("file", o->file, "CSV file")->required();
      auto* dbOption = sub.add_option("--db", o->db, "Historian file (created if missing)");
      addStoreOption(sub, o->db, dbOption);
      sub.add_flag("--strict", o->strict, "Import nothing if any line is bad (exit code 2)");
      sub.add_option("--park", o->park,
                     "Bundled park name (beidu, jiulong) or a park file: times written without a zone "
                     "(2026-06-01 08:00:00) are its civil time (its time_zone), not UTC; its tags get their units, "
                     "and the file's tags it does not define are named in a warning");
      sub.add_flag("--skip-unknown-tags", o->skipUnknownTags, "With --park: leave out the tags the park does not define");
      return [o] { return storeGiven(o->db, "import") ? runImport(*o) : 2; };
    }});

}  // namespace
}  // namespace parktwin::cli
