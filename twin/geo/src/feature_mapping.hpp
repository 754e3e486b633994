#pragma once
// What a feature's properties say about the park object it becomes. Each reader returns
// nothing when the property is absent or unreadable, and the importer reports the default.
#include <nlohmann/json.hpp>

#include <initializer_list>
#include <optional>
#include <string>

#include "parktwin/model/park.hpp"

namespace parktwin::geo::detail {

// A number, or text that starts with one ("12", "12 m", "12.5m"), as OpenStreetMap often has.
std::optional<double> numberProperty(const nlohmann::json& properties, const std::string& key);

// From `height`, `height_m`, or `building:levels` x storey height.
std::optional<double> heightOf(const nlohmann::json& properties, double storeyHeight_m);

// The first of `keys` that is given but is no positive number ("height": 0, "width": "-4 m"), as
// `key value` the way the file has it, so a warning can say why a default was taken; empty when
// none of them is given.
std::string unusableSize(const nlohmann::json& properties, std::initializer_list<const char*> keys);

// zh from name:zh, else name; en from name:en, else name; empty when neither.
model::LocalizedText nameOf(const nlohmann::json& properties);
// Whether a name reads differently in the two languages: not one text in both, and no Chinese
// characters in the English one (Chinese OpenStreetMap data writes `name` in Chinese).
bool namedInBothLanguages(const model::LocalizedText& name);

// Whether the feature is a zone (it has `landuse` or `zone`), and its kind: a zone kind word
// as such, common OpenStreetMap landuse values mapped; nullopt for a value we cannot place.
bool isZone(const nlohmann::json& properties);
std::optional<model::ZoneKind> zoneKindOf(const nlohmann::json& properties);

// From the OpenStreetMap `building` value: warehouse, office, industrial...; workshop otherwise.
model::BuildingKind buildingKindOf(const nlohmann::json& properties);

}  // namespace parktwin::geo::detail
