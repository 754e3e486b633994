#pragma once
// Scenario text for tests: a valid two-day scenario on a bundled park that each test changes.
#include <nlohmann/json.hpp>

#include <filesystem>
#include <string>

#include "parktwin/scenario/scenario.hpp"

namespace parktwin::scenario::test {

// The bundled data as the programs see it: parks/, scenarios/ and tours/ of assets/.
inline std::filesystem::path dataFolder() { return std::filesystem::path(PARKTWIN_SOURCE_DIR) / "assets"; }

inline std::filesystem::path scenarioFolder() { return dataFolder() / "scenarios"; }

inline nlohmann::json minimalScenario(const std::string& park = "beidu") {
  auto j = nlohmann::json::parse(R"({
    "format": "parktwin-scenario/1", "id": "test",
    "name": {"zh": "测试", "en": "test"}, "explanation": {"zh": "测试", "en": "test"},
    "start": "2026-07-15T00:00:00+08:00", "duration": "2d", "step": "1m", "seed": 5, "changes": []})");
  j["park"] = park;
  return j;
}

inline Result<Scenario> parse(const nlohmann::json& j) { return parseScenario(j.dump(), "test.json", scenarioFolder(), dataFolder()); }

}  // namespace parktwin::scenario::test
