#include "feature_mapping.hpp"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <map>

namespace parktwin::geo::detail {
namespace {
std::string textProperty(const nlohmann::json& p, const std::string& key) {
  auto it = p.find(key);
  return it != p.end() && it->is_string() ? it->get<std::string>() : std::string();
}
}  // namespace

std::optional<double> numberProperty(const nlohmann::json& p, const std::string& key) {
  auto it = p.find(key);
  if (it == p.end()) return std::nullopt;
  if (it->is_number()) return it->get<double>();
  if (!it->is_string()) return std::nullopt;
  const std::string text = it->get<std::string>();
  char* end = nullptr;
  const double x = std::strtod(text.c_str(), &end);
  if (end == text.c_str() || !std::isfinite(x)) return std::nullopt;
  return x;
}

std::optional<double> heightOf(const nlohmann::json& p, double storeyHeight_m) {
  for (const char* key : {"height", "height_m"}) {
    if (auto h = numberProperty(p, key); h && *h > 0) return h;
  }
  if (auto levels = numberProperty(p, "building:levels"); levels && *levels > 0) return *levels * storeyHeight_m;
  return std::nullopt;
}

std::string unusableSize(const nlohmann::json& p, std::initializer_list<const char*> keys) {
  for (const char* key : keys) {
    auto it = p.find(key);
    if (it == p.end()) continue;
    if (auto x = numberProperty(p, key); !x || *x <= 0) return std::string(key) + " " + it->dump();
  }
  return {};
}

model::LocalizedText nameOf(const nlohmann::json& p) {
  const std::string plain = textProperty(p, "name");
  std::string zh = textProperty(p, "name:zh"), en = textProperty(p, "name:en");
  return {zh.empty() ? plain : zh, en.empty() ? plain : en};
}

bool namedInBothLanguages(const model::LocalizedText& name) {
  // UTF-8 of the CJK Unified Ideographs (U+4E00..U+9FFF) starts with a byte 0xE4..0xE9.
  const bool han = std::ranges::any_of(name.en, [](char c) {
    const auto b = static_cast<unsigned char>(c);
    return b >= 0xE4 && b <= 0xE9;
  });
  return !name.zh.empty() && name.zh != name.en && !han;
}

bool isZone(const nlohmann::json& p) { return p.contains("landuse") || p.contains("zone"); }

std::optional<model::ZoneKind> zoneKindOf(const nlohmann::json& p) {
  std::string word = textProperty(p, "zone");
  if (word.empty()) word = textProperty(p, "landuse");
  if (auto kind = model::parseKind<model::ZoneKind>(word)) return kind;
  static const std::map<std::string, model::ZoneKind> kLanduse{
      {"commercial", model::ZoneKind::logistics}, {"retail", model::ZoneKind::logistics},
      {"railway", model::ZoneKind::logistics},    {"port", model::ZoneKind::logistics},
      {"grass", model::ZoneKind::green},          {"forest", model::ZoneKind::green},
      {"meadow", model::ZoneKind::green},         {"recreation_ground", model::ZoneKind::green},
      {"basin", model::ZoneKind::water},          {"reservoir", model::ZoneKind::water},
      {"construction", model::ZoneKind::planned}, {"greenfield", model::ZoneKind::planned},
      {"brownfield", model::ZoneKind::planned}};
  auto it = kLanduse.find(word);
  return it == kLanduse.end() ? std::nullopt : std::optional(it->second);
}

model::BuildingKind buildingKindOf(const nlohmann::json& p) {
  // The park format's own kinds first ("substation", "port", "lab"...), then OpenStreetMap's
  // words for what it has no kind of its own for; a mapped substation (power=substation) is one.
  const std::string word = textProperty(p, "building");
  if (auto kind = model::parseKind<model::BuildingKind>(word)) return *kind;
  if (textProperty(p, "power") == "substation") return model::BuildingKind::substation;
  static const std::map<std::string, model::BuildingKind> kBuilding{
      {"warehouse", model::BuildingKind::warehouse}, {"office", model::BuildingKind::office},
      {"commercial", model::BuildingKind::office},   {"industrial", model::BuildingKind::plant},
      {"factory", model::BuildingKind::plant},       {"manufacture", model::BuildingKind::plant},
      {"transformer_tower", model::BuildingKind::substation}, {"laboratory", model::BuildingKind::lab},
      {"research", model::BuildingKind::lab}};
  auto it = kBuilding.find(word);
  return it == kBuilding.end() ? model::BuildingKind::workshop : it->second;
}

}  // namespace parktwin::geo::detail
