#pragma once
// The bundled data (parks/, scenarios/, tours/) and the one rule that turns a command-line or
// scenario argument into a file: a bundled name ("beidu") or a path. The CLI, the window and
// scenario loading all resolve through here, so they accept and refuse the same arguments.
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "parktwin/common/result.hpp"

namespace parktwin::model {

// <folder of `executable`>/../share/parktwin. An install puts the binaries in <prefix>/bin and
// the data in <prefix>/share/parktwin; the build tree is laid out the same (<build>/bin,
// <build>/share/parktwin), so one rule serves both and no build or source folder is compiled in.
std::filesystem::path bundledDataFolder(const std::filesystem::path& executable);

// Which bundled files an argument can name: the park files or the scenario files.
enum class BundledKind { park, scenario };

// Stems of the bundled files of one kind ("beidu", "jiulong"), sorted; empty when none.
std::vector<std::string> bundledNames(const std::filesystem::path& dataFolder, BundledKind kind);

// An argument names a bundled file when it has no folder and no .json ending ("beidu");
// "beidu.json" and "./beidu" are paths.
bool looksLikeBundledName(const std::string& argument);

// Resolves `nameOrPath`: a bundled name gives <data>/<kind folder>/<name>.json; a path (or a
// name that is no bundled file but an existing file or folder) is taken relative to
// `relativeTo` (empty: the working folder). A path is returned without checking it exists, so
// the loader can say what is wrong with it; a name that is neither fails with e.g.
// `no park named "x": bundled parks are beidu, jiulong; or give a park file's path`, in
// `language` ("zh" or "en").
Result<std::filesystem::path> resolveBundledOrPath(const std::string& nameOrPath, BundledKind kind,
                                                   const std::filesystem::path& dataFolder,
                                                   const std::filesystem::path& relativeTo = {},
                                                   std::string_view language = "en");

inline Result<std::filesystem::path> resolvePark(const std::string& nameOrPath, const std::filesystem::path& dataFolder,
                                                 const std::filesystem::path& relativeTo = {},
                                                 std::string_view language = "en") {
  return resolveBundledOrPath(nameOrPath, BundledKind::park, dataFolder, relativeTo, language);
}

}  // namespace parktwin::model
