// A park's "model" entries name glTF files (.glb or .gltf) that anyone may hand over with the
// park; `parktwin-cli check` and `model info` read them with model::summarizeGltfBytes before
// the window does. Input: the file's bytes. Properties: a summary that loads has no negative
// count, and its bounds, when it has any, are finite, within float range (glTF's and the window's
// type) and min <= max on every axis. The folder for external buffers does not exist, so any
// buffer file is missing, as for a model handed over without its .bin.
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "parktwin/model/gltf_summary.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string bytes(reinterpret_cast<const char*>(data), size);
  auto summary = parktwin::model::summarizeGltfBytes(bytes, "fuzz.glb", "/nonexistent/parktwin-fuzz");
  if (!summary) {
    if (summary.error().message.rfind("fuzz.glb", 0) != 0) std::abort();  // every refusal names the file
    return 0;
  }
  if (summary->triangles < 0 || summary->vertices < 0 || summary->meshes < 0 || summary->materials < 0 ||
      summary->nodes_drawn < 0) {
    std::abort();
  }
  if (summary->binary != (size >= 4 && bytes.compare(0, 4, "glTF") == 0)) std::abort();
  if (summary->has_bounds) {
    for (std::size_t axis = 0; axis < 3; ++axis) {
      if (!std::isfinite(summary->min[axis]) || !std::isfinite(summary->max[axis])) std::abort();
      if (std::fabs(summary->min[axis]) > 3.4028235e38 || std::fabs(summary->max[axis]) > 3.4028235e38) std::abort();
      if (summary->min[axis] > summary->max[axis]) std::abort();
    }
  }
  return 0;
}
