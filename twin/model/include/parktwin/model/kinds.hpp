#pragma once
// The closed vocabularies of the park format as types: building, line, machine, utility,
// external and zone kinds, products, energy carriers, tag kinds and alarm severities. Each
// enum has one table (kinds.cpp) with the word park files use and its display names in both
// languages; reading, writing, error messages ("expected one of ...") and display all go
// through it. docs/park-format.md lists the same words.
#include <concepts>
#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace parktwin::model {

enum class ZoneKind { industrial, logistics, energy, water, green, planned, residential };
enum class BuildingKind {
  smelter, plant, workshop, cleanroom, warehouse, office, substation, port, utility, lab, dam
};
enum class LineKind {
  potline, rod_casting, extrusion, die_casting, chassis_casting, forging, machining, recycling,
  plate_strip, die_bonding, cylinder_head, fuel_cell, storage, assembly
};
enum class MachineKind {
  electrolytic_pot, holding_furnace, casting_machine, extrusion_press, die_casting_cell,
  forging_press, cnc_machine, melting_furnace, rolling_mill, die_bonder, robot_cell,
  fuel_cell_stack, rack, crane
};
enum class UtilityKind {
  grid_tie, substation, pv, battery, pumped_storage, reservoir_hydro, charger, hydrogen
};
enum class ExternalKind { market, supplier, grid, port };
enum class TagKind { analog, counter, state, boolean };
enum class Product {
  molten_aluminium, ingot, rod, profile, plate, forging, chassis_part, parts, scrap,
  recycled_aluminium, led_module, cylinder_head, goods, hydrogen
};
enum class Carrier { electricity, hydrogen, heat, water };
// How much an alarm or event matters to a person watching the park; larger is worse.
enum class Severity { info, warning, critical };
// Which axis of a 3D model file points up: glTF says y; CAD and some exporters write z.
enum class ModelUp { y, z };

// One value of a kind enum: its word in park and scenario files and its display names.
template <typename Kind>
struct KindEntry {
  Kind value;
  std::string_view text;
  std::string_view en;
  std::string_view zh;
};

// The table of each enum (kinds.cpp): every value in declaration order, entry i holds Kind(i);
// kinds_test checks the order. The argument only picks the enum.
std::span<const KindEntry<ZoneKind>> kindTableOf(ZoneKind);
std::span<const KindEntry<BuildingKind>> kindTableOf(BuildingKind);
std::span<const KindEntry<LineKind>> kindTableOf(LineKind);
std::span<const KindEntry<MachineKind>> kindTableOf(MachineKind);
std::span<const KindEntry<UtilityKind>> kindTableOf(UtilityKind);
std::span<const KindEntry<ExternalKind>> kindTableOf(ExternalKind);
std::span<const KindEntry<TagKind>> kindTableOf(TagKind);
std::span<const KindEntry<Product>> kindTableOf(Product);
std::span<const KindEntry<Carrier>> kindTableOf(Carrier);
std::span<const KindEntry<Severity>> kindTableOf(Severity);
std::span<const KindEntry<ModelUp>> kindTableOf(ModelUp);

template <typename Kind>
concept KindEnum = requires(Kind kind) {
  { kindTableOf(kind) } -> std::same_as<std::span<const KindEntry<Kind>>>;
};

// Every value of `Kind`, for loops: for (const auto& e : kindTable<Product>()) ...
template <KindEnum Kind>
std::span<const KindEntry<Kind>> kindTable() {
  return kindTableOf(Kind{});
}

template <KindEnum Kind>
const KindEntry<Kind>& kindEntry(Kind kind) {
  return kindTable<Kind>()[static_cast<std::size_t>(kind)];
}

// The word a file uses: toText(BuildingKind::smelter) == "smelter".
template <KindEnum Kind>
std::string_view toText(Kind kind) {
  return kindEntry(kind).text;
}

// The value a file's word stands for; nullopt for a word outside the vocabulary.
template <KindEnum Kind>
std::optional<Kind> parseKind(std::string_view text) {
  for (const auto& entry : kindTable<Kind>()) {
    if (entry.text == text) return entry.value;
  }
  return std::nullopt;
}

// The allowed words for messages: "market, supplier, grid, port".
template <KindEnum Kind>
std::string kindWords() {
  std::string words;
  for (const auto& entry : kindTable<Kind>()) words += (words.empty() ? "" : ", ") + std::string(entry.text);
  return words;
}

// The name people read, in `language` ("zh", else English): "电解车间", "Smelter potroom".
template <KindEnum Kind>
std::string_view displayName(Kind kind, std::string_view language) {
  const auto& entry = kindEntry(kind);
  return language == "zh" ? entry.zh : entry.en;
}

}  // namespace parktwin::model
