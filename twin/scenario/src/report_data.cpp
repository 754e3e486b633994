// CSV and JSON reports, and writing a report by extension.
#include <cerrno>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <system_error>
#include <sstream>

#include <nlohmann/json.hpp>

#include "parktwin/common/number_text.hpp"
#include "parktwin/common/system_reason.hpp"
#include "parktwin/flow/kpi_table.hpp"
#include "parktwin/scenario/report.hpp"
#include "parktwin/common/iso_time.hpp"
#include "parktwin/common/time_zone.hpp"

namespace parktwin::scenario {
namespace {

// Every digit a double has, no more (28.353, not 28.353000000000002), and no exponent for
// money or tonnes: a CSV is read by spreadsheets and people.
// A figure that does not exist (NaN, docs/scenario-format.md) is an empty CSV field.
std::string number(double x) { return std::isnan(x) ? std::string() : shortestText(x); }

std::string csvField(const std::string& s) {
  if (s.find_first_of(",\"\n") == std::string::npos) return s;
  std::string out = "\"";
  for (char c : s) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}

nlohmann::json seriesJson(const RunSeries& s) {
  const auto v = [](const std::vector<double>& xs) {
    nlohmann::json a = nlohmann::json::array();
    for (double x : xs) a.push_back((x));
    return a;
  };
  return {{"metal_t", v(s.metal_t)},          {"processed_t", v(s.processed_t)}, {"remelt_t", v(s.remelt_t)},
          {"load_kw", v(s.load_kw)},          {"grid_import_kw", v(s.grid_import_kw)},
          {"local_kw", v(s.local_kw)},        {"co2_t", v(s.co2_t)},             {"cost_yuan", v(s.cost_yuan)}};
}

nlohmann::json rankingJson(const std::vector<flow::PerMuRank>& ranking) {
  nlohmann::json a = nlohmann::json::array();
  for (const auto& r : ranking) {
    a.push_back({{"rank", r.rank}, {"enterprise", r.enterprise_id}, {"output_yuan_per_mu", (r.output_yuan_per_mu)},
                 {"tax_yuan_per_mu", (r.tax_yuan_per_mu)}});
  }
  return a;
}

}  // namespace

// ISO-8601 with the offset in force written ("2026-11-24T21:00:00+08:00"): the park's own clock
// as every other time of the report, and still one instant a program reads back.
std::string generatedText(const ScenarioResult& r, std::int64_t generated_utc_ms) {
  const TimeZone zone = model::parkTimeZone(r.base_park);
  const std::string local = formatIsoUtcMs(zone.toLocalMs(generated_utc_ms));  // "2026-11-24T21:00:00.000Z"
  return local.substr(0, 19) + zone.offsetLabelAt(generated_utc_ms).substr(3);  // + "+08:00" of "UTC+08:00"
}

std::string reportCsv(const ScenarioResult& r, std::int64_t generated_utc_ms) {
  std::ostringstream out;
  out << "# parktwin scenario " << r.scenario.id << ", park " << r.base_park.id << ", seed " << r.scenario.seed
      << ", " << formatIsoUtcMs(r.scenario.start_ms) << " .. " << formatIsoUtcMs(r.scenario.end_ms())
      << "\n# generated " << generatedText(r, generated_utc_ms) << "\n";
  if (const auto note = skippedTagsNote(r); !note.en.empty()) out << "# " << note.en << "\n";
  out << "kpi,unit,baseline,scenario,delta\n";
  for (const auto& d : r.deltas) {
    out << flow::kpiId(d.key) << "," << flow::kpiUnit(d.key, "en") << "," << number(d.baseline) << "," << number(d.scenario) << "," << number(d.delta())
        << "\n";
  }
  out << "\nhour_start_utc,run,metal_t,processed_t,remelt_t,load_kw,grid_import_kw,local_kw,co2_t,cost_yuan\n";
  for (const RunResult* run : {&r.baseline, &r.changed}) {
    const RunSeries& s = run->hourly;
    for (std::size_t i = 0; i < s.metal_t.size(); ++i) {
      out << formatIsoUtcMs(r.scenario.start_ms + static_cast<std::int64_t>(i) * r.bucket_ms) << ","
          << csvField(run->label) << "," << number(s.metal_t[i]) << "," << number(s.processed_t[i]) << ","
          << number(s.remelt_t[i]) << "," << number(s.load_kw[i]) << "," << number(s.grid_import_kw[i]) << ","
          << number(s.local_kw[i]) << "," << number(s.co2_t[i]) << "," << number(s.cost_yuan[i]) << "\n";
    }
  }
  return out.str();
}

std::string reportJson(const ScenarioResult& r, std::int64_t generated_utc_ms) {
  nlohmann::json kpis = nlohmann::json::array();
  for (const auto& d : r.deltas) {
    kpis.push_back({{"key", flow::kpiId(d.key)}, {"unit", flow::kpiUnit(d.key, "en")}, {"baseline", (d.baseline)}, {"scenario", (d.scenario)},
                    {"delta", (d.delta())}});
  }
  nlohmann::json assumptions = nlohmann::json::array();
  for (const auto& a : r.assumptions) assumptions.push_back({{"zh", a.zh}, {"en", a.en}});
  nlohmann::json changes = nlohmann::json::array();
  for (const auto& c : r.scenario.changes) {
    nlohmann::json one{{"type", changeKindName(c.kind)}, {"path", c.path}};
    if (!c.target.empty()) one["target"] = c.target;
    if (c.window) {
      one["from"] = formatIsoUtcMs(c.window->start_ms);
      one["until"] = formatIsoUtcMs(c.window->end_ms);
    }
    changes.push_back(one);
  }
  nlohmann::json out{
      {"scenario", r.scenario.id},
      {"name", {{"zh", r.scenario.name.zh}, {"en", r.scenario.name.en}}},
      {"park", r.base_park.id},
      {"seed", r.scenario.seed},
      {"start", formatIsoUtcMs(r.scenario.start_ms)},
      {"end", formatIsoUtcMs(r.scenario.end_ms())},
      {"step_s", r.scenario.step_ms / 1000},
      {"generated", generatedText(r, generated_utc_ms)},
      {"changes", changes},
      {"assumptions", assumptions},
      {"skipped_tags", r.skipped_tags},
      {"kpis", kpis},
      {"per_mu_ranking", {{"baseline", rankingJson(r.baseline.ranking)}, {"scenario", rankingJson(r.changed.ranking)}}},
      {"hourly", {{"baseline", seriesJson(r.baseline.hourly)}, {"scenario", seriesJson(r.changed.hourly)}}},
  };
  return out.dump(1) + "\n";
}

namespace {

bool knownReportExtension(const std::string& ext) { return ext == ".html" || ext == ".htm" || ext == ".csv" || ext == ".json"; }

std::unexpected<Error> unknownFormat(const std::filesystem::path& file, std::string_view language) {
  return fail(ErrorCode::invalid_input, file.string() + (language == "zh" ? "：未知的报告格式；请用 .html、.csv 或 .json 文件名"
                                                                          : ": unknown report format; use a .html, .csv or .json file name"));
}

// "<file>: cannot write the report in the folder <folder>: <reason>", in `language`.
std::unexpected<Error> cannotWrite(const std::filesystem::path& file, const std::filesystem::path& folder, int error,
                                   std::string_view language) {
  const std::string reason = systemReasonText(std::error_code(error, std::generic_category()), language);
  return fail(ErrorCode::invalid_input, file.string() + (language == "zh" ? "：无法在文件夹 " + folder.string() + " 中写入报告：" + reason
                                                                          : ": cannot write the report in the folder " + folder.string() + ": " + reason));
}

std::filesystem::path folderOf(const std::filesystem::path& file) { return file.has_parent_path() ? file.parent_path() : "."; }

}  // namespace

Result<void> writeReport(const ScenarioResult& result, const std::filesystem::path& file, const std::string& language,
                         std::int64_t generated_utc_ms) {
  const std::string ext = file.extension().string();
  std::string text;
  if (ext == ".html" || ext == ".htm") text = reportHtml(result, language, generated_utc_ms);
  else if (ext == ".csv") text = reportCsv(result, generated_utc_ms);
  else if (ext == ".json") text = reportJson(result, generated_utc_ms);
  else return unknownFormat(file, language);
  errno = 0;
  std::ofstream out(file, std::ios::binary);
  if (!out) return cannotWrite(file, folderOf(file), errno, language);
  out << text;
  out.close();
  if (!out) return cannotWrite(file, folderOf(file), errno, language);
  return {};
}

Result<void> checkReportFile(const std::filesystem::path& file, std::string_view language) {
  if (!knownReportExtension(file.extension().string())) return unknownFormat(file, language);
  const std::filesystem::path folder = folderOf(file);
  std::error_code ec;
  if (!std::filesystem::exists(folder, ec)) {
    return fail(ErrorCode::invalid_input, file.string() + (language == "zh" ? "：无法写入报告：文件夹 " + folder.string() + " 不存在"
                                                                            : ": cannot write the report: the folder " + folder.string() + " does not exist"));
  }
  if (!std::filesystem::is_directory(folder, ec)) return cannotWrite(file, folder, ENOTDIR, language);
  // Opening to append truncates nothing: an earlier report stays as it is until the run writes.
  const bool existed = std::filesystem::exists(file, ec);
  errno = 0;
  std::FILE* probe = std::fopen(file.c_str(), "ab");
  if (!probe) return cannotWrite(file, folder, errno, language);
  std::fclose(probe);
  if (!existed) std::filesystem::remove(file, ec);
  return {};
}

}  // namespace parktwin::scenario
