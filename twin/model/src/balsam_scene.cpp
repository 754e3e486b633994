// balsam's QML read as a tree first (objects, their properties, their children), then walked
// from the root multiplying node transforms, because a property may in principle follow the
// children it moves. Qt Quick 3D composes a node as position * rotation * scale * -pivot
// (QSSGRenderNode::calculateTransformMatrix), a child's world transform being its parent's
// times its own.
#include "parktwin/model/balsam_scene.hpp"

#include <cmath>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <optional>
#include <regex>
#include <utility>

namespace parktwin::model {
namespace {

struct QmlObject {
  std::string type;
  std::map<std::string, std::string> properties;
  std::vector<std::size_t> children;
  std::size_t line = 0;
};

// The line without a "//" comment at its end (outside a string).
std::string_view withoutComment(std::string_view s) {
  bool quoted = false;
  for (std::size_t i = 0; i + 1 < s.size(); ++i) {
    if (s[i] == '"') quoted = !quoted;
    if (!quoted && s[i] == '/' && s[i + 1] == '/') return s.substr(0, i);
  }
  return s;
}

std::string_view trimmed(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

// Every object, the root first; a line that is neither an object's start or end nor a
// property is an error.
Result<std::vector<QmlObject>> parseObjects(std::string_view qml) {
  static const std::regex opening(R"(^([A-Za-z_][\w.]*)\s*\{$)"), property(R"(^([A-Za-z_][\w.]*)\s*:\s*(.*)$)");
  std::vector<QmlObject> objects;
  std::vector<std::size_t> open;
  std::size_t lineNumber = 0;
  std::string pendingKey, pendingValue;  // a list property spread over several lines
  for (std::size_t at = 0; at <= qml.size();) {
    const std::size_t end = std::min(qml.find('\n', at), qml.size());
    const std::string line(trimmed(withoutComment(qml.substr(at, end - at))));
    at = end + 1;
    ++lineNumber;
    std::smatch m;
    const auto where = [&] { return "line " + std::to_string(lineNumber) + ": "; };
    if (!pendingKey.empty()) {  // a list of ids, as balsam writes materials: no objects in it
      if (line.find_first_of("{}") != std::string::npos) return fail(where() + "an object inside the list \"" + pendingKey + "\"");
      pendingValue += " " + line;
      if (line.find(']') != std::string::npos) objects[open.back()].properties[std::exchange(pendingKey, {})] = pendingValue;
      continue;
    }
    if (line.empty() || line.starts_with("import ")) continue;
    // "Type {", or "key: Type {" (an object as a property's value, such as a material's
    // baseColorMap: Texture {): either way a child of the object it is in.
    std::string opensType;
    if (std::regex_match(line, m, opening)) {
      opensType = m[1].str();
    } else if (std::regex_match(line, m, property)) {
      const std::string value = m[2].str();
      std::smatch inner;
      if (std::regex_match(value, inner, opening)) opensType = inner[1].str();
    }
    if (!opensType.empty()) {
      objects.push_back({opensType, {}, {}, lineNumber});
      if (!open.empty()) objects[open.back()].children.push_back(objects.size() - 1);
      open.push_back(objects.size() - 1);
    } else if (line == "}") {
      if (open.empty()) return fail(where() + "'}' closes nothing");
      open.pop_back();
    } else if (std::regex_match(line, m, property) && !open.empty() && m[2].str().find_first_of("{}") == std::string::npos) {
      const std::string value = m[2].str();
      if (value.starts_with("[") && value.find(']') == std::string::npos) {
        pendingKey = m[1].str();
        pendingValue = value;
      } else {
        objects[open.back()].properties[m[1].str()] = value;
      }
    } else {
      return fail(where() + "cannot read \"" + line + "\"");
    }
  }
  if (!open.empty() || !pendingKey.empty()) return fail("the QML ends inside an object");
  if (objects.empty()) return fail("the QML holds no object");
  return objects;
}

std::optional<double> number(std::string_view text) {
  const std::string s(trimmed(text));
  char* end = nullptr;
  const double v = std::strtod(s.c_str(), &end);
  if (s.empty() || end != s.c_str() + s.size() || !std::isfinite(v)) return std::nullopt;
  return v;
}

// "Qt.vector3d(1, 2, 3)" or "Qt.quaternion(w, x, y, z)": the numbers inside.
std::optional<std::vector<double>> call(const std::string& value, std::string_view function, std::size_t count) {
  if (!value.starts_with(std::string(function) + "(") || !value.ends_with(")")) return std::nullopt;
  std::vector<double> out;
  std::string_view rest(value);
  rest = rest.substr(function.size() + 1, rest.size() - function.size() - 2);
  for (std::size_t comma; !rest.empty(); rest = comma == std::string_view::npos ? std::string_view{} : rest.substr(comma + 1)) {
    comma = rest.find(',');
    auto v = number(rest.substr(0, comma));
    if (!v) return std::nullopt;
    out.push_back(*v);
  }
  if (out.size() != count) return std::nullopt;
  return out;
}

struct NodeTransform {
  std::array<double, 3> position{0, 0, 0}, scale{1, 1, 1}, pivot{0, 0, 0};
  std::array<double, 4> rotation{1, 0, 0, 0};  // w, x, y, z
};

// Sets one transform property; false when `key` moves a node in a way not read here.
bool setTransformProperty(NodeTransform& t, const std::string& key, const std::string& value, std::string& error) {
  const auto axis = [](char c) { return c == 'x' ? 0 : c == 'y' ? 1 : 2; };
  const auto bad = [&] {
    error = key + ": cannot read \"" + value + "\"";
    return false;
  };
  std::array<double, 3>* vector = key.starts_with("position") ? &t.position
                                  : key.starts_with("scale")  ? &t.scale
                                  : key.starts_with("pivot")  ? &t.pivot
                                                              : nullptr;
  if (key == "x" || key == "y" || key == "z") {
    auto v = number(value);
    if (!v) return bad();
    t.position[static_cast<std::size_t>(axis(key[0]))] = *v;
  } else if (vector && key.size() > 2 && key[key.size() - 2] == '.' && (key.back() == 'x' || key.back() == 'y' || key.back() == 'z')) {
    auto v = number(value);
    if (!v) return bad();
    (*vector)[static_cast<std::size_t>(axis(key.back()))] = *v;
  } else if (vector && (key == "position" || key == "scale" || key == "pivot")) {
    auto v = call(value, "Qt.vector3d", 3);
    if (!v) return bad();
    *vector = {(*v)[0], (*v)[1], (*v)[2]};
  } else if (key == "rotation") {
    auto q = call(value, "Qt.quaternion", 4);
    if (!q) return bad();
    const double length = std::sqrt((*q)[0] * (*q)[0] + (*q)[1] * (*q)[1] + (*q)[2] * (*q)[2] + (*q)[3] * (*q)[3]);
    if (length == 0) return bad();
    t.rotation = {(*q)[0] / length, (*q)[1] / length, (*q)[2] / length, (*q)[3] / length};
  } else {
    error = key + ": a transform property this converter does not read";
    return false;
  }
  return true;
}

// A node's transform properties, the ones read here and the ones refused (exact names: a
// Texture's positionU or scaleU is no node transform).
bool isTransformKey(const std::string& key) {
  if (key == "x" || key == "y" || key == "z") return true;
  for (const char* base : {"position", "rotation", "eulerRotation", "scale", "pivot"}) {
    const std::string b = base;
    if (key == b || key == b + ".x" || key == b + ".y" || key == b + ".z" || key == b + ".w") return true;
  }
  return false;
}

Matrix4 multiply(const Matrix4& a, const Matrix4& b) {
  Matrix4 out{};
  for (int c = 0; c < 4; ++c) {
    for (int r = 0; r < 4; ++r) {
      double sum = 0;
      for (int k = 0; k < 4; ++k) sum += a[static_cast<std::size_t>(k * 4 + r)] * b[static_cast<std::size_t>(c * 4 + k)];
      out[static_cast<std::size_t>(c * 4 + r)] = sum;
    }
  }
  return out;
}

// position * rotation * scale * -pivot, column-major.
Matrix4 localMatrix(const NodeTransform& t) {
  const auto [w, x, y, z] = t.rotation;
  const double r[3][3] = {{1 - 2 * (y * y + z * z), 2 * (x * y - w * z), 2 * (x * z + w * y)},
                          {2 * (x * y + w * z), 1 - 2 * (x * x + z * z), 2 * (y * z - w * x)},
                          {2 * (x * z - w * y), 2 * (y * z + w * x), 1 - 2 * (x * x + y * y)}};
  Matrix4 m = kIdentity4;
  for (std::size_t row = 0; row < 3; ++row) {
    double shift = t.position[row];
    for (std::size_t col = 0; col < 3; ++col) {
      m[col * 4 + row] = r[row][col] * t.scale[col];
      shift -= m[col * 4 + row] * t.pivot[col];
    }
    m[12 + row] = shift;
  }
  return m;
}

constexpr std::array<float, 4> kQtDefaultColour = {1, 1, 1, 1};

std::array<float, 4> colourOf(const std::string& quoted) {
  const std::string hex = quoted.size() >= 2 && quoted.front() == '"' ? quoted.substr(1, quoted.size() - 2) : quoted;
  const auto byte = [&](std::size_t at) { return static_cast<float>(std::strtol(hex.substr(at, 2).c_str(), nullptr, 16)) / 255.0f; };
  if (hex.size() == 9 && hex[0] == '#') return {byte(3), byte(5), byte(7), byte(1)};  // "#aarrggbb"
  if (hex.size() == 7 && hex[0] == '#') return {byte(1), byte(3), byte(5), 1};
  return kUnknownMaterialColour;
}

std::string unquoted(const std::string& s) { return s.size() >= 2 && s.front() == '"' && s.back() == '"' ? s.substr(1, s.size() - 2) : s; }

std::vector<std::string> listedIds(const std::string& list) {
  static const std::regex word(R"([A-Za-z_]\w*)");
  std::vector<std::string> ids;
  for (std::sregex_iterator it(list.begin(), list.end(), word), end; it != end; ++it) ids.push_back(it->str());
  return ids;
}

struct Walker {
  const std::vector<QmlObject>& objects;
  BalsamScene& scene;
  std::string error;

  bool visit(std::size_t index, const Matrix4& parent) {
    const QmlObject& o = objects[index];
    if (o.type == "Texture") scene.has_textures = true;
    if (const auto id = o.properties.find("id"); o.type.ends_with("Material") && id != o.properties.end()) {
      scene.colours[id->second] = kQtDefaultColour;
      for (const char* key : {"baseColor", "diffuseColor"}) {
        if (auto colour = o.properties.find(key); colour != o.properties.end()) scene.colours[id->second] = colourOf(colour->second);
      }
    }
    NodeTransform local;
    for (const auto& [key, value] : o.properties) {
      if (isTransformKey(key) && !setTransformProperty(local, key, value, error)) {
        error = "line " + std::to_string(o.line) + ", " + o.type + " " + error;
        return false;
      }
    }
    const Matrix4 world = multiply(parent, localMatrix(local));
    if (o.type == "Model") {
      const auto source = o.properties.find("source");
      if (source != o.properties.end()) {
        const auto materials = o.properties.find("materials");
        scene.models.push_back({unquoted(source->second), materials == o.properties.end() ? std::vector<std::string>{} : listedIds(materials->second), world});
      }
    }
    for (std::size_t child : o.children) {
      if (!visit(child, world)) return false;
    }
    return true;
  }
};

}  // namespace

Result<BalsamScene> readBalsamScene(std::string_view qml) {
  auto objects = parseObjects(qml);
  if (!objects) return std::unexpected(objects.error());
  BalsamScene scene;
  Walker walker{*objects, scene, {}};
  if (!walker.visit(0, kIdentity4)) return fail(walker.error);
  return scene;
}

void transformMesh(QtMesh& mesh, const Matrix4& m) {
  const auto at = [&](std::size_t row, std::size_t col) { return m[col * 4 + row]; };
  for (std::size_t i = 0; i + 2 < mesh.positions.size(); i += 3) {
    const double p[3] = {mesh.positions[i], mesh.positions[i + 1], mesh.positions[i + 2]};
    for (std::size_t row = 0; row < 3; ++row) {
      mesh.positions[i + row] = static_cast<float>(at(row, 0) * p[0] + at(row, 1) * p[1] + at(row, 2) * p[2] + at(row, 3));
    }
  }
  // Normals go by the inverse transpose of the 3x3 part: its cofactors over the determinant;
  // only the determinant's sign matters once they are renormalised.
  double cof[3][3];
  for (std::size_t r = 0; r < 3; ++r) {
    for (std::size_t c = 0; c < 3; ++c) {
      const std::size_t r1 = (r + 1) % 3, r2 = (r + 2) % 3, c1 = (c + 1) % 3, c2 = (c + 2) % 3;
      cof[r][c] = at(r1, c1) * at(r2, c2) - at(r1, c2) * at(r2, c1);
    }
  }
  const double det = at(0, 0) * cof[0][0] + at(0, 1) * cof[0][1] + at(0, 2) * cof[0][2];
  const double sign = det < 0 ? -1 : 1;
  for (std::size_t i = 0; i + 2 < mesh.normals.size(); i += 3) {
    const double n[3] = {mesh.normals[i], mesh.normals[i + 1], mesh.normals[i + 2]};
    double out[3];
    for (std::size_t r = 0; r < 3; ++r) out[r] = sign * (cof[r][0] * n[0] + cof[r][1] * n[1] + cof[r][2] * n[2]);
    const double length = std::sqrt(out[0] * out[0] + out[1] * out[1] + out[2] * out[2]);
    if (length == 0) continue;  // a transform that flattens the mesh: the normal stays as it was
    for (std::size_t r = 0; r < 3; ++r) mesh.normals[i + r] = static_cast<float>(out[r] / length);
  }
  if (det < 0) {
    for (std::size_t i = 0; i + 2 < mesh.indices.size(); i += 3) std::swap(mesh.indices[i + 1], mesh.indices[i + 2]);
  }
}

Result<std::vector<MeshWithColours>> meshesOfBalsamScene(const std::filesystem::path& qmlFile, bool& texturesDropped) {
  std::ifstream in(qmlFile, std::ios::binary);
  if (!in) return fail(qmlFile.string() + ": cannot open balsam's scene");
  const std::string qml((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  auto scene = readBalsamScene(qml);
  if (!scene) return fail("balsam's scene: " + scene.error().message);
  texturesDropped = scene->has_textures;
  std::vector<MeshWithColours> meshes;
  for (const auto& part : scene->models) {
    auto mesh = readQtMesh(qmlFile.parent_path() / part.mesh);
    if (!mesh) return std::unexpected(mesh.error());
    transformMesh(*mesh, part.transform);
    MeshWithColours entry{std::move(*mesh), std::filesystem::path(part.mesh).stem().string(), {}};
    for (const auto& id : part.materials) {
      const auto colour = scene->colours.find(id);
      entry.colours.push_back(colour != scene->colours.end() ? colour->second : kUnknownMaterialColour);
    }
    meshes.push_back(std::move(entry));
  }
  return meshes;
}

}  // namespace parktwin::model
