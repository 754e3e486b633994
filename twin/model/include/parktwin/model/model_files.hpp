#pragma once
// The model files a park names (the optional "model" of buildings, machine groups, utilities
// and externals), found relative to the park file and read with summarizeGltf. Loading a park
// does not open them: a missing model leaves a box in the window, and `parktwin-cli check`
// reports it with its JSON path.
#include <filesystem>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "parktwin/model/park.hpp"

namespace parktwin::model {

// Triangles per machine above which an instanced group costs the frame rate on llvmpipe
// (docs/scene.md: a potline draws hundreds of instances of one mesh).
inline constexpr long long kInstancedTriangleBudget = 200'000;

// Triangles a machine group may ask of one view in all (its model's times its machines) before
// the window draws the group as boxes instead: a 1,008,200-triangle pot on a line of 160 pots
// (161 M) kept Beidu's window 43 s from its first frame on llvmpipe. The bundled library's
// heaviest group asks some 20,000.
inline constexpr long long kGroupTriangleLimit = 20'000'000;
// By division, not a product: a file's triangle count saturates at the largest integer.
inline bool tooHeavyToDraw(long long triangles, long long instances) {
  return instances > 0 && triangles > kGroupTriangleLimit / instances;
}

struct ModelUse {
  std::string path;  // JSON pointer of the "model" member: "/lines/0/machines/1/model"
  std::string object_id;
  const ModelRef* model = nullptr;
  int instances = 1;  // machines drawn with it (a machine group's count)
  bool machines = false;  // a machine group's: drawn with its mid level of detail where there is one
};

// Every model the park names, in file order.
std::vector<ModelUse> modelUses(const Park& park);

// The model's file: its uri taken relative to the park file's folder.
std::filesystem::path modelFile(const ModelRef& model, const std::filesystem::path& parkFile);

// For a copy of the park written to `to`, read from `from`: every model uri rewritten to name
// the same file from `to`'s folder (relative where the two share a root, else absolute), so a
// copy of a bundled park elsewhere keeps its models. Returns how many uris changed.
int relocateModels(Park& park, const std::filesystem::path& from, const std::filesystem::path& to);

// Every model uri found in `newUriByOld` replaced by its new uri (a desk that fetched the
// server's model files names its own copies). Returns how many model references changed.
int replaceModelUris(Park& park, const std::map<std::string, std::string>& newUriByOld);

// A machine model's mid level of detail, drawn while its machines stand some tens of pixels
// high: the same name with "-lod1" before the extension, beside it (pot.glb -> pot-lod1.glb;
// docs/park-format.md). It is optional and not named in the park file.
std::filesystem::path midLevelFile(const std::filesystem::path& modelFile);

// What a desk needs to draw one model the park names, as parktwin-server sends it: the model
// file, its mid level of detail when there is one, and for a .gltf the buffers and images it
// names in its own folder or below. `files` are relative to `folder` (generic, '/'), the model
// file first; a model whose file is missing has none.
struct ModelFileSet {
  std::string uri;  // as the park file names it
  std::filesystem::path folder;
  std::vector<std::string> files;
};
// One set per distinct uri, in file order. A .gltf's reference outside its folder, absolute or
// to a file that is not there is left out (a desk draws that model without it).
std::vector<ModelFileSet> modelFileSets(const Park& park, const std::filesystem::path& parkFile);

struct ModelFileReport {
  std::vector<std::string> errors;    // "/buildings/3/model/uri: <file>: cannot open the model file"
  std::vector<std::string> warnings;  // heavy meshes on many instances
};
// In `language` ("zh" or "en"), as parktwin-cli check --lang words them.
ModelFileReport checkModelFiles(const Park& park, const std::filesystem::path& parkFile, std::string_view language = "en");

}  // namespace parktwin::model
