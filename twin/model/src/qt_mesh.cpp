// Qt's .mesh layout (qtquick3d src/utils/qssgmesh.cpp, version 5 as Qt 6.4's balsam writes it,
// little-endian; after each block of n bytes comes 4 - n % 4 bytes of padding, 4 when n is
// already a multiple of 4, as the files balsam writes show): a 12-byte header (id, version, flags, size), a 56-byte mesh record
// (vertex entries, stride, buffer sizes, index type, subsets, draw mode), the vertex entries
// (name offset, component type, count, byte offset) and their names, the vertex data, the
// index data, then the subsets (count, offset, bounds, name). The file ends with a table of
// the meshes it holds.
#include "parktwin/model/qt_mesh.hpp"

#include <cstring>
#include <nlohmann/json.hpp>

#include "parktwin/model/json_reader.hpp"

namespace parktwin::model {
namespace {

constexpr std::uint32_t kMeshFileId = 0xC8A07F4D;
constexpr std::uint32_t kComponentUInt16 = 3;  // QSSGMesh::Mesh::ComponentType
constexpr std::uint32_t kComponentUInt32 = 5;
constexpr std::uint32_t kComponentFloat32 = 10;
constexpr std::uint32_t kDrawTriangles = 7;

class Cursor {
 public:
  Cursor(const std::string& bytes, std::size_t at) : bytes_(bytes), at_(at) {}
  bool has(std::size_t n) const { return at_ + n <= bytes_.size(); }
  std::uint32_t u32() {
    std::uint32_t v = 0;
    if (has(4)) std::memcpy(&v, bytes_.data() + at_, 4);  // the files are little-endian, as x86 and ARM
    at_ += 4;
    return v;
  }
  float f32() {
    float v = 0;
    if (has(4)) std::memcpy(&v, bytes_.data() + at_, 4);
    at_ += 4;
    return v;
  }
  std::string take(std::size_t n) {
    std::string s = has(n) ? bytes_.substr(at_, n) : std::string();
    at_ += n;
    return s;
  }
  void skip(std::size_t n) { at_ += n; }
  void padAfter(std::size_t blockBytes) { at_ += 4 - blockBytes % 4; }
  std::size_t at() const { return at_; }

 private:
  const std::string& bytes_;
  std::size_t at_;
};

struct Entry {
  std::string name;
  std::uint32_t type = 0, components = 0, offset = 0;
};

// Copies the float attribute `entry` of every vertex into `out`.
bool readAttribute(const std::string& data, std::uint32_t stride, const Entry& entry, std::vector<float>& out) {
  if (entry.type != kComponentFloat32 || entry.components != 3 || stride == 0) return false;
  for (std::size_t v = 0; v + 1 <= data.size() / stride; ++v) {
    for (std::size_t c = 0; c < 3; ++c) {
      float value = 0;
      std::memcpy(&value, data.data() + v * stride + entry.offset + c * 4, 4);
      out.push_back(value);
    }
  }
  return true;
}

}  // namespace

Result<QtMesh> readQtMesh(const std::filesystem::path& file) {
  auto bytes = detail::readTextFile(file, "mesh file");
  if (!bytes) return std::unexpected(bytes.error());
  const std::string source = file.string() + ": ";
  Cursor c(*bytes, 0);
  if (!c.has(68) || c.u32() != kMeshFileId) return fail(source + "not a Qt Quick 3D mesh file");
  const std::uint32_t versionAndFlags = c.u32();
  const std::uint32_t version = versionAndFlags & 0xFFFF;
  if (version != 5) return fail(source + "mesh format version " + std::to_string(version) + ", expected 5 (Qt 6.4's balsam)");
  c.skip(4);  // size in bytes
  c.skip(4);  // target entries (morph targets are not kept)
  const std::uint32_t entryCount = c.u32(), stride = c.u32();
  c.skip(4);
  const std::uint32_t vertexBytes = c.u32(), indexType = c.u32();
  c.skip(4);
  const std::uint32_t indexBytes = c.u32();
  c.skip(4);
  const std::uint32_t subsetCount = c.u32();
  c.skip(8);
  const std::uint32_t drawMode = c.u32();
  c.skip(4);
  if (drawMode != kDrawTriangles) return fail(source + "only triangle meshes are converted");
  std::vector<Entry> entries(entryCount);
  for (auto& e : entries) {
    c.skip(4);
    e.type = c.u32();
    e.components = c.u32();
    e.offset = c.u32();
  }
  c.padAfter(entries.size() * 16);
  for (auto& e : entries) {
    const std::uint32_t length = c.u32();
    e.name = c.take(length).c_str();
    c.padAfter(length);
  }
  const std::string vertexData = c.take(vertexBytes);
  c.padAfter(vertexBytes);
  const std::string indexData = c.take(indexBytes);
  c.padAfter(indexBytes);
  if (!c.has(0) || vertexData.size() != vertexBytes || indexData.size() != indexBytes) {
    return fail(source + "the mesh data runs past the end of the file");
  }
  QtMesh mesh;
  for (const auto& e : entries) {
    if (e.name == "attr_pos" && !readAttribute(vertexData, stride, e, mesh.positions)) return fail(source + "positions are not 3 floats");
    if (e.name == "attr_norm") readAttribute(vertexData, stride, e, mesh.normals);
  }
  if (mesh.positions.empty()) return fail(source + "the mesh has no positions");
  const std::size_t indexSize = indexType == kComponentUInt16 ? 2 : indexType == kComponentUInt32 ? 4 : 0;
  if (indexSize == 0) return fail(source + "indices are neither 16 nor 32 bit");
  for (std::size_t i = 0; i + indexSize <= indexData.size(); i += indexSize) {
    std::uint32_t index = 0;
    std::memcpy(&index, indexData.data() + i, indexSize);
    if (index >= mesh.positions.size() / 3) return fail(source + "an index points past the last vertex");
    mesh.indices.push_back(index);
  }
  const std::size_t subsetBytes = 48;  // count, offset, bounds, name offset and length, lightmap size
  for (std::uint32_t s = 0; s < subsetCount; ++s) {
    const std::size_t start = c.at();
    QtMeshSubset subset;
    subset.index_count = c.u32();
    subset.index_offset = c.u32();
    for (auto& v : subset.min) v = c.f32();
    for (auto& v : subset.max) v = c.f32();
    c.skip(subsetBytes - (c.at() - start));
    if (subset.index_offset + std::uint64_t{subset.index_count} > mesh.indices.size()) {
      return fail(source + "a subset runs past the last index");
    }
    mesh.subsets.push_back(subset);
  }
  if (!c.has(0)) return fail(source + "the subsets run past the end of the file");
  return mesh;
}

namespace {

using ojson = nlohmann::ordered_json;

// Appends `values` to the binary chunk and returns a view of them.
std::size_t appendView(std::string& bin, ojson& views, const void* data, std::size_t bytes, int target) {
  while (bin.size() % 4) bin.push_back('\0');
  views.push_back({{"buffer", 0}, {"byteOffset", bin.size()}, {"byteLength", bytes}, {"target", target}});
  bin.append(static_cast<const char*>(data), bytes);
  return views.size() - 1;
}

void putU32(std::string& out, std::uint32_t v) {
  for (int i = 0; i < 4; ++i) out.push_back(static_cast<char>((v >> (8 * i)) & 0xFF));
}

std::string glbContainer(std::string text, std::string bin) {
  while (text.size() % 4) text.push_back(' ');
  while (bin.size() % 4) bin.push_back('\0');
  std::string out = "glTF";
  putU32(out, 2);
  putU32(out, static_cast<std::uint32_t>(12 + 8 + text.size() + 8 + bin.size()));
  putU32(out, static_cast<std::uint32_t>(text.size()));
  putU32(out, 0x4E4F534A);
  out += text;
  putU32(out, static_cast<std::uint32_t>(bin.size()));
  putU32(out, 0x004E4942);
  out += bin;
  return out;
}

}  // namespace

std::string writeGlb(const std::vector<MeshWithColours>& meshes) {
  ojson j{{"asset", {{"version", "2.0"}, {"generator", "parktwin-cli model convert"}}}, {"scene", 0}};
  ojson nodes = ojson::array(), gltfMeshes = ojson::array(), materials = ojson::array();
  ojson accessors = ojson::array(), views = ojson::array();
  std::string bin;
  for (const auto& m : meshes) {
    const std::size_t vertices = m.mesh.positions.size() / 3;
    std::array<float, 3> lo{m.mesh.positions[0], m.mesh.positions[1], m.mesh.positions[2]}, hi = lo;
    for (std::size_t i = 0; i < m.mesh.positions.size(); ++i) {
      lo[i % 3] = std::min(lo[i % 3], m.mesh.positions[i]);
      hi[i % 3] = std::max(hi[i % 3], m.mesh.positions[i]);
    }
    accessors.push_back({{"bufferView", appendView(bin, views, m.mesh.positions.data(), m.mesh.positions.size() * 4, 34962)},
                         {"componentType", 5126}, {"count", vertices}, {"type", "VEC3"}, {"min", lo}, {"max", hi}});
    ojson attributes{{"POSITION", accessors.size() - 1}};
    if (m.mesh.normals.size() == m.mesh.positions.size()) {
      accessors.push_back({{"bufferView", appendView(bin, views, m.mesh.normals.data(), m.mesh.normals.size() * 4, 34962)},
                           {"componentType", 5126}, {"count", vertices}, {"type", "VEC3"}});
      attributes["NORMAL"] = accessors.size() - 1;
    }
    ojson primitives = ojson::array();
    for (std::size_t s = 0; s < m.mesh.subsets.size(); ++s) {
      const auto& subset = m.mesh.subsets[s];
      const std::uint32_t* first = m.mesh.indices.data() + subset.index_offset;
      accessors.push_back({{"bufferView", appendView(bin, views, first, subset.index_count * 4ULL, 34963)},
                           {"componentType", 5125}, {"count", subset.index_count}, {"type", "SCALAR"}});
      const auto colour = m.colours.empty() ? kUnknownMaterialColour : m.colours[std::min(s, m.colours.size() - 1)];
      materials.push_back({{"pbrMetallicRoughness", {{"baseColorFactor", colour}, {"metallicFactor", 0}, {"roughnessFactor", 0.7}}}});
      primitives.push_back({{"attributes", attributes}, {"indices", accessors.size() - 1}, {"material", materials.size() - 1}});
    }
    gltfMeshes.push_back({{"name", m.name}, {"primitives", primitives}});
    nodes.push_back({{"name", m.name}, {"mesh", gltfMeshes.size() - 1}});
  }
  ojson sceneNodes = ojson::array();
  for (std::size_t n = 0; n < nodes.size(); ++n) sceneNodes.push_back(n);
  j["scenes"] = ojson::array({{{"nodes", sceneNodes}}});
  j["nodes"] = nodes;
  j["meshes"] = gltfMeshes;
  j["materials"] = materials;
  j["accessors"] = accessors;
  j["bufferViews"] = views;
  j["buffers"] = ojson::array({{{"byteLength", bin.size()}}});
  return glbContainer(j.dump(), bin);
}

}  // namespace parktwin::model
