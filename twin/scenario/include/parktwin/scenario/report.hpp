#pragma once
// Reports of a scenario result: one self-contained HTML page (inline CSS and SVG charts, zh or
// en) a planner can e-mail, a CSV of KPIs and hourly series, and JSON. The only line that
// differs between two reports of the same inputs is the generation-time line. KPI keys, units
// and labels come from the KPI table (flow/kpi_table.hpp); CSV and JSON numbers are the
// shortest text that reads back to the same double (common/number_text.hpp).
#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>

#include "parktwin/common/result.hpp"
#include "parktwin/scenario/runner.hpp"

namespace parktwin::scenario {

// `language`: "zh" or "en". `generated_utc_ms`: when the report was made, shown once in the
// park's civil time with its offset, as every time of the report is ("2026-11-24T21:00:00+08:00").
std::string reportHtml(const ScenarioResult& result, const std::string& language, std::int64_t generated_utc_ms);
std::string reportCsv(const ScenarioResult& result, std::int64_t generated_utc_ms);
std::string reportJson(const ScenarioResult& result, std::int64_t generated_utc_ms);
// The generation time as the reports write it.
std::string generatedText(const ScenarioResult& result, std::int64_t generated_utc_ms);

// Writes the format the extension names (.html, .csv, .json). A refusal names the file and
// the system's reason, in `language`.
Result<void> writeReport(const ScenarioResult& result, const std::filesystem::path& file, const std::string& language,
                         std::int64_t generated_utc_ms);

// Whether `file` can take a report, asked before a run so that the run is not spent on a
// report it cannot write (QA: a run, then "cannot write the report" without a reason): a known
// extension, an existing folder, and the right to write there. A refusal (invalid_input) names
// the folder and the system's reason, in `language` ("zh" or "en"). Leaves no file behind.
Result<void> checkReportFile(const std::filesystem::path& file, std::string_view language);

}  // namespace parktwin::scenario
