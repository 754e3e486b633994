#include "parktwin/model/model_files.hpp"

#include <map>

#include "parktwin/model/gltf_summary.hpp"

namespace parktwin::model {

std::vector<ModelUse> modelUses(const Park& park) {
  std::vector<ModelUse> uses;
  const auto add = [&](const auto& items, const std::string& base) {
    for (std::size_t i = 0; i < items.size(); ++i) {
      if (items[i].model) uses.push_back({base + "/" + std::to_string(i) + "/model", items[i].id, &*items[i].model, 1, false});
    }
  };
  add(park.buildings, "/buildings");
  for (std::size_t l = 0; l < park.lines.size(); ++l) {
    const auto& machines = park.lines[l].machines;
    for (std::size_t m = 0; m < machines.size(); ++m) {
      if (!machines[m].model) continue;
      uses.push_back({"/lines/" + std::to_string(l) + "/machines/" + std::to_string(m) + "/model", machines[m].id,
                      &*machines[m].model, machines[m].count, true});
    }
  }
  add(park.utilities, "/utilities");
  add(park.externals, "/externals");
  return uses;
}

std::filesystem::path modelFile(const ModelRef& model, const std::filesystem::path& parkFile) {
  return (parkFile.parent_path() / model.uri).lexically_normal();
}

std::filesystem::path midLevelFile(const std::filesystem::path& modelFile) {
  auto mid = modelFile;
  mid.replace_filename(modelFile.stem().string() + "-lod1" + modelFile.extension().string());
  return mid;
}

ModelFileReport checkModelFiles(const Park& park, const std::filesystem::path& parkFile) {
  ModelFileReport report;
  std::map<std::filesystem::path, Result<GltfSummary>> read;  // a shared model is read once
  const auto summary = [&](const std::filesystem::path& file) -> const Result<GltfSummary>& {
    auto it = read.find(file);
    if (it == read.end()) {
      std::error_code ec;
      it = read.emplace(file, std::filesystem::exists(file, ec) ? summarizeGltf(file)
                                                                 : Result<GltfSummary>(fail(file.string() + ": no such model file")))
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
        report.errors.push_back(use.path + "/uri: mid level of detail: " + mid.error().message);
      }
    }
    if (use.machines && tooHeavyToDraw(full->triangles, use.instances)) {
      report.warnings.push_back(use.path + "/uri: " + std::to_string(full->triangles) + " triangles drawn " +
                                std::to_string(use.instances) + " times, over " + std::to_string(kGroupTriangleLimit) +
                                " in all: the window draws this group as boxes");
    } else if (use.instances > 1 && full->triangles > kInstancedTriangleBudget) {
      report.warnings.push_back(use.path + "/uri: " + std::to_string(full->triangles) + " triangles drawn " +
                                std::to_string(use.instances) + " times; above " +
                                std::to_string(kInstancedTriangleBudget) + " per instanced machine the frame rate suffers");
    }
  }
  return report;
}

}  // namespace parktwin::model
