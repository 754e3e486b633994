// parktwin-cli import DATA.csv --db park.db | --store URI [--strict] [--park P]: load samples into
// a store; with --park, times written without a zone are the park's civil time (its time_zone).
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <optional>
#include <sstream>

#include "command_registry.hpp"
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
bool headerReadable(std::ifstream& in, const std::string& file) {
  std::string headerLine;
  std::getline(in, headerLine);
  std::istringstream headerOnly(headerLine + "\n");
  if (auto header = store::importCsv(headerOnly, nullptr); !header) {
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
};

// --park's time zone for times written without one; nullopt after printing why it has none.
std::optional<store::CsvImportOptions> zoneOptions(const std::string& parkArgument) {
  store::CsvImportOptions options;
  if (parkArgument.empty()) return options;
  auto park = loadParkArgument(parkArgument);
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
  return options;
}

// Which zone the times written without one were read in: said, as a CSV's own clock is easy to mistake.
void sayZoneAssumed(const store::CsvImportReport& report, const store::CsvImportOptions& options) {
  if (report.zoneless_times == 0) return;
  std::cout << report.zoneless_times << " time(s) written without a zone read as ";
  if (options.zoneless_in) {
    std::cout << options.zoneless_in->name() << " (" << options.zoneless_in->offsetLabelAt(report.first_zoneless_ms)
              << "), the park's time zone\n";
  } else {
    std::cout << "UTC; give --park to read them in the park's time zone\n";
  }
}

int runImport(const ImportOptions& o) {
  const std::string& file = o.file;
  const std::string& db = o.db;
  const auto zones = zoneOptions(o.park);
  if (!zones) return 2;
  std::ifstream in(file, std::ios::binary);
  if (!in) {
    std::cerr << file << ": cannot open for reading\n";
    return 2;
  }
  std::error_code ec;
  const auto size = std::filesystem::file_size(file, ec);
  if (!headerReadable(in, file)) return 2;
  if (o.strict) {
    // Validate everything first: a strict import stores nothing unless every line is good.
    auto check = store::importCsv(in, nullptr);
    if (!check) {
      std::cerr << file << ": " << check.error().message << "\n";
      return 2;
    }
    if (!check->bad_lines.empty()) {
      listBadLines(file, *check);
      std::cerr << file << ": " << check->bad_lines.size() << " bad line(s); --strict: nothing imported\n";
      return 2;
    }
    in.clear();
    in.seekg(0);
  }
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
  std::cout << file << ": " << report->samples << " samples from " << report->lines - report->bad_lines.size() << " of "
            << report->lines << " lines (" << (report->wide ? "wide" : "long") << " format) into " << db << "\n";
  sayZoneAssumed(*report, *zones);
  if (!report->bad_lines.empty()) {
    std::cerr << file << ": " << report->bad_lines.size() << " bad line(s) skipped\n";
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
                     "(2026-06-01 08:00:00) are its civil time (its time_zone), not UTC");
      return [o] { return storeGiven(o->db, "import") ? runImport(*o) : 2; };
    }});

}  // namespace
}  // namespace parktwin::cli
