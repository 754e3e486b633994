// glTF 2.0 / GLB → GltfSummary. Only the JSON is interpreted: the GLB container is checked
// (magic, version, lengths, chunk types) and the JSON's references are followed with bounds
// checks, so a truncated or hand-broken file is an error here and not a blank model later.
#include "parktwin/model/gltf_summary.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <limits>
#include <optional>
#include <vector>

#include "parktwin/model/json_reader.hpp"
#include "parktwin/model/problem_wording.hpp"

namespace parktwin::model {
namespace {

using detail::json;
using Matrix = std::array<double, 16>;  // column-major, as glTF stores node matrices

constexpr std::uint32_t kGlbMagic = 0x46546C67;  // "glTF"
constexpr std::uint32_t kChunkJson = 0x4E4F534A;  // "JSON"
constexpr std::uint32_t kChunkBin = 0x004E4942;   // "BIN\0"
constexpr int kMaxNodeDepth = 256;                // deeper is a cycle, which glTF forbids
// A node may be the child of several parents (instancing), so a tree of a few nodes can draw
// 2^depth instances; beyond this many the file is refused rather than walked for ever.
constexpr std::int64_t kMaxNodeInstances = 100'000;
// glTF's buffers are at most 2^32 bytes in a GLB: no accessor holds more elements.
constexpr std::uint64_t kMaxAccessorCount = 0xFFFFFFFFULL;

// Counts as drawn can exceed int64 for a hostile file (many primitives, many instances).
std::int64_t addSaturated(std::int64_t a, std::int64_t b) {
  std::int64_t sum = 0;
  return __builtin_add_overflow(a, b, &sum) ? std::numeric_limits<std::int64_t>::max() : sum;
}

std::uint32_t readU32(const std::string& bytes, std::size_t at) {
  std::uint32_t v = 0;
  for (int i = 3; i >= 0; --i) v = (v << 8) | static_cast<unsigned char>(bytes[at + static_cast<std::size_t>(i)]);
  return v;
}

struct GlbParts {
  std::string json;
  std::optional<std::size_t> binBytes;  // length of the BIN chunk, when there is one
};

// The refusal in both languages: the window words it in its own, and may change language.
using Refused = std::unexpected<LocalizedText>;

std::expected<GlbParts, LocalizedText> splitGlb(const std::string& bytes, const std::string& source) {
  const auto bad = [&](const std::string& en, const std::string& inChinese) {
    return Refused(LocalizedText{.zh = source + ": GLB 文件头：" + inChinese, .en = source + ": GLB header: " + en});
  };
  const std::string size = std::to_string(bytes.size());
  if (bytes.size() < 20) return bad("expected at least 20 bytes, got " + size, "应至少有 20 个字节，实际为 " + size);
  if (const auto version = std::to_string(readU32(bytes, 4)); version != "2") {
    return bad("expected version 2, got " + version, "应为版本 2，实际为 " + version);
  }
  const std::uint32_t total = readU32(bytes, 8);
  if (total != bytes.size()) {
    const std::string declared = std::to_string(total);
    return bad("declares " + declared + " bytes, the file has " + size, "声明 " + declared + " 个字节，文件实际有 " + size + " 个");
  }
  const std::uint32_t jsonLength = readU32(bytes, 12);
  if (readU32(bytes, 16) != kChunkJson) return bad("expected the first chunk to be JSON", "第一个数据块应为 JSON");
  if (20ULL + jsonLength > bytes.size()) return bad("the JSON chunk runs past the end of the file", "JSON 数据块超出了文件末尾");
  GlbParts parts{bytes.substr(20, jsonLength), std::nullopt};
  const std::size_t next = 20 + ((jsonLength + 3U) & ~3U);
  if (next + 8 <= bytes.size() && readU32(bytes, next + 4) == kChunkBin) {
    const std::size_t binLength = readU32(bytes, next);
    if (next + 8 + binLength > bytes.size()) return bad("the BIN chunk runs past the end of the file", "BIN 数据块超出了文件末尾");
    parts.binBytes = binLength;
  }
  return parts;
}

// One problem in the JSON, with its JSON pointer ("pot.glb: /accessors/3: ..."), in both
// languages (the window's notice words it in its own).
struct Refusal {
  std::string path;
  std::string what;
  std::string what_zh;
};

const json* element(const json& root, const char* array, const json& index) {
  if (!index.is_number_unsigned() || !root.contains(array) || !root[array].is_array()) return nullptr;
  const auto i = index.get<std::size_t>();
  return i < root[array].size() ? &root[array][i] : nullptr;
}

std::size_t sizeOf(const json& root, const char* array) {
  return root.contains(array) && root[array].is_array() ? root[array].size() : 0;
}

double numberOr(const json& object, const char* key, double fallback) {
  return object.contains(key) && object[key].is_number() ? object[key].get<double>() : fallback;
}

Matrix multiply(const Matrix& a, const Matrix& b) {
  Matrix m{};
  for (int c = 0; c < 4; ++c)
    for (int r = 0; r < 4; ++r)
      for (int k = 0; k < 4; ++k) m[c * 4 + r] += a[k * 4 + r] * b[c * 4 + k];
  return m;
}

Matrix identity() { return {1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1}; }

// A node's local transform: its matrix, or T * R * S (glTF 2.0, 5.25 "node").
Matrix localTransform(const json& node) {
  if (node.contains("matrix") && node["matrix"].is_array() && node["matrix"].size() == 16) {
    Matrix m{};
    for (std::size_t i = 0; i < 16; ++i) m[i] = node["matrix"][i].is_number() ? node["matrix"][i].get<double>() : 0;
    return m;
  }
  const auto vec = [&](const char* key, std::array<double, 4> fallback, std::size_t n) {
    if (node.contains(key) && node[key].is_array() && node[key].size() == n) {
      for (std::size_t i = 0; i < n; ++i) fallback[i] = node[key][i].is_number() ? node[key][i].get<double>() : 0;
    }
    return fallback;
  };
  const auto t = vec("translation", {0, 0, 0, 0}, 3);
  const auto q = vec("rotation", {0, 0, 0, 1}, 4);
  const auto s = vec("scale", {1, 1, 1, 0}, 3);
  const double x = q[0], y = q[1], z = q[2], w = q[3];
  const Matrix rotation{1 - 2 * (y * y + z * z), 2 * (x * y + z * w),     2 * (x * z - y * w),     0,
                        2 * (x * y - z * w),     1 - 2 * (x * x + z * z), 2 * (y * z + x * w),     0,
                        2 * (x * z + y * w),     2 * (y * z - x * w),     1 - 2 * (x * x + y * y), 0,
                        0,                       0,                       0,                       1};
  const Matrix scale{s[0], 0, 0, 0, 0, s[1], 0, 0, 0, 0, s[2], 0, 0, 0, 0, 1};
  const Matrix translation{1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, t[0], t[1], t[2], 1};
  return multiply(translation, multiply(rotation, scale));
}

class Summarizer {
 public:
  Summarizer(const json& root, GltfSummary& out) : root_(root), out_(out) {}

  std::optional<Refusal> run() {
    if (auto refused = checkAsset()) return refused;
    if (auto refused = checkMeshes()) return refused;
    out_.meshes = static_cast<int>(sizeOf(root_, "meshes"));
    out_.materials = static_cast<int>(sizeOf(root_, "materials"));
    return visitScene();
  }

 private:
  std::optional<Refusal> checkAsset() const {
    if (!root_.is_object()) return Refusal{"/", "expected a JSON object", "应为 JSON 对象"};
    const json* asset = root_.contains("asset") ? &root_["asset"] : nullptr;
    if (!asset || !asset->is_object() || !asset->contains("version") || !(*asset)["version"].is_string()) {
      return Refusal{"/asset/version", "missing; expected \"2.0\"", "缺失；应为“2.0”"};
    }
    const auto version = (*asset)["version"].get<std::string>();
    if (version.rfind("2.", 0) != 0) return Refusal{"/asset/version", "expected glTF 2.x, got \"" + version + "\"", "应为 glTF 2.x，实际为“" + version + "”"};
    return std::nullopt;
  }

  // Every primitive's POSITION and indices name accessors with a count; POSITION has min/max.
  std::optional<Refusal> checkMeshes() {
    for (std::size_t m = 0; m < sizeOf(root_, "meshes"); ++m) {
      const json& mesh = root_["meshes"][m];
      const std::string at = "/meshes/" + std::to_string(m);
      if (!mesh.is_object() || !mesh.contains("primitives") || !mesh["primitives"].is_array()) {
        return Refusal{at + "/primitives", "expected an array of primitives", "应为图元（primitive）数组"};
      }
      MeshCost cost;
      for (std::size_t p = 0; p < mesh["primitives"].size(); ++p) {
        if (auto refused = addPrimitive(mesh["primitives"][p], at + "/primitives/" + std::to_string(p), cost)) return refused;
      }
      meshCosts_.push_back(cost);
    }
    return std::nullopt;
  }

  struct MeshCost {
    std::int64_t triangles = 0;
    std::int64_t vertices = 0;
    std::vector<std::array<double, 6>> boxes;  // min xyz, max xyz of each primitive
  };

  std::optional<Refusal> addPrimitive(const json& primitive, const std::string& at, MeshCost& cost) {
    const json* attributes = primitive.is_object() && primitive.contains("attributes") ? &primitive["attributes"] : nullptr;
    if (!attributes || !attributes->is_object() || !attributes->contains("POSITION")) {
      return Refusal{at + "/attributes/POSITION", "missing", "缺失"};
    }
    const json* position = element(root_, "accessors", (*attributes)["POSITION"]);
    if (!position) return Refusal{at + "/attributes/POSITION", "refers to no accessor", "引用的访问器（accessor）不存在"};
    if (auto refused = checkAccessor(*position, (*attributes)["POSITION"].get<std::size_t>())) return refused;
    const auto box = boundsOf(*position);
    if (!box) return Refusal{"/accessors/" + std::to_string((*attributes)["POSITION"].get<std::size_t>()), "POSITION without min/max of 3 numbers",
                     "POSITION 缺少各含 3 个数的 min/max"};
    cost.boxes.push_back(*box);
    auto count = (*position)["count"].get<std::int64_t>();  // checkAccessor: 0..2^32-1
    cost.vertices = addSaturated(cost.vertices, count);
    if (primitive.contains("indices")) {
      const json* indices = element(root_, "accessors", primitive["indices"]);
      if (!indices) return Refusal{at + "/indices", "refers to no accessor", "引用的访问器（accessor）不存在"};
      if (auto refused = checkAccessor(*indices, primitive["indices"].get<std::size_t>())) return refused;
      count = (*indices)["count"].get<std::int64_t>();
    }
    std::uint64_t mode = 4;  // triangles
    if (primitive.contains("mode")) {
      if (!primitive["mode"].is_number_unsigned() || primitive["mode"].get<std::uint64_t>() > 6) {
        return Refusal{at + "/mode", "expected a primitive mode 0..6", "图元模式应为 0..6"};
      }
      mode = primitive["mode"].get<std::uint64_t>();
    }
    if (mode == 4) cost.triangles = addSaturated(cost.triangles, count / 3);
    else if ((mode == 5 || mode == 6) && count >= 3) cost.triangles = addSaturated(cost.triangles, count - 2);
    if (primitive.contains("material") && !element(root_, "materials", primitive["material"])) {
      return Refusal{at + "/material", "refers to no material", "引用的材质不存在"};
    }
    return std::nullopt;
  }

  // An accessor's view and buffer exist, and the view lies inside its buffer.
  std::optional<Refusal> checkAccessor(const json& accessor, std::size_t index) const {
    const std::string at = "/accessors/" + std::to_string(index);
    if (!accessor.is_object() || !accessor.contains("count") || !accessor["count"].is_number_unsigned() ||
        accessor["count"].get<std::uint64_t>() > kMaxAccessorCount) {
      return Refusal{at + "/count", "expected a count up to " + std::to_string(kMaxAccessorCount),
                     "数量应不超过 " + std::to_string(kMaxAccessorCount)};
    }
    if (!accessor.contains("bufferView")) return std::nullopt;  // all zeros (sparse), legal
    const json* view = element(root_, "bufferViews", accessor["bufferView"]);
    if (!view || !view->contains("buffer")) return Refusal{at + "/bufferView", "refers to no buffer view", "引用的缓冲视图（buffer view）不存在"};
    const json* buffer = element(root_, "buffers", (*view)["buffer"]);
    if (!buffer) return Refusal{at + "/bufferView", "its view refers to no buffer", "其缓冲视图引用的缓冲区（buffer）不存在"};
    const double end = numberOr(*view, "byteOffset", 0) + numberOr(*view, "byteLength", 0);
    if (end > numberOr(*buffer, "byteLength", 0)) {
      return Refusal{at + "/bufferView", "its view runs past the end of its buffer", "其缓冲视图超出了缓冲区末尾"};
    }
    return std::nullopt;
  }

  static std::optional<std::array<double, 6>> boundsOf(const json& accessor) {
    if (!accessor.contains("min") || !accessor.contains("max")) return std::nullopt;
    const json& lo = accessor["min"];
    const json& hi = accessor["max"];
    if (!lo.is_array() || !hi.is_array() || lo.size() != 3 || hi.size() != 3) return std::nullopt;
    std::array<double, 6> box{};
    for (std::size_t i = 0; i < 3; ++i) {
      if (!lo[i].is_number() || !hi[i].is_number()) return std::nullopt;
      box[i] = lo[i].get<double>();
      box[i + 3] = hi[i].get<double>();
    }
    return box;
  }

  // The default scene's node trees (or every mesh once, untransformed, when there is no scene).
  std::optional<Refusal> visitScene() {
    const json* scene = nullptr;
    if (sizeOf(root_, "scenes") > 0) {
      scene = root_.contains("scene") ? element(root_, "scenes", root_["scene"]) : &root_["scenes"][0];
      if (!scene) return Refusal{"/scene", "refers to no scene", "引用的场景不存在"};
    }
    if (!scene) {
      for (std::size_t m = 0; m < meshCosts_.size(); ++m) {
        if (auto refused = addMesh(m, identity(), "/meshes/" + std::to_string(m))) return refused;
      }
      return std::nullopt;
    }
    if (!scene->contains("nodes")) return std::nullopt;
    for (const json& index : (*scene)["nodes"]) {
      if (auto refused = visitNode(index, identity(), 0)) return refused;
    }
    return std::nullopt;
  }

  std::optional<Refusal> visitNode(const json& index, const Matrix& parent, int depth) {
    const json* node = element(root_, "nodes", index);
    if (!node || !node->is_object()) return Refusal{"/nodes", "a scene or node refers to node " + index.dump() + ", which does not exist",
                                                      "场景或节点引用的节点 " + index.dump() + " 不存在"};
    if (depth > kMaxNodeDepth) return Refusal{"/nodes/" + index.dump(), "the node tree is cyclic or deeper than 256", "节点树有环或深于 256 层"};
    if (++instances_ > kMaxNodeInstances) {
      const std::string most = std::to_string(kMaxNodeInstances);
      return Refusal{"/nodes/" + index.dump(), "the scene draws more than " + most + " node instances (nodes shared by too many parents)",
                     "场景绘制的节点实例超过 " + most + " 个（节点被过多父节点共用）"};
    }
    const Matrix world = multiply(parent, localTransform(*node));
    if (node->contains("mesh")) {
      if (!element(root_, "meshes", (*node)["mesh"])) return Refusal{"/nodes/" + index.dump() + "/mesh", "refers to no mesh", "引用的网格不存在"};
      if (auto refused = addMesh((*node)["mesh"].get<std::size_t>(), world, "/nodes/" + index.dump())) return refused;
    }
    if (node->contains("children") && (*node)["children"].is_array()) {
      for (const json& child : (*node)["children"]) {
        if (auto refused = visitNode(child, world, depth + 1)) return refused;
      }
    }
    return std::nullopt;
  }

  // `at`: the node (or mesh) drawn, for the refusal of bounds beyond double range.
  std::optional<Refusal> addMesh(std::size_t mesh, const Matrix& world, const std::string& at) {
    const MeshCost& cost = meshCosts_[mesh];
    out_.triangles = addSaturated(out_.triangles, cost.triangles);
    out_.vertices = addSaturated(out_.vertices, cost.vertices);
    ++out_.nodes_drawn;
    for (const auto& box : cost.boxes) {
      for (int corner = 0; corner < 8; ++corner) {
        const double p[3] = {box[(corner & 1) ? 3 : 0], box[(corner & 2) ? 4 : 1], box[(corner & 4) ? 5 : 2]};
        for (int axis = 0; axis < 3; ++axis) {
          const double v = world[static_cast<std::size_t>(axis)] * p[0] + world[static_cast<std::size_t>(4 + axis)] * p[1] +
                           world[static_cast<std::size_t>(8 + axis)] * p[2] + world[static_cast<std::size_t>(12 + axis)];
          const auto a = static_cast<std::size_t>(axis);
          // glTF positions are floats, and the window converts the bounds to float (scene_items.cpp).
          if (!(std::fabs(v) <= std::numeric_limits<float>::max())) {
            return Refusal{at, "its bounds through the node transforms are beyond the range of a float",
                             "经节点变换后的包围盒超出了单精度浮点数的范围"};
          }
          out_.min[a] = out_.has_bounds ? std::min(out_.min[a], v) : v;
          out_.max[a] = out_.has_bounds ? std::max(out_.max[a], v) : v;
        }
        out_.has_bounds = true;  // after the first corner, later ones widen the box
      }
    }
    return std::nullopt;
  }

  const json& root_;
  GltfSummary& out_;
  std::vector<MeshCost> meshCosts_;
  std::int64_t instances_ = 0;  // nodes visited so far, bounded by kMaxNodeInstances
};

// Buffers other than the GLB's own BIN chunk must be embedded (data:) or files beside the model.
std::optional<Refusal> checkBuffers(const json& root, const std::optional<std::size_t>& binBytes, bool binary,
                                    const std::filesystem::path& folder) {
  for (std::size_t b = 0; b < sizeOf(root, "buffers"); ++b) {
    const json& buffer = root["buffers"][b];
    const std::string at = "/buffers/" + std::to_string(b);
    if (!buffer.is_object() || !buffer.contains("uri")) {
      if (!binary || b != 0) return Refusal{at + "/uri", "missing; only a GLB's first buffer may omit it", "缺失；只有 GLB 的第一个缓冲区可以省略它"};
      if (!binBytes || static_cast<double>(*binBytes) < numberOr(buffer, "byteLength", 0)) {
        return Refusal{at + "/byteLength", "larger than the GLB's BIN chunk", "大于 GLB 的 BIN 数据块"};
      }
      continue;
    }
    const std::string uri = buffer["uri"].is_string() ? buffer["uri"].get<std::string>() : "";
    if (uri.rfind("data:", 0) == 0) continue;
    std::error_code ec;
    if (uri.empty() || !std::filesystem::is_regular_file(folder / uri, ec)) {
      return Refusal{at + "/uri", "cannot open \"" + uri + "\"", "无法打开“" + uri + "”"};
    }
  }
  return std::nullopt;
}

}  // namespace

GltfReading readGltfBytes(const std::string& bytes, const std::string& source, const std::filesystem::path& folder) {
  GltfSummary summary;
  std::string jsonText = bytes;
  std::optional<std::size_t> binBytes;
  summary.binary = bytes.size() >= 4 && readU32(bytes, 0) == kGlbMagic;
  if (summary.binary) {
    auto parts = splitGlb(bytes, source);
    if (!parts) return Refused(parts.error());
    jsonText = std::move(parts->json);
    binBytes = parts->binBytes;
  }
  // Worded afterwards, once per language: the JSON is parsed once.
  auto root = detail::parseJsonWorded(jsonText, source);
  if (!root) {
    const auto worded = [&](std::string_view language) {
      ProblemWording wording = root.error();
      if (summary.binary) wording.first = source + (language == "zh" ? ": JSON 数据块" : ": JSON chunk");
      return problemText(wording, language);
    };
    return Refused(LocalizedText{.zh = worded("zh"), .en = worded("en")});
  }
  Summarizer summarizer(*root, summary);
  auto refused = summarizer.run();
  if (!refused) refused = checkBuffers(*root, binBytes, summary.binary, folder);
  if (refused) {
    const std::string at = source + ": " + refused->path + ": ";
    return Refused(LocalizedText{.zh = at + refused->what_zh, .en = at + refused->what});
  }
  return summary;
}

Result<GltfSummary> summarizeGltfBytes(const std::string& bytes, const std::string& source,
                                       const std::filesystem::path& folder, std::string_view language) {
  auto reading = readGltfBytes(bytes, source, folder);
  if (!reading) return fail(reading.error().in(std::string(language)));
  return *reading;
}

namespace {

// A file that is no glTF at all, told apart before its bytes are read as JSON (whose error,
// "unexpected byte 0xd7 at line 1", would say nothing to someone holding a .glb or an .obj).
std::optional<LocalizedText> notGltf(const std::string& bytes, const std::filesystem::path& file) {
  std::string extension = file.extension().string();
  std::transform(extension.begin(), extension.end(), extension.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  const bool glbMagic = bytes.size() >= 4 && readU32(bytes, 0) == kGlbMagic;
  if (extension == ".glb" && !glbMagic) {
    return LocalizedText{.zh = "不是 GLB 文件：它不以“glTF”开头", .en = "not a GLB file: it does not start with \"glTF\""};
  }
  const std::size_t start = bytes.starts_with("\xEF\xBB\xBF") ? 3 : 0;  // a UTF-8 byte order mark, as some editors write
  const auto first = bytes.find_first_not_of(" \t\r\n", start);
  if (!glbMagic && (first == std::string::npos || bytes[first] != '{')) {
    return LocalizedText{
        .zh = "不是 glTF 文件（.gltf 是 JSON，.glb 以“glTF”开头）；FBX、OBJ 或 DAE 文件请先用 parktwin-cli model convert 转换",
        .en = "not a glTF file (a .gltf is JSON, a .glb starts with \"glTF\"); convert FBX, OBJ or DAE with parktwin-cli model convert"};
  }
  return std::nullopt;
}

}  // namespace

GltfReading readGltf(const std::filesystem::path& file) {
  auto bytes = detail::readTextFileWorded(file, "model file", "");
  // A file that cannot be read at all is said in English in both (readTextFile's rule without
  // a Chinese name for the kind of file).
  if (!bytes) return Refused(LocalizedText{.zh = problemText(bytes.error(), "en"), .en = problemText(bytes.error(), "en")});
  if (auto reason = notGltf(*bytes, file)) {
    return Refused(LocalizedText{.zh = file.string() + ": " + reason->zh, .en = file.string() + ": " + reason->en});
  }
  return readGltfBytes(*bytes, file.string(), file.parent_path());
}

Result<GltfSummary> summarizeGltf(const std::filesystem::path& file, std::string_view language) {
  auto reading = readGltf(file);
  if (!reading) return fail(reading.error().in(std::string(language)));
  return *reading;
}

}  // namespace parktwin::model
