#pragma once
// Small helpers shared by subcommands: where the bundled data is, the one way a park or
// scenario argument becomes a file, time flags, and text widths on a terminal.
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

#include "parktwin/common/result.hpp"
#include "parktwin/model/park.hpp"
#include "progress_bar.hpp"

namespace parktwin::cli {

// This program's bundled data: <its folder>/../share/parktwin (model::bundledDataFolder).
const std::filesystem::path& dataFolder();

// `--park beidu` (a bundled park's name) or a park file's path, resolved and loaded; errors
// name the park file or list the bundled parks, in `language` ("zh" or "en").
Result<model::Park> loadParkArgument(const std::string& nameOrPath, std::string_view language = "en");

// A bundled scenario's name ("heat-wave") or a scenario file's path, resolved; an unknown name
// is refused in `language`.
Result<std::filesystem::path> scenarioPath(const std::string& nameOrPath, std::string_view language = "en");

// A duration flag (--duration 30d, --step 1m; parktwin::parseDurationMs) or an instant flag
// for `park` (--from 2026-01-01T08:00:00+08:00, or without a zone the park's civil time, or
// epoch seconds or ms; model::parkInstantMs) in milliseconds; nullopt after printing
// "<flag>: <why>" (in `language`) to stderr.
std::optional<std::int64_t> durationFlag(const char* flag, const std::string& text);
std::optional<std::int64_t> instantFlag(const char* flag, const std::string& text, const model::Park& park,
                                        std::string_view language);

// A park as a summary's first line names it: "Qijiang Beidu Aluminium Industrial Park / 綦江北渡铝产业园
// (beidu)", under zh the Chinese name first.
std::string parkTitle(const model::Park& park, std::string_view language);

// "1 tag", "2 tags": a count with its noun in the number the count takes (QA: "1 sources").
std::string counted(std::uint64_t n, std::string_view one, std::string_view many);

// Columns `text` (UTF-8) takes on a terminal, where a CJK character takes two.
std::size_t displayColumns(const std::string& text);
// `text` padded with spaces to `columns`; longer text is returned whole.
std::string padColumns(const std::string& text, std::size_t columns);
// `text` right-aligned in `columns` (spaces before it); longer text is returned whole.
std::string padColumnsLeft(const std::string& text, std::size_t columns);

}  // namespace parktwin::cli
