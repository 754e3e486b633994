#pragma once
// The window's one reading of each 3D model file (twin/model's glTF reader), kept per path and
// modification time: the scene reads a model's bounds and triangles from it, and the notice of
// a model that did not load words its reason from the same reading, in either language, rather
// than parsing the file again (it was read up to three times: the scene, then the notice once
// per language). A file changed on disk has another time, so it is read afresh. GUI thread.
#include <filesystem>

#include "parktwin/model/gltf_summary.hpp"

namespace parktwin::app {

// The reading of `file`; a file that is not there (no modification time) is read, and fails,
// each time, and is not kept.
model::GltfReading modelFileReading(const std::filesystem::path& file);

}  // namespace parktwin::app
