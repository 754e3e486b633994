#include "parktwin/model/model_files.hpp"

#include <map>

#include "parktwin/model/gltf_summary.hpp"

namespace parktwin::model {

std::vector<ModelUse> modelUses(const Park& park) {
  std::vector<ModelUse> uses;
  const auto add = [&](const auto& items, const std::string& base) {
    for (std::size_t i = 0; i < items.size(); ++i) {
      if (items[i].model) uses.push_back({base + "/" + std::to_string(i) + "/model", items[i].id, &*items[i].model, 1});
    }
  };
  add(park.buildings, "/buildings");
  for (std::size_t l = 0; l < park.lines.size(); ++l) {
    const auto& machines = park.lines[l].machines;
    for (std::size_t m = 0; m < machines.size(); ++m) {
      if (!machines[m].model) continue;
      uses.push_back({"/lines/" + std::to_string(l) + "/machines/" + std::to_string(m) + "/model", machines[m].id,
                      &*machines[m].model, machines[m].count});
    }
  }
  add(park.utilities, "/utilities");
  add(park.externals, "/externals");
  return uses;
}

std::filesystem::path modelFile(const ModelRef& model, const std::filesystem::path& parkFile) {
  return (parkFile.parent_path() / model.uri).lexically_normal();
}

ModelFileReport checkModelFiles(const Park& park, const std::filesystem::path& parkFile) {
  ModelFileReport report;
  std::map<std::filesystem::path, Result<GltfSummary>> read;  // a shared model is read once
  for (const ModelUse& use : modelUses(park)) {
    const auto file = modelFile(*use.model, parkFile);
    auto it = read.find(file);
    if (it == read.end()) {
      std::error_code ec;
      Result<GltfSummary> summary = std::filesystem::exists(file, ec)
                                        ? summarizeGltf(file)
                                        : Result<GltfSummary>(fail(file.string() + ": no such model file"));
      it = read.emplace(file, std::move(summary)).first;
    }
    if (!it->second) {
      report.errors.push_back(use.path + "/uri: " + it->second.error().message);
      continue;
    }
    if (use.instances > 1 && it->second->triangles > kInstancedTriangleBudget) {
      report.warnings.push_back(use.path + "/uri: " + std::to_string(it->second->triangles) + " triangles drawn " +
                                std::to_string(use.instances) + " times; above " +
                                std::to_string(kInstancedTriangleBudget) + " per instanced machine the frame rate suffers");
    }
  }
  return report;
}

}  // namespace parktwin::model
