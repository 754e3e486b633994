// parktwin-cli model info FILE | model convert IN --out DIR: what a 3D model costs the scene,
// and FBX/OBJ/DAE/glTF turned into the one GLB a park file names (docs/models.md).
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <fstream>
#include <iostream>
#include <map>
#include <regex>
#include <sstream>

#include "command_registry.hpp"
#include "parktwin/model/gltf_summary.hpp"
#include "parktwin/model/model_files.hpp"
#include "parktwin/model/qt_mesh.hpp"

namespace parktwin::cli {
namespace {

namespace fs = std::filesystem;

int runInfo(const std::string& file) {
  auto summary = model::summarizeGltf(file);
  if (!summary) {
    std::cerr << summary.error().message << "\n";
    return 2;
  }
  const auto& s = *summary;
  std::printf("%s: glTF 2.0 %s\n", file.c_str(), s.binary ? "binary (.glb)" : "text (.gltf)");
  std::printf("  triangles %lld, vertices %lld, meshes %d, materials %d, nodes drawn %d\n",
              static_cast<long long>(s.triangles), static_cast<long long>(s.vertices), s.meshes, s.materials, s.nodes_drawn);
  if (s.has_bounds) {
    std::printf("  bounds x %.3f .. %.3f, y %.3f .. %.3f, z %.3f .. %.3f (size %.3f x %.3f x %.3f)\n", s.min[0], s.max[0],
                s.min[1], s.max[1], s.min[2], s.max[2], s.max[0] - s.min[0], s.max[1] - s.min[1], s.max[2] - s.min[2]);
  } else {
    std::printf("  bounds: the scene draws nothing\n");
  }
  if (s.triangles > model::kInstancedTriangleBudget) {
    std::printf("  warning: %lld triangles; above %lld per instanced machine the frame rate suffers (docs/scene.md)\n",
                static_cast<long long>(s.triangles), model::kInstancedTriangleBudget);
  }
  return 0;
}

// balsam from PARKTWIN_BALSAM, else Qt's own folder, else PATH; empty when none.
std::string findBalsam() {
  if (const char* chosen = std::getenv("PARKTWIN_BALSAM"); chosen && *chosen) return chosen;
  std::error_code ec;
  if (fs::exists("/usr/lib/qt6/bin/balsam", ec)) return "/usr/lib/qt6/bin/balsam";
  const char* path = std::getenv("PATH");
  std::stringstream folders(path ? path : "");
  for (std::string folder; std::getline(folders, folder, ':');) {
    if (!folder.empty() && fs::exists(fs::path(folder) / "balsam", ec)) return (fs::path(folder) / "balsam").string();
  }
  return {};
}

// Runs balsam on `input` into `folder` with the offscreen platform (it needs no display);
// its output goes to `log`. Returns its exit status, or -1 when it could not start.
int runBalsam(const std::string& balsam, const fs::path& input, const fs::path& folder, const fs::path& log) {
  const pid_t child = fork();
  if (child < 0) return -1;
  if (child == 0) {
    setenv("QT_QPA_PLATFORM", "offscreen", 1);
    if (std::freopen(log.c_str(), "w", stdout) && std::freopen(log.c_str(), "a", stderr)) {
      execl(balsam.c_str(), balsam.c_str(), "-o", folder.c_str(), input.c_str(), static_cast<char*>(nullptr));
    }
    _exit(127);
  }
  int status = 0;
  if (waitpid(child, &status, 0) < 0) return -1;
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

std::array<float, 4> colourOf(const std::string& argb) {
  const auto byte = [&](std::size_t at) { return static_cast<float>(std::stoi(argb.substr(at, 2), nullptr, 16)) / 255.0f; };
  if (argb.size() == 9) return {byte(3), byte(5), byte(7), byte(1)};  // "#aarrggbb"
  if (argb.size() == 7) return {byte(1), byte(3), byte(5), 1};
  return {0.6f, 0.6f, 0.6f, 1};
}

// balsam's QML names each material's colour and, per Model, its mesh file and materials.
std::vector<model::MeshWithColours> meshesOfBalsamQml(const fs::path& qmlFile, const fs::path& folder, std::string& error) {
  std::ifstream in(qmlFile);
  const std::string qml((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  std::map<std::string, std::array<float, 4>> colours;
  const std::regex material(R"(id:\s*(\w+)\s*\n\s*(?:diffuseColor|baseColor):\s*\"(#[0-9a-fA-F]+)\")");
  for (std::sregex_iterator it(qml.begin(), qml.end(), material), end; it != end; ++it) colours[(*it)[1]] = colourOf((*it)[2]);
  std::vector<model::MeshWithColours> meshes;
  const std::regex modelSource(R"(source:\s*\"(meshes/[^\"]+\.mesh)\"\s*\n\s*materials:\s*\[([^\]]*)\])");
  for (std::sregex_iterator it(qml.begin(), qml.end(), modelSource), end; it != end; ++it) {
    auto mesh = model::readQtMesh(folder / (*it)[1].str());
    if (!mesh) {
      error = mesh.error().message;
      return {};
    }
    model::MeshWithColours entry{std::move(*mesh), fs::path((*it)[1].str()).stem().string(), {}};
    const std::string names = (*it)[2];
    const std::regex word(R"(\w+)");
    for (std::sregex_iterator n(names.begin(), names.end(), word), nEnd; n != nEnd; ++n) {
      entry.colours.push_back(colours.count(n->str()) ? colours[n->str()] : std::array<float, 4>{0.6f, 0.6f, 0.6f, 1});
    }
    meshes.push_back(std::move(entry));
  }
  if (meshes.empty() && error.empty()) error = qmlFile.string() + ": balsam wrote no mesh";
  return meshes;
}

struct ConvertOptions {
  std::string input;
  std::string out;
};

int runConvert(const ConvertOptions& o) {
  std::error_code ec;
  if (!fs::is_regular_file(o.input, ec)) {
    std::cerr << o.input << ": no such model file\n";
    return 2;
  }
  const std::string balsam = findBalsam();
  if (balsam.empty()) {
    std::cerr << "model convert: balsam was not found; install qt6-quick3d-dev-tools and "
                 "qt6-quick3d-assetimporters-plugin (or set PARKTWIN_BALSAM)\n";
    return 1;
  }
  fs::create_directories(o.out, ec);
  const fs::path work = fs::path(o.out) / ".balsam";
  fs::remove_all(work, ec);
  fs::create_directories(work, ec);
  const int status = runBalsam(balsam, fs::absolute(o.input), work, work / "balsam.log");
  std::ifstream logFile(work / "balsam.log");
  const std::string log((std::istreambuf_iterator<char>(logFile)), std::istreambuf_iterator<char>());
  fs::path qmlFile;
  for (const auto& entry : fs::directory_iterator(work, ec)) {
    if (entry.path().extension() == ".qml") qmlFile = entry.path();
  }
  if (status != 0 || qmlFile.empty()) {
    std::cerr << o.input << ": balsam could not convert it (exit " << status << "); for FBX, OBJ and DAE it needs "
              << "qt6-quick3d-assetimporters-plugin\n" << log;
    return 1;
  }
  std::string error;
  const auto meshes = meshesOfBalsamQml(qmlFile, work, error);
  if (meshes.empty()) {
    std::cerr << error << "\n";
    return 1;
  }
  const fs::path glb = fs::path(o.out) / (fs::path(o.input).stem().string() + ".glb");
  std::ofstream(glb, std::ios::binary) << model::writeGlb(meshes);
  fs::remove_all(work, ec);
  std::cout << "wrote " << glb.string() << "\n";
  return runInfo(glb.string());
}

const bool registered = registerCommand({
    "model", "3D models: what a glTF/GLB file holds (model info), or FBX/OBJ/DAE/glTF converted to GLB (model convert)",
    [](CLI::App& sub) {
      sub.require_subcommand(1);
      auto action = std::make_shared<std::function<int()>>();
      auto file = std::make_shared<std::string>();
      CLI::App* info = sub.add_subcommand("info", "Triangles, materials and bounds of a .glb or .gltf file");
      info->add_option("file", *file, "Model file (.glb or .gltf)")->required();
      info->callback([file, action] { *action = [file] { return runInfo(*file); }; });
      auto o = std::make_shared<ConvertOptions>();
      CLI::App* convert = sub.add_subcommand("convert", "Convert a model with Qt's balsam into DIR/<name>.glb");
      convert->add_option("input", o->input, "Model file: .fbx, .obj, .dae, .gltf or .glb")->required();
      convert->add_option("--out", o->out, "Folder for the .glb")->required();
      convert->callback([o, action] { *action = [o] { return runConvert(*o); }; });
      return [action] { return *action ? (*action)() : 2; };
    }});

}  // namespace
}  // namespace parktwin::cli
