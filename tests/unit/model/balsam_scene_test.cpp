// balsam's QML scene (model convert): node transforms composed as Qt composes them, checked on
// points worked out by hand, and the mesh moved with normals and winding kept outward.
#include "parktwin/model/balsam_scene.hpp"

#include <gtest/gtest.h>

#include <cmath>

namespace parktwin::model {
namespace {

std::array<double, 3> apply(const Matrix4& m, std::array<double, 3> p) {
  std::array<double, 3> out{};
  for (std::size_t r = 0; r < 3; ++r) out[r] = m[r] * p[0] + m[4 + r] * p[1] + m[8 + r] * p[2] + m[12 + r];
  return out;
}

// As balsam writes it: materials first, a scene node, the model inside.
constexpr const char* kScene = R"(import QtQuick
import QtQuick3D

Node {
    // Materials
    DefaultMaterial {
        id: red_material // rust, a comment at the end of a line
        diffuseColor: "#ff336699"
    }
    PrincipledMaterial {
        id: grey_material
        baseColorMap: Texture {
            source: "maps/0.png"
            positionU: 0.5
            scaleU: 2
        }
    }
    // end of Materials

    Node {
        id: scene
        x: 10
        rotation: Qt.quaternion(0.707107, 0, 0.707107, 0)
        scale.x: 2
        scale.y: 2
        scale.z: 2
        Model {
            id: part // the press
            position: Qt.vector3d(0, 1, 0)
            rotation: Qt.quaternion(0.707107, 0, 0, 0.707107)
            scale: Qt.vector3d(3, 3, 3)
            pivot: Qt.vector3d(1, 0, 0)
            source: "meshes/part.mesh"
            materials: [
                red_material,
                grey_material
            ]
        }
    }
}
)";

TEST(BalsamScene, ComposesNodeTransformsAsQtDoes) {
  auto scene = readBalsamScene(kScene);
  ASSERT_TRUE(scene) << scene.error().message;
  ASSERT_EQ(scene->models.size(), 1u);
  const BalsamModel& part = scene->models[0];
  EXPECT_EQ(part.mesh, "meshes/part.mesh");
  EXPECT_EQ(part.materials, (std::vector<std::string>{"red_material", "grey_material"}));
  // (2, 0, 0) in the model: less the pivot (1, 0, 0) = (1, 0, 0); scaled by 3 = (3, 0, 0);
  // turned 90 degrees about +z (x goes to y) = (0, 3, 0); plus its position = (0, 4, 0). Then
  // the scene node: scaled by 2 = (0, 8, 0), turned about +y (y stays), moved x 10 = (10, 8, 0).
  const auto p = apply(part.transform, {2, 0, 0});
  EXPECT_NEAR(p[0], 10, 1e-4);
  EXPECT_NEAR(p[1], 8, 1e-4);
  EXPECT_NEAR(p[2], 0, 1e-4);
  // (0, 0, 1): less the pivot (-1, 0, 1), scaled (-3, 0, 3), turned (0, -3, 3), placed (0, -2, 3);
  // scaled by the scene (0, -4, 6), turned about +y (z goes to x) (6, -4, 0), moved (16, -4, 0).
  const auto q = apply(part.transform, {0, 0, 1});
  EXPECT_NEAR(q[0], 16, 1e-4);
  EXPECT_NEAR(q[1], -4, 1e-4);
  EXPECT_NEAR(q[2], 0, 1e-4);
  // The pivot itself lands on the model's position, then the scene's: (0, 2, 0) + (10, 0, 0).
  const auto pivot = apply(part.transform, {1, 0, 0});
  EXPECT_NEAR(pivot[0], 10, 1e-4);
  EXPECT_NEAR(pivot[1], 2, 1e-4);
  EXPECT_NEAR(pivot[2], 0, 1e-4);
}

TEST(BalsamScene, ReadsColoursAndNoticesTextures) {
  auto scene = readBalsamScene(kScene);
  ASSERT_TRUE(scene) << scene.error().message;
  ASSERT_TRUE(scene->colours.count("red_material"));
  const auto red = scene->colours.at("red_material");  // "#aarrggbb"
  EXPECT_FLOAT_EQ(red[0], 0x33 / 255.0f);
  EXPECT_FLOAT_EQ(red[1], 0x66 / 255.0f);
  EXPECT_FLOAT_EQ(red[2], 0x99 / 255.0f);
  EXPECT_FLOAT_EQ(red[3], 1.0f);
  EXPECT_TRUE(scene->has_textures);
  // The textured material has no colour in the QML: Qt draws it white, and so does the GLB.
  EXPECT_EQ(scene->colours.at("grey_material"), (std::array<float, 4>{1, 1, 1, 1}));
  auto plain = readBalsamScene("Node {\n  Model {\n    source: \"meshes/a.mesh\"\n  }\n}\n");
  ASSERT_TRUE(plain) << plain.error().message;
  EXPECT_FALSE(plain->has_textures);
  EXPECT_EQ(plain->models.at(0).transform, kIdentity4);
}

TEST(BalsamScene, ATransformNotReadHereIsAnErrorNamingItsLine) {
  auto scene = readBalsamScene("Node {\n  Node {\n    eulerRotation.x: 90\n    Model {\n      source: \"meshes/a.mesh\"\n    }\n  }\n}\n");
  ASSERT_FALSE(scene);
  EXPECT_NE(scene.error().message.find("line 2"), std::string::npos) << scene.error().message;
  EXPECT_NE(scene.error().message.find("eulerRotation.x"), std::string::npos) << scene.error().message;
  auto unreadable = readBalsamScene("Node {\n  scale.x: wide\n}\n");
  ASSERT_FALSE(unreadable);
  EXPECT_NE(unreadable.error().message.find("scale.x"), std::string::npos) << unreadable.error().message;
  EXPECT_FALSE(readBalsamScene("Node {\n}\n}\n"));
  // Shapes balsam does not write are refused, not misread: an object inside a list, a one-line
  // object, a list left open.
  EXPECT_FALSE(readBalsamScene("Node {\n  Model {\n    materials: [\n      DefaultMaterial {\n      }\n    ]\n  }\n}\n"));
  EXPECT_FALSE(readBalsamScene("Node {\n  DefaultMaterial {\n    diffuseMap: Texture { source: \"a.png\" }\n  }\n}\n"));
  EXPECT_FALSE(readBalsamScene("Node {\n  Model {\n    materials: [\n      a\n  }\n}\n"));
  EXPECT_FALSE(readBalsamScene("Node {\n  Model {\n"));
  EXPECT_FALSE(readBalsamScene(""));
}

QtMesh oneTriangle(std::array<float, 3> normal) {
  QtMesh mesh;
  mesh.positions = {0, 0, 0, 1, 0, 0, 0, 1, 0};
  for (int i = 0; i < 3; ++i) mesh.normals.insert(mesh.normals.end(), normal.begin(), normal.end());
  mesh.indices = {0, 1, 2};
  mesh.subsets = {{3, 0, {}, {}}};
  return mesh;
}

TEST(BalsamScene, AMirrorKeepsNormalsAndWindingOutward) {
  QtMesh mesh = oneTriangle({1, 0, 0});
  Matrix4 mirror = kIdentity4;
  mirror[0] = -1;  // x -> -x
  transformMesh(mesh, mirror);
  EXPECT_EQ(mesh.positions, (std::vector<float>{0, 0, 0, -1, 0, 0, 0, 1, 0}));
  EXPECT_FLOAT_EQ(mesh.normals[0], -1);
  EXPECT_EQ(mesh.indices, (std::vector<std::uint32_t>{0, 2, 1}));
}

TEST(BalsamScene, AStretchTurnsNormalsByTheInverseTranspose) {
  // A face whose normal is (1, 1, 0)/sqrt 2, stretched 2x along x: the face tilts towards y,
  // its normal is (1/2, 1, 0) renormalised = (1, 2, 0)/sqrt 5.
  QtMesh mesh = oneTriangle({static_cast<float>(1 / std::sqrt(2.0)), static_cast<float>(1 / std::sqrt(2.0)), 0});
  Matrix4 stretch = kIdentity4;
  stretch[0] = 2;
  stretch[12] = 5;  // and moved 5 along x
  transformMesh(mesh, stretch);
  EXPECT_FLOAT_EQ(mesh.positions[3], 7);  // (1, 0, 0) -> (2 + 5, 0, 0)
  EXPECT_NEAR(mesh.normals[0], 1 / std::sqrt(5.0), 1e-6);
  EXPECT_NEAR(mesh.normals[1], 2 / std::sqrt(5.0), 1e-6);
  EXPECT_EQ(mesh.indices, (std::vector<std::uint32_t>{0, 1, 2}));
}

}  // namespace
}  // namespace parktwin::model
