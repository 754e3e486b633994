// parktwin-cli import DATA.csv --db park.db | --store URI [--strict] [--park P [--skip-unknown-tags]]:
// load samples into a store; with --park, times written without a zone are the park's civil
// time (its time_zone), the park's tags are stored with their units, and tags the park does not
// define are named in a warning (kept: a person chose this file; --skip-unknown-tags leaves them out),
// a tag the file gives by its name in the park (an Excel sheet's column header) is stored as that tag.
// An import that stores nothing leaves no new historian behind.
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <optional>
#include <sstream>

#include "command_registry.hpp"
#include "import_report.hpp"
#include "parktwin/model/kinds.hpp"
#include "parktwin/model/tag_names.hpp"
#include "parktwin/store/csv_import.hpp"
#include "parktwin/store/store.hpp"
#include "parktwin/store/store_uri.hpp"
#include "store_option.hpp"
#include "terminal.hpp"

namespace parktwin::cli {
namespace {

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
  // An Excel sheet made by people heads its columns with the tags' names, not their ids.
  options.tag_named = [kept = std::make_shared<const model::Park>(std::move(*park))](const std::string& text) {
    return model::tagIdForName(*kept, text);
  };
  return options;
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
  if (!check->bad_lines.empty() || !check->bad_cells.empty()) {
    listRejections(file, *check);
    const auto lines = check->bad_lines.size(), cells = check->bad_cells.size();
    std::string counted;
    if (lines > 0) counted = zh ? std::to_string(lines) + " 行有误" : std::to_string(lines) + (lines == 1 ? " bad line" : " bad lines");
    if (cells > 0) {
      counted += (counted.empty() ? "" : zh ? "，" : ", ") +
                 (zh ? std::to_string(cells) + " 个单元格有误" : std::to_string(cells) + (cells == 1 ? " bad cell" : " bad cells"));
    }
    std::cerr << file << (zh ? "：" + counted + "；--strict：未导入任何数据\n" : ": " + counted + "; --strict: nothing imported\n");
    return false;
  }
  in.clear();
  in.seekg(0);
  return true;
}

// The SQLite file `db` names when it does not exist yet (the import would create it), else empty.
std::filesystem::path fileToCreate(const std::string& db) {
  auto uri = store::parseStoreUri(db);
  if (!uri || uri->kind != store::StoreKind::sqlite) return {};
  std::error_code ec;
  return std::filesystem::exists(uri->sqlite_path, ec) || ec ? std::filesystem::path{} : std::filesystem::path(uri->sqlite_path);
}

// An import that stored nothing leaves no historian it created behind (QA: an empty .db after a
// file whose every line was refused looked like an import that worked). `store` is closed first.
void removeEmptyHistorian(std::unique_ptr<store::Store>& store, const std::filesystem::path& created,
                          const std::string& file, bool zh) {
  store.reset();
  std::error_code ec;
  for (const char* suffix : {"", "-wal", "-shm", "-journal"}) std::filesystem::remove(created.string() + suffix, ec);
  std::cerr << file << (zh ? "：未导入任何样本，未创建 " + created.string() + "\n"
                           : ": no sample imported; " + created.string() + " not created\n");
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
  const auto created = fileToCreate(db);
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
  sayImported(file, db, *report, *zones);
  if (report->samples == 0 && !created.empty()) removeEmptyHistorian(*historian, created, file, zh);
  return report->bad_lines.empty() && report->bad_cells.empty() ? 0 : 1;
}

const bool registered = registerCommand({
    "import",
    {"Import samples from CSV (ts,tag,value or ts,<tag>,<tag>...) into a historian file",
     "把 CSV（ts,tag,value 或 ts,<测点>,<测点>...）中的样本导入历史库文件"},
    [](CLI::App& sub) {
      auto o = std::make_shared<ImportOptions>();
      sub.add_option("file", o->file, say("CSV file", "CSV 文件"))->required();
      auto* dbOption = sub.add_option("--db", o->db, say("Historian file (created if missing)", "历史库文件（不存在时新建）"));
      addStoreOption(sub, o->db, dbOption);
      sub.add_flag("--strict", o->strict,
                   say("Import nothing if any line is bad (exit code 2)", "只要有一行有误，就一行也不导入（退出码 2）"));
      sub.add_option("--park", o->park,
                     say("Bundled park name (beidu, jiulong) or a park file: times written without a zone "
                         "(2026-06-01 08:00:00) are its civil time (its time_zone), not UTC; its tags get their units, "
                         "a tag written as its name in the park (Chinese or English, or with its unit: Line power(kW)) "
                         "is that tag, and the file's tags it does not define are named in a warning",
                         "内置园区名称（beidu、jiulong）或园区文件：不带时区的时间（2026-06-01 08:00:00）按园区当地时间"
                         "（其 time_zone）读取，而不是按 UTC；测点带上园区给的单位；写成园区中测点名称的测点（中文或英文，"
                         "或带单位：产线功率(kW)）即是该测点；文件中园区没有定义的测点在警告中列出"));
      sub.add_flag("--skip-unknown-tags", o->skipUnknownTags,
                   say("With --park: leave out the tags the park does not define", "与 --park 一起使用：略过园区没有定义的测点"));
      return [o] { return storeGiven(o->db, "import") ? runImport(*o) : 2; };
    }});

}  // namespace
}  // namespace parktwin::cli
