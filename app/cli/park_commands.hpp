#pragma once
// parktwin-cli park new / park edit / park import-geojson (command_park.cpp declares them).
#include <CLI/CLI.hpp>

#include <filesystem>
#include <functional>
#include <string>

#include "parktwin/model/park.hpp"

namespace parktwin::cli {

std::function<int()> declareParkEdit(CLI::App& sub);
std::function<int()> declareParkImport(CLI::App& sub);
std::function<int()> declareParkNew(CLI::App& sub);

// What `check` adds to loading a park (whose problems loadPark and EditHistory already give):
// every model file it names opens and reads, relative to `file`. Prints each error and warning
// as "FILE: ..." in `language`; false when there is an error. `park edit` asks it before writing,
// so that nothing it writes is refused by `check` (command_check.cpp owns it).
bool modelFilesReadable(const model::Park& park, const std::filesystem::path& file, const std::string& language);

}  // namespace parktwin::cli
