#include "parktwin/model/bundled_data.hpp"

#include <algorithm>

namespace parktwin::model {
namespace {

struct KindWords {
  const char* folder;    // under the data folder
  const char* singular;  // in messages
  const char* plural;
  const char* zh;        // the same in Chinese: "园区"
};

KindWords wordsFor(BundledKind kind) {
  switch (kind) {
    case BundledKind::park:
      return {"parks", "park", "parks", "园区"};
    case BundledKind::scenario:
      return {"scenarios", "scenario", "scenarios", "情景"};
  }
  return {"parks", "park", "parks", "园区"};
}

std::string joined(const std::vector<std::string>& names, std::string_view separator = ", ") {
  std::string text;
  for (const auto& name : names) text += (text.empty() ? "" : std::string(separator)) + name;
  return text;
}

std::filesystem::path against(const std::filesystem::path& path, const std::filesystem::path& relativeTo) {
  if (path.is_absolute() || relativeTo.empty()) return path;
  return (relativeTo / path).lexically_normal();
}

}  // namespace

std::filesystem::path bundledDataFolder(const std::filesystem::path& executable) {
  return (executable.parent_path() / ".." / "share" / "parktwin").lexically_normal();
}

std::vector<std::string> bundledNames(const std::filesystem::path& dataFolder, BundledKind kind) {
  std::vector<std::string> names;
  std::error_code ec;
  for (const auto& entry : std::filesystem::directory_iterator(dataFolder / wordsFor(kind).folder, ec)) {
    if (entry.path().extension() == ".json") names.push_back(entry.path().stem().string());
  }
  std::ranges::sort(names);
  return names;
}

bool looksLikeBundledName(const std::string& argument) {
  return !argument.empty() && argument.find('/') == std::string::npos && !argument.ends_with(".json");
}

Result<std::filesystem::path> resolveBundledOrPath(const std::string& nameOrPath, BundledKind kind,
                                                   const std::filesystem::path& dataFolder,
                                                   const std::filesystem::path& relativeTo, std::string_view language) {
  const KindWords words = wordsFor(kind);
  if (!looksLikeBundledName(nameOrPath)) return against(nameOrPath, relativeTo);
  const auto bundled = dataFolder / words.folder / (nameOrPath + ".json");
  std::error_code ec;
  if (std::filesystem::is_regular_file(bundled, ec)) return bundled;
  // A file (or folder) of that name beside us is what was meant: its loader says what is wrong.
  const auto local = against(nameOrPath, relativeTo);
  if (std::filesystem::exists(local, ec)) return local;
  const auto names = bundledNames(dataFolder, kind);
  const std::string folder = (dataFolder / words.folder).string();
  if (language == "zh") {
    const std::string known = names.empty() ? std::string("没有安装内置") + words.zh + "（应在 " + folder + "）"
                                            : std::string("内置") + words.zh + "有 " + joined(names, "、");
    return fail(std::string("没有名为“") + nameOrPath + "”的" + words.zh + "：" + known + "；也可给出" + words.zh +
                "文件的路径");
  }
  const std::string known = names.empty() ? std::string("no bundled ") + words.plural + " are installed in " + folder
                                          : std::string("bundled ") + words.plural + " are " + joined(names);
  return fail(std::string("no ") + words.singular + " named \"" + nameOrPath + "\": " + known + "; or give a " +
              words.singular + " file's path");
}

}  // namespace parktwin::model
