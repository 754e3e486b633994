// parktwin-cli park new [--id ID] [--name-zh TEXT] [--name-en TEXT] [--latitude DEG]
// [--longitude DEG] [--out FILE] [--force] [--lang zh|en] (declared by command_park.cpp): the
// window's File → New park (model::newPark) with the flags' values, checked by the park's own
// rules (model::validatePark) and written where no file is yet. Exit 0 written; 2 bad flags or
// an existing file (nothing written); 1 the file could not be written.
#include <filesystem>
#include <iostream>
#include <memory>
#include <string>
#include <string_view>
#include <utility>

#include "command_registry.hpp"
#include "park_commands.hpp"
#include "parktwin/model/new_park.hpp"
#include "parktwin/model/park_file.hpp"
#include "parktwin/model/validate.hpp"

namespace parktwin::cli {
namespace {

struct NewParkFlags {
  model::Park park = model::newPark();  // what a flag leaves out is File → New's
  std::string out;
  bool force = false;
  std::string language = "en";
  CLI::Option* nameZh = nullptr;
  CLI::Option* nameEn = nullptr;
};

// The flag that sets each field the validator may refuse, so a problem names what was typed
// ("--latitude: ...") rather than a JSON path of a file that does not exist yet.
std::string_view flagOf(const std::string& jsonPath) {
  constexpr std::pair<std::string_view, std::string_view> kFlags[] = {
      {"/id", "--id"}, {"/name/zh", "--name-zh"}, {"/name/en", "--name-en"},
      {"/latitude_deg", "--latitude"}, {"/longitude_deg", "--longitude"}};
  for (const auto& [path, flag] : kFlags) {
    if (path == jsonPath) return flag;
  }
  return jsonPath;  // a field no flag sets: model::newPark broke a rule (its unit test says it does not)
}

// A name given in one language only stands for both, as `park import-geojson` does. Returns a
// note that says so (printed once the file is written), since a window in the other language
// will show the name as typed; empty when both names were given, or neither.
std::string fillMissingName(NewParkFlags& f) {
  const bool zh = f.language == "zh";
  auto& name = f.park.name;
  if (f.nameEn->count() > 0 && f.nameZh->count() == 0 && !name.en.empty()) {
    name.zh = name.en;
    return zh ? "提示：未给 --name-zh，中文名称也用“" + name.en + "”\n"
              : "note: no --name-zh; the Chinese name is \"" + name.en + "\" too\n";
  }
  if (f.nameZh->count() > 0 && f.nameEn->count() == 0 && !name.zh.empty()) {
    name.en = name.zh;
    return zh ? "提示：未给 --name-en，英文名称也用“" + name.zh + "”\n"
              : "note: no --name-en; the English name is \"" + name.zh + "\" too\n";
  }
  return {};
}

// Every refused flag on a line of its own, worded as `check` words a file's problem.
bool flagsValid(const NewParkFlags& f) {
  const auto problems = model::validatePark(f.park);
  for (const auto& problem : problems) {
    std::cerr << flagOf(problem.path) << ": " << model::problemText(problem.wording, f.language) << "\n";
  }
  return problems.empty();
}

int runNew(NewParkFlags& f) {
  const bool zh = f.language == "zh";
  const std::string nameNote = fillMissingName(f);
  if (!flagsValid(f)) return 2;
  // By default named after its id, with the suffix the window's Save as adds, so a double-click opens it.
  const std::filesystem::path out = f.out.empty() ? f.park.id + ".park.json" : f.out;
  std::error_code ec;
  if (std::filesystem::exists(out, ec) && !f.force) {
    std::cerr << (zh ? out.string() + " 已存在：请用 --out 换一个文件，或加 --force 覆盖它\n"
                     : out.string() + " exists; choose another --out, or add --force to replace it\n");
    return 2;
  }
  if (auto saved = model::savePark(f.park, out, f.language); !saved) return std::cerr << saved.error().message << "\n", 1;
  // The reader's language's name first, as `check` names a park.
  const auto& name = f.park.name;
  std::cout << (zh ? "已写入 " : "wrote ") << out.string() << ": " << (zh ? name.zh + " / " + name.en : name.en + " / " + name.zh) << " ("
            << f.park.id << ") " << (zh ? "位于 " : "at ") << f.park.latitude_deg << ", " << f.park.longitude_deg << "\n";
  std::cerr << nameNote;
  return 0;
}

}  // namespace

std::function<int()> declareParkNew(CLI::App& sub) {
  auto f = std::make_shared<NewParkFlags>();
  sub.add_option("--id", f->park.id,
                 say("The park's id (lower-case letters, digits, '_', '-', '.')", "园区的 id（小写字母、数字、'_'、'-'、'.'）"))
      ->capture_default_str();
  // No default shown for the names: the Chinese one would break the man page (groff wants ASCII).
  f->nameZh = sub.add_option("--name-zh", f->park.name.zh,
                             say("The park's Chinese name (default: the --name-en given, else File > New park's)",
                                 "园区的中文名称（默认：所给的 --name-en，否则与 文件 > 新建园区 相同）"));
  f->nameEn = sub.add_option("--name-en", f->park.name.en,
                             say("The park's English name (default: the --name-zh given, else File > New park's)",
                                 "园区的英文名称（默认：所给的 --name-zh，否则与 文件 > 新建园区 相同）"));
  sub.add_option("--latitude", f->park.latitude_deg,
                 say("Latitude of the park's origin in degrees (WGS84, -90 to 90)", "园区原点的纬度，单位为度（WGS84，-90 到 90）"))
      ->capture_default_str();
  sub.add_option("--longitude", f->park.longitude_deg,
                 say("Longitude of the park's origin in degrees (WGS84, -180 to 180)",
                     "园区原点的经度，单位为度（WGS84，-180 到 180）"))
      ->capture_default_str();
  sub.add_option("--out", f->out, say("The park file to write (default: ID.park.json)", "要写出的园区文件（默认：ID.park.json）"));
  sub.add_flag("--force", f->force, say("Replace the file if it exists", "文件已存在时覆盖它"));
  return [f] {
    f->language = commandLanguage();
    return runNew(*f);
  };
}

}  // namespace parktwin::cli
