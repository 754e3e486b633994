// parktwin-cli model info FILE | model convert IN --out DIR: what a 3D model costs the scene,
// and FBX/OBJ/DAE/glTF turned into the one GLB a park file names (docs/park-format.md, "model").
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <sstream>

#include "command_registry.hpp"
#include "parktwin/model/balsam_scene.hpp"
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
    setenv("XDG_RUNTIME_DIR", folder.c_str(), 0);  // else Qt makes one under TMPDIR, left behind
    if (std::freopen(log.c_str(), "w", stdout) && std::freopen(log.c_str(), "a", stderr)) {
      execl(balsam.c_str(), balsam.c_str(), "-o", folder.c_str(), input.c_str(), static_cast<char*>(nullptr));
    }
    _exit(127);
  }
  int status = 0;
  if (waitpid(child, &status, 0) < 0) return -1;
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

// Qt's assimp importer plugin, which balsam needs for FBX, OBJ and DAE: beside the balsam
// used (a Qt of one's own, PARKTWIN_BALSAM), or in Debian's Qt.
bool assimpPluginFound(const fs::path& balsam) {
  std::error_code ec;
  const fs::path plugin = "assetimporters/libassimp.so";
  if (fs::exists(balsam.parent_path().parent_path() / "plugins" / plugin, ec)) return true;
  for (const auto& lib : fs::directory_iterator("/usr/lib", ec)) {
    if (fs::exists(lib.path() / "qt6/plugins" / plugin, ec)) return true;
  }
  return fs::exists("/usr/lib/qt6/plugins" / plugin, ec);
}

// What balsam said about a file it could not read: its own error lines, without Qt's noise.
std::string balsamComplaint(const std::string& log) {
  std::stringstream lines(log);
  std::string out;
  for (std::string line; std::getline(lines, line);) {
    if (line.empty() || line.starts_with("QStandardPaths:") || line.starts_with("generated file:")) continue;
    out += "  " + line + "\n";
  }
  return out;
}

// `bytes` into `file` whole or not at all: written beside it, then renamed over it (--force
// replaces a GLB that way, never leaving it half written).
Result<void> writeFileWhole(const fs::path& file, const std::string& bytes) {
  std::error_code ec;
  if (!fs::create_directories(file.parent_path(), ec) && ec) return fail(file.parent_path().string() + ": cannot create the folder: " + ec.message());
  const fs::path part = file.string() + ".part";
  {
    std::ofstream out(part, std::ios::binary);
    out << bytes;
    out.close();
    if (!out) return fail(part.string() + ": cannot write it");
  }
  fs::rename(part, file, ec);
  if (ec) return fail(file.string() + ": cannot write it: " + ec.message());
  return {};
}

struct ConvertOptions {
  std::string input;
  std::string out;
  bool force = false;
};

// The GLB's path, or why it may not be written there.
Result<fs::path> outputFile(const ConvertOptions& o) {
  std::error_code ec;
  if (fs::exists(o.out, ec) && !fs::is_directory(o.out, ec)) return fail(o.out + ": exists and is not a folder; --out names the folder for the .glb");
  const fs::path glb = fs::path(o.out) / (fs::path(o.input).stem().string() + ".glb");
  if (fs::exists(glb, ec) && fs::equivalent(glb, o.input, ec)) {
    return fail(glb.string() + " is the input itself; write the converted model to another folder");
  }
  if (fs::exists(glb, ec) && !o.force) return fail(glb.string() + " exists; choose another --out, or add --force to replace it");
  return glb;
}

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
  auto glb = outputFile(o);
  if (!glb) {
    std::cerr << "model convert: " << glb.error().message << "\n";
    return 2;
  }
  // balsam writes into a folder of its own, outside --out: a failed conversion leaves nothing.
  std::string pattern = (fs::temp_directory_path(ec) / "parktwin-balsam-XXXXXX").string();
  if (!mkdtemp(pattern.data())) {
    std::cerr << "model convert: cannot make a work folder: " << pattern << "\n";
    return 1;
  }
  const fs::path work = pattern;
  const int status = runBalsam(balsam, fs::absolute(o.input), work, work / "balsam.log");
  std::ifstream logFile(work / "balsam.log");
  const std::string log((std::istreambuf_iterator<char>(logFile)), std::istreambuf_iterator<char>());
  fs::path qmlFile;
  for (const auto& entry : fs::directory_iterator(work, ec)) {
    if (entry.path().extension() == ".qml") qmlFile = entry.path();
  }
  bool texturesDropped = false;
  auto meshes = status == 0 && !qmlFile.empty() ? model::meshesOfBalsamScene(qmlFile, texturesDropped)
                                                : Result<std::vector<model::MeshWithColours>>(fail("balsam could not read it"));
  fs::remove_all(work, ec);
  if (!meshes) {
    std::cerr << o.input << ": " << meshes.error().message << "\n" << balsamComplaint(log);
    if (!assimpPluginFound(balsam)) std::cerr << "for FBX, OBJ and DAE balsam needs qt6-quick3d-assetimporters-plugin\n";
    return 1;
  }
  if (meshes->empty()) {
    std::cerr << o.input << ": nothing to draw in it (balsam found no mesh)\n";
    return 1;
  }
  if (auto written = writeFileWhole(*glb, model::writeGlb(*meshes)); !written) {
    std::cerr << "model convert: " << written.error().message << "\n";
    return 1;
  }
  std::cout << "wrote " << glb->string() << "\n";
  if (texturesDropped) std::cout << "  note: texture maps are not kept; a textured part takes its material's colour (often white)\n";
  return runInfo(glb->string());
}

const bool registered = registerCommand({
    "model",
    {"3D models: what a glTF/GLB file holds (model info), or FBX/OBJ/DAE/glTF converted to GLB (model convert)",
     "三维模型：查看 glTF/GLB 文件的内容（model info），或把 FBX/OBJ/DAE/glTF 转换为 GLB（model convert）"},
    [](CLI::App& sub) {
      sub.require_subcommand(1);
      auto action = std::make_shared<std::function<int()>>();
      auto file = std::make_shared<std::string>();
      CLI::App* info = sub.add_subcommand("info", say("Triangles, materials and bounds of a .glb or .gltf file",
                                                         ".glb 或 .gltf 文件的三角形数、材质和包围盒"));
      info->add_option("file", *file, say("Model file (.glb or .gltf)", "模型文件（.glb 或 .gltf）"))->required();
      info->callback([file, action] { *action = [file] { return runInfo(*file); }; });
      auto o = std::make_shared<ConvertOptions>();
      CLI::App* convert = sub.add_subcommand("convert", say("Convert a model with Qt's balsam into DIR/<name>.glb",
                                                               "用 Qt 的 balsam 把模型转换为 目录/<名称>.glb"));
      convert->add_option("input", o->input,
                          say("Model file: .fbx, .obj, .dae, .gltf or .glb", "模型文件：.fbx、.obj、.dae、.gltf 或 .glb"))->required();
      convert->add_option("--out", o->out, say("Folder for the .glb", "存放 .glb 的文件夹"))->required();
      convert->add_flag("--force", o->force, say("Replace DIR/<name>.glb if it exists", "目录/<名称>.glb 已存在时覆盖它"));
      convert->callback([o, action] { *action = [o] { return runConvert(*o); }; });
      return [action] { return *action ? (*action)() : 2; };
    }});

}  // namespace
}  // namespace parktwin::cli
