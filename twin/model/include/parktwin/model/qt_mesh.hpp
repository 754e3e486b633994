#pragma once
// Qt Quick 3D's own mesh files (.mesh, written by balsam) turned into glTF 2.0: `parktwin-cli
// model convert` runs balsam on an FBX/OBJ/DAE file and rewrites its output as one GLB the
// park file can name, since the window loads glTF at run time (RuntimeLoader) and the park
// checker reads glTF only. Only what a park needs is kept: positions, normals, triangles and
// one base colour per material.
#include <array>
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "parktwin/common/result.hpp"

namespace parktwin::model {

struct QtMeshSubset {
  std::uint32_t index_count = 0;
  std::uint32_t index_offset = 0;  // in indices
  std::array<float, 3> min{}, max{};
};

struct QtMesh {
  std::vector<float> positions;  // x, y, z per vertex
  std::vector<float> normals;    // empty when the mesh has none
  std::vector<std::uint32_t> indices;
  std::vector<QtMeshSubset> subsets;
};

// Reads the first mesh of a .mesh file (balsam writes one per file), format version 5 (Qt 6.4).
Result<QtMesh> readQtMesh(const std::filesystem::path& file);

// The colour of a part whose material is not known (a subset without one).
inline constexpr std::array<float, 4> kUnknownMaterialColour = {0.6f, 0.6f, 0.6f, 1};

// A mesh to draw with its materials' base colours (RGBA 0..1), one per subset (the last
// repeats when there are fewer).
struct MeshWithColours {
  QtMesh mesh;
  std::string name;
  std::vector<std::array<float, 4>> colours;
};

// One GLB holding every mesh as a node of the default scene, y up, in metres.
std::string writeGlb(const std::vector<MeshWithColours>& meshes);

}  // namespace parktwin::model
