#pragma once
// What a glTF 2.0 model file holds, read from its JSON alone (no vertex data is decoded): the
// triangles drawn, the materials, and the bounds of the scene in the file's own axes, from the
// POSITION accessors' min/max (which glTF requires) through the node transforms. Enough for
// `parktwin-cli check` to refuse a corrupt file before the window tries it, and for
// `parktwin-cli model info` to tell what a model will cost the frame rate.
#include <array>
#include <cstdint>
#include <expected>
#include <filesystem>
#include <string>
#include <string_view>

#include "parktwin/common/result.hpp"
#include "parktwin/model/park.hpp"

namespace parktwin::model {

struct GltfSummary {
  bool binary = false;           // a .glb container (else .gltf JSON text)
  std::int64_t triangles = 0;    // as drawn: a mesh used by three nodes counts three times
  std::int64_t vertices = 0;     // POSITION elements as drawn
  int meshes = 0;
  int materials = 0;
  int nodes_drawn = 0;           // nodes with a mesh in the scene
  std::array<double, 3> min{};   // bounds in the file's units (metres in glTF) and axes
  std::array<double, 3> max{};
  bool has_bounds = false;       // false when the scene draws nothing
};

// Reads a .glb or .gltf file. An error names the file and what is wrong: "pot.glb: GLB header:
// expected version 2, got 1", "pot.glb: /accessors/3: POSITION without min/max",
// "pot.gltf: /buffers/0/uri: cannot open pot.bin"; in `language` ("zh" or "en": the window's
// notice of a model that does not load), save a file that cannot be read at all.
Result<GltfSummary> summarizeGltf(const std::filesystem::path& file, std::string_view language = "en");

// The same for bytes already read; `folder` resolves a .gltf file's external buffers.
Result<GltfSummary> summarizeGltfBytes(const std::string& bytes, const std::string& source,
                                       const std::filesystem::path& folder, std::string_view language = "en");

// One reading of the file, its refusal worded in both languages at once (`.in(language)` is
// what summarizeGltf says in that language): for the window, which keeps the reading of a file
// that does not load and words its notice in whichever language it shows, without reading the
// file again per language.
using GltfReading = std::expected<GltfSummary, LocalizedText>;
GltfReading readGltf(const std::filesystem::path& file);
GltfReading readGltfBytes(const std::string& bytes, const std::string& source, const std::filesystem::path& folder);

}  // namespace parktwin::model
