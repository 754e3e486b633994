#pragma once
// Reports of a scenario result: one self-contained HTML page (inline CSS and SVG charts, zh or
// en) a planner can e-mail, a CSV of KPIs and hourly series, and JSON. The only line that
// differs between two reports of the same inputs is the generation-time line. KPI keys, units
// and labels come from the KPI table (flow/kpi_table.hpp); CSV and JSON numbers are the
// shortest text that reads back to the same double (common/number_text.hpp).
#include <filesystem>
#include <string>

#include "parktwin/common/result.hpp"
#include "parktwin/scenario/runner.hpp"

namespace parktwin::scenario {

// `language`: "zh" or "en". `generated_at`: shown once, e.g. "2026-11-24T13:00:00Z".
std::string reportHtml(const ScenarioResult& result, const std::string& language, const std::string& generated_at);
std::string reportCsv(const ScenarioResult& result, const std::string& generated_at);
std::string reportJson(const ScenarioResult& result, const std::string& generated_at);

// Writes the format the extension names (.html, .csv, .json).
Result<void> writeReport(const ScenarioResult& result, const std::filesystem::path& file, const std::string& language,
                         const std::string& generated_at);

}  // namespace parktwin::scenario
