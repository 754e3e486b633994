// The files of each model a park names, for a server to send to another desk (model_files.hpp).
#include <algorithm>
#include <fstream>
#include <iterator>
#include <nlohmann/json.hpp>
#include <set>

#include "parktwin/common/percent_decode.hpp"
#include "parktwin/model/model_files.hpp"

namespace parktwin::model {
namespace {

bool isFile(const std::filesystem::path& file) {
  std::error_code error;
  return std::filesystem::is_regular_file(file, error);
}

// glTF uris are URI references: "my%20tex.png" names "my tex.png"; a uri with a '%' that
// escapes nothing is taken as written ("100%.png").
std::string fileNameOf(const std::string& uri) { return percentDecoded(uri).value_or(uri); }

// The buffers and images a .gltf names in its folder or below, relative to that folder. A
// file that is not JSON names none: the desk's loader reports it as it would here.
std::vector<std::string> gltfResources(const std::filesystem::path& gltf) {
  std::ifstream in(gltf, std::ios::binary);
  const auto doc = nlohmann::json::parse(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>(), nullptr, false);
  std::vector<std::string> out;
  if (!doc.is_object()) return out;
  for (const char* list : {"buffers", "images"}) {
    const auto it = doc.find(list);
    if (it == doc.end() || !it->is_array()) continue;
    for (const auto& item : *it) {
      if (!item.is_object() || !item.contains("uri") || !item["uri"].is_string()) continue;
      const std::string uri = item["uri"].get<std::string>();
      if (uri.starts_with("data:")) continue;  // inside the file
      const std::filesystem::path relative = std::filesystem::path(fileNameOf(uri)).lexically_normal();
      // Only its own folder and below: a server sends nothing from elsewhere on its disk.
      if (relative.empty() || relative.is_absolute() || relative.has_root_name() || *relative.begin() == "..") continue;
      if (isFile(gltf.parent_path() / relative)) out.push_back(relative.generic_string());
    }
  }
  return out;
}

}  // namespace

std::vector<ModelFileSet> modelFileSets(const Park& park, const std::filesystem::path& parkFile) {
  std::vector<ModelFileSet> sets;
  std::set<std::string> seen;
  for (const ModelUse& use : modelUses(park)) {
    if (!seen.insert(use.model->uri).second) continue;
    const std::filesystem::path file = modelFile(*use.model, parkFile);
    ModelFileSet set{use.model->uri, file.parent_path(), {}};
    if (isFile(file)) {
      set.files.push_back(file.filename().generic_string());
      if (const auto mid = midLevelFile(file); isFile(mid)) set.files.push_back(mid.filename().generic_string());
      if (file.extension() == ".gltf") {
        for (auto& resource : gltfResources(file)) {
          if (std::find(set.files.begin(), set.files.end(), resource) == set.files.end()) set.files.push_back(std::move(resource));
        }
      }
    }
    sets.push_back(std::move(set));
  }
  return sets;
}

}  // namespace parktwin::model
