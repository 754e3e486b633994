#pragma once
// One object of a park as JSON and back: the writer's and the reader's functions per object,
// shared with the editor's set-field command so that it reads a changed field with exactly the
// file's rules (park_writer.cpp, park_reader.cpp).
#include <nlohmann/json.hpp>

#include <string>

#include "parktwin/model/json_reader.hpp"
#include "parktwin/model/park.hpp"

namespace parktwin::model::detail {

// The park file format this build reads and writes (its "format" member).
inline constexpr const char* kParkFormat = "parktwin-park/1";

nlohmann::ordered_json toJson(const Zone& zone);
nlohmann::ordered_json toJson(const Road& road);
nlohmann::ordered_json toJson(const Building& building);
nlohmann::ordered_json toJson(const Enterprise& enterprise);
nlohmann::ordered_json toJson(const MachineGroup& group);
nlohmann::ordered_json toJson(const ProductionLine& line);
nlohmann::ordered_json toJson(const Utility& utility);
nlohmann::ordered_json toJson(const ExternalNode& node);
nlohmann::ordered_json toJson(const Tag& tag);
nlohmann::ordered_json toJson(const MaterialLink& link);
nlohmann::ordered_json toJson(const EnergyLink& link);
nlohmann::ordered_json toJson(const AlarmRule& rule);
nlohmann::ordered_json parkToJson(const Park& park);

// Readers of the file's shape (types, required keys, kinds, unknown keys); problems carry `path`.
Zone readZone(const json& value, const std::string& path, Problems& problems);
Road readRoad(const json& value, const std::string& path, Problems& problems);
Building readBuilding(const json& value, const std::string& path, Problems& problems);
Enterprise readEnterprise(const json& value, const std::string& path, Problems& problems);
ProductionLine readLine(const json& value, const std::string& path, Problems& problems);
Utility readUtility(const json& value, const std::string& path, Problems& problems);
ExternalNode readExternal(const json& value, const std::string& path, Problems& problems);
Tag readTag(const json& value, const std::string& path, Problems& problems);
MaterialLink readMaterialLink(const json& value, const std::string& path, Problems& problems);
EnergyLink readEnergyLink(const json& value, const std::string& path, Problems& problems);
AlarmRule readAlarmRule(const json& value, const std::string& path, Problems& problems);
Park readPark(const json& root, Problems& problems);

}  // namespace parktwin::model::detail
