#include "parktwin/model/model_files.hpp"

#include <iterator>
#include <map>

#include "parktwin/model/gltf_summary.hpp"

namespace parktwin::model {

namespace {

// Calls f(path, id, model, instances, isMachineGroup) for every model the park names, in file
// order; `P` is Park or const Park, so the same walk reads and rewrites.
template <typename P, typename F>
void forEachModel(P& park, F&& f) {
  const auto each = [&](auto& items, const std::string& base) {
    for (std::size_t i = 0; i < items.size(); ++i) {
      if (items[i].model) f(base + "/" + std::to_string(i) + "/model", items[i].id, *items[i].model, 1, false);
    }
  };
  each(park.buildings, "/buildings");
  for (std::size_t l = 0; l < park.lines.size(); ++l) {
    auto& machines = park.lines[l].machines;
    for (std::size_t m = 0; m < machines.size(); ++m) {
      if (!machines[m].model) continue;
      f("/lines/" + std::to_string(l) + "/machines/" + std::to_string(m) + "/model", machines[m].id, *machines[m].model,
        machines[m].count, true);
    }
  }
  each(park.utilities, "/utilities");
  each(park.externals, "/externals");
}

}  // namespace

std::vector<ModelUse> modelUses(const Park& park) {
  std::vector<ModelUse> uses;
  forEachModel(park, [&](std::string path, const std::string& id, const ModelRef& model, int instances, bool machines) {
    uses.push_back({std::move(path), id, &model, instances, machines});
  });
  return uses;
}

int relocateModels(Park& park, const std::filesystem::path& from, const std::filesystem::path& to) {
  const std::filesystem::path toFolder = std::filesystem::absolute(to).parent_path();
  const std::filesystem::path fromFile = std::filesystem::absolute(from);
  int changed = 0;
  forEachModel(park, [&](const std::string&, const std::string&, ModelRef& model, int, bool) {
    const std::filesystem::path file = modelFile(model, fromFile);
    // Relative within one tree (/work/..., /home/...), absolute across trees (/usr/share/parktwin
    // from a home folder), where a relative path would climb to the root.
    const bool oneTree = std::distance(file.begin(), file.end()) > 1 && std::distance(toFolder.begin(), toFolder.end()) > 1 &&
                         *std::next(file.begin()) == *std::next(toFolder.begin());
    const std::filesystem::path relative = oneTree ? file.lexically_relative(toFolder) : std::filesystem::path();
    const std::string uri = (relative.empty() ? file : relative).generic_string();
    if (uri == model.uri) return;
    model.uri = uri;
    ++changed;
  });
  return changed;
}

int replaceModelUris(Park& park, const std::map<std::string, std::string>& newUriByOld) {
  int changed = 0;
  forEachModel(park, [&](const std::string&, const std::string&, ModelRef& model, int, bool) {
    const auto it = newUriByOld.find(model.uri);
    if (it == newUriByOld.end() || it->second == model.uri) return;
    model.uri = it->second;
    ++changed;
  });
  return changed;
}

std::filesystem::path modelFile(const ModelRef& model, const std::filesystem::path& parkFile) {
  return (parkFile.parent_path() / model.uri).lexically_normal();
}

std::filesystem::path midLevelFile(const std::filesystem::path& modelFile) {
  auto mid = modelFile;
  mid.replace_filename(modelFile.stem().string() + "-lod1" + modelFile.extension().string());
  return mid;
}

// A model too heavy for how often it is drawn, in `language`; empty when it is not.
static std::string weightWarning(const ModelUse& use, std::int64_t triangles, std::string_view language) {
  const bool zh = language == "zh";
  const std::string drawn = use.path + "/uri: " +
                            (zh ? std::to_string(triangles) + " 个三角形绘制 " + std::to_string(use.instances) + " 次"
                                : std::to_string(triangles) + " triangles drawn " + std::to_string(use.instances) + " times");
  if (use.machines && tooHeavyToDraw(triangles, use.instances)) {
    const std::string limit = std::to_string(kGroupTriangleLimit);
    return drawn + (zh ? "，总数超过 " + limit + "：窗口把这个设备组画成方块" : ", over " + limit + " in all: the window draws this group as boxes");
  }
  if (use.instances > 1 && triangles > kInstancedTriangleBudget) {
    const std::string budget = std::to_string(kInstancedTriangleBudget);
    return drawn + (zh ? "；每台实例化设备超过 " + budget + " 个三角形时帧率下降" : "; above " + budget + " per instanced machine the frame rate suffers");
  }
  return {};
}

ModelFileReport checkModelFiles(const Park& park, const std::filesystem::path& parkFile, std::string_view language) {
  const bool zh = language == "zh";
  ModelFileReport report;
  std::map<std::filesystem::path, Result<GltfSummary>> read;  // a shared model is read once
  const auto summary = [&](const std::filesystem::path& file) -> const Result<GltfSummary>& {
    auto it = read.find(file);
    if (it == read.end()) {
      std::error_code ec;
      it = read.emplace(file, std::filesystem::exists(file, ec)
                                  ? summarizeGltf(file, language)
                                  : Result<GltfSummary>(fail(file.string() + (zh ? ": 没有这个模型文件" : ": no such model file"))))
               .first;
    }
    return it->second;
  };
  for (const ModelUse& use : modelUses(park)) {
    const auto file = modelFile(*use.model, parkFile);
    const auto& full = summary(file);
    if (!full) {
      report.errors.push_back(use.path + "/uri: " + full.error().message);
      continue;
    }
    // A machine group draws its mid level where there is one: a broken one would leave the
    // machines drawn at full detail with no word why.
    if (std::error_code ec; use.machines && std::filesystem::is_regular_file(midLevelFile(file), ec)) {
      if (const auto& mid = summary(midLevelFile(file)); !mid) {
        report.errors.push_back(use.path + (zh ? "/uri: 中等细节层级：" : "/uri: mid level of detail: ") + mid.error().message);
      }
    }
    if (auto warning = weightWarning(use, full->triangles, language); !warning.empty()) report.warnings.push_back(std::move(warning));
  }
  return report;
}

}  // namespace parktwin::model
