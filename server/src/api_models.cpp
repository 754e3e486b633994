// GET .../models and .../models/{n}/{file}: the files of the models the park names
// (model::modelFileSets), so that a desk that takes the server's park draws its buildings and
// machines as they are, not as boxes. Only the listed files are sent: a name is looked up, never
// joined to a folder, so no request reaches another file of this disk.
#include <nlohmann/json.hpp>

#include <algorithm>
#include <charconv>
#include <fstream>
#include <iterator>

#include "api.hpp"

namespace parktwin::server {

using nlohmann::json;

ApiResponse Api::modelList() const {
  json models = json::array();
  for (std::size_t i = 0; i < c_.models.size(); ++i) {
    models.push_back({{"index", i}, {"uri", c_.models[i].uri}, {"files", c_.models[i].files}});
  }
  return {200, json{{"models", models}}.dump()};
}

// parts: api, v1, parks, <park>, models, <index>, then the file's name, '/' within a .gltf's folder.
ApiResponse Api::modelFile(const std::vector<std::string>& parts, const std::string& lang) const {
  std::size_t index = 0;
  const std::string& number = parts[5];
  const auto [end, error] = std::from_chars(number.data(), number.data() + number.size(), index);
  if (error != std::errc() || end != number.data() + number.size() || index >= c_.models.size()) {
    const std::string count = std::to_string(c_.models.size());
    return errorResponse(404, inLanguage(lang, "no model " + number + "; GET .../models lists " + count,
                                         "没有模型 " + number + "；GET .../models 列出了 " + count + " 个"));
  }
  std::string name;
  for (std::size_t i = 6; i < parts.size(); ++i) name += (i > 6 ? "/" : "") + parts[i];
  const model::ModelFileSet& set = c_.models[index];
  if (std::find(set.files.begin(), set.files.end(), name) == set.files.end()) {
    return errorResponse(404, inLanguage(lang, "model " + number + " (" + set.uri + ") has no file \"" + name + "\"",
                                         "模型 " + number + "（" + set.uri + "）没有文件“" + name + "”"));
  }
  std::ifstream in(set.folder / name, std::ios::binary);
  std::string bytes{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
  // Gone or unreadable since the server started: named as the park file names the model, never
  // by this disk's path (QA: a desk's error showed the server's folders).
  if (!in && !in.eof()) {
    return errorResponse(500, inLanguage(lang, "model " + number + " (" + set.uri + "): cannot read its file \"" + name + "\" on the server",
                                         "模型 " + number + "（" + set.uri + "）：服务器上无法读取其文件“" + name + "”"));
  }
  return {200, std::move(bytes), nullptr, "application/octet-stream"};
}

}  // namespace parktwin::server
