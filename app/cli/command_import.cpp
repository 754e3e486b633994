// parktwin-cli import DATA.csv --db park.db | --store URI [--strict]: load samples into a store.
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
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

int runImport(const std::string& file, const std::string& db, bool strict) {
  std::ifstream in(file, std::ios::binary);
  if (!in) {
    std::cerr << file << ": cannot open for reading\n";
    return 2;
  }
  std::error_code ec;
  const auto size = std::filesystem::file_size(file, ec);
  if (!headerReadable(in, file)) return 2;
  if (strict) {
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
  auto report = store::importCsv(in, **historian, [&](std::uint64_t bytes) { bar.update(bytes); });
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
  if (!report->bad_lines.empty()) {
    std::cerr << file << ": " << report->bad_lines.size() << " bad line(s) skipped\n";
    return 1;
  }
  return 0;
}

const bool registered = registerCommand({
    "import", "Import samples from CSV (ts,tag,value or ts,<tag>,<tag>...) into a historian file",
    [](CLI::App& sub) {
      auto file = std::make_shared<std::string>();
      auto db = std::make_shared<std::string>();
      auto strict = std::make_shared<bool>(false);
      sub.add_option("file", *file, "CSV file")->required();
      auto* dbOption = sub.add_option("--db", *db, "Historian file (created if missing)");
      addStoreOption(sub, *db, dbOption);
      sub.add_flag("--strict", *strict, "Import nothing if any line is bad (exit code 2)");
      return [file, db, strict] { return storeGiven(*db, "import") ? runImport(*file, *db, *strict) : 2; };
    }});

}  // namespace
}  // namespace parktwin::cli
