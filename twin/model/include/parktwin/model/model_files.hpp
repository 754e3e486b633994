#pragma once
// The model files a park names (the optional "model" of buildings, machine groups, utilities
// and externals), found relative to the park file and read with summarizeGltf. Loading a park
// does not open them: a missing model leaves a box in the window, and `parktwin-cli check`
// reports it with its JSON path.
#include <filesystem>
#include <string>
#include <vector>

#include "parktwin/model/park.hpp"

namespace parktwin::model {

// Triangles per machine above which an instanced group costs the frame rate on llvmpipe
// (docs/scene.md: a potline draws hundreds of instances of one mesh).
inline constexpr long long kInstancedTriangleBudget = 200'000;

struct ModelUse {
  std::string path;  // JSON pointer of the "model" member: "/lines/0/machines/1/model"
  std::string object_id;
  const ModelRef* model = nullptr;
  int instances = 1;  // machines drawn with it (a machine group's count)
};

// Every model the park names, in file order.
std::vector<ModelUse> modelUses(const Park& park);

// The model's file: its uri taken relative to the park file's folder.
std::filesystem::path modelFile(const ModelRef& model, const std::filesystem::path& parkFile);

struct ModelFileReport {
  std::vector<std::string> errors;    // "/buildings/3/model/uri: <file>: cannot open the model file"
  std::vector<std::string> warnings;  // heavy meshes on many instances
};
ModelFileReport checkModelFiles(const Park& park, const std::filesystem::path& parkFile);

}  // namespace parktwin::model
