#pragma once
// The scene in the QML file that Qt's balsam writes for a converted model: which mesh files it
// draws, with which materials' colours, and where its node tree puts each one. Exported
// models place their parts with node transforms (a DAE or FBX part moved and scaled, a Z-up
// file in centimetres turned and scaled at its root), so `parktwin-cli model convert` bakes
// each Model's transform into its mesh; reading the mesh files alone drew every part at the
// origin, unturned and at its file's scale.
#include <array>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "parktwin/common/result.hpp"
#include "parktwin/model/qt_mesh.hpp"

namespace parktwin::model {

// Column-major 4x4, as glTF and Qt store matrices: element (row r, column c) at [c * 4 + r].
using Matrix4 = std::array<double, 16>;
inline constexpr Matrix4 kIdentity4 = {1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1};

struct BalsamModel {
  std::string mesh;                    // the mesh file, relative to the QML file's folder
  std::vector<std::string> materials;  // material ids, one per subset
  Matrix4 transform = kIdentity4;      // the Model's node transform times its parents'
};

struct BalsamScene {
  std::vector<BalsamModel> models;
  // Material id -> base colour (RGBA 0..1). balsam leaves out a colour that is Qt's default,
  // white, and the colour of a textured material: those are white here, as Qt draws them.
  std::map<std::string, std::array<float, 4>> colours;
  bool has_textures = false;  // texture maps the GLB will not keep
};

// Reads balsam's QML (Qt 6.4's layout: one object or property a line). A transform property
// it does not know (say eulerRotation) is an error naming the line, not a part put in the
// wrong place.
Result<BalsamScene> readBalsamScene(std::string_view qml);

// Moves the mesh's vertices by `m` and turns its normals with it (renormalised); a
// transform that mirrors (negative determinant) also reverses each triangle's winding, so the
// faces still look outwards.
void transformMesh(QtMesh& mesh, const Matrix4& m);

// What `parktwin-cli model convert` writes: each Model of the scene in `qmlFile` (balsam's
// output) read from its mesh file beside it, moved where the node tree puts it, with its
// materials' colours; `texturesDropped` tells whether any texture map was left behind.
Result<std::vector<MeshWithColours>> meshesOfBalsamScene(const std::filesystem::path& qmlFile, bool& texturesDropped);

}  // namespace parktwin::model
