// parktwin-cli park import-geojson FILE --id ID --out FILE.park.json (declared by
// command_park.cpp): warnings to stderr; a malformed file or an invalid result exits 1 and
// writes nothing; an existing --out is replaced only with --force, as `park new` does.
#include <filesystem>
#include <iostream>
#include <memory>

#include "command_registry.hpp"
#include "park_commands.hpp"
#include "parktwin/geo/geojson_import.hpp"
#include "parktwin/model/json_reader.hpp"
#include "parktwin/model/park_file.hpp"

namespace parktwin::cli {
namespace {

struct ImportFlags {
  std::string file;
  std::string out;
  geo::ImportOptions options;
  bool force = false;
};

int runImport(const ImportFlags& f) {
  const bool zh = commandLanguage() == "zh";
  std::error_code ec;
  if (std::filesystem::exists(f.out, ec) && !f.force) {  // QA: a park someone edited was replaced without a word
    std::cerr << (zh ? f.out + " 已存在：请用 --out 换一个文件，或加 --force 覆盖它\n"
                     : f.out + " exists; choose another --out, or add --force to replace it\n");
    return 2;
  }
  auto text = model::detail::readTextFile(f.file, "GeoJSON file", "GeoJSON 文件", commandLanguage());
  if (!text) return std::cerr << text.error().message << "\n", 1;
  geo::ImportOptions options = f.options;
  options.language = commandLanguage();
  auto imported = geo::importGeoJson(*text, f.file, options);
  if (!imported) return std::cerr << imported.error().message << "\n", 1;
  for (const auto& warning : imported->warnings) std::cerr << f.file << (zh ? "：警告：" : ": warning: ") << warning << "\n";
  if (auto saved = model::savePark(imported->park, f.out, zh ? "zh" : "en"); !saved) {
    std::error_code ignored;
    std::filesystem::remove(f.out, ignored);  // no half-written park left behind
    return std::cerr << saved.error().message << "\n", 1;
  }
  const auto s = model::summarize(imported->park);
  if (zh) {
    std::cout << "已写入 " << f.out << "：建筑 " << s.buildings << "，区域 " << imported->park.zones.size() << "，道路 "
              << imported->park.roads.size() << "，位于 " << imported->park.latitude_deg << ", " << imported->park.longitude_deg
              << "（警告 " << imported->warnings.size() << " 条）\n";
    return 0;
  }
  const auto counted = [](std::size_t n, const char* one, const char* many) { return std::to_string(n) + " " + (n == 1 ? one : many); };
  std::cout << "wrote " << f.out << ": " << counted(static_cast<std::size_t>(s.buildings), "building", "buildings") << ", "
            << counted(imported->park.zones.size(), "zone", "zones") << ", " << counted(imported->park.roads.size(), "road", "roads")
            << " around " << imported->park.latitude_deg << ", " << imported->park.longitude_deg << " ("
            << counted(imported->warnings.size(), "warning", "warnings") << ")\n";
  return 0;
}

}  // namespace

std::function<int()> declareParkImport(CLI::App& sub) {
  auto f = std::make_shared<ImportFlags>();
  sub.add_option("file", f->file,
                 say("GeoJSON FeatureCollection in WGS84 longitude/latitude", "GeoJSON FeatureCollection（WGS84 经度/纬度）"))
      ->required();
  sub.add_option("--id", f->options.park_id,
                 say("The new park's id (lower-case letters, digits, '-', '_')", "新园区的 id（小写字母、数字、'-'、'_'）"))
      ->required();
  sub.add_option("--out", f->out, say("The park file to write", "要写出的园区文件"))->required();
  sub.add_flag("--force", f->force, say("Replace the file if it exists", "文件已存在时覆盖它"));
  sub.add_option("--name-en", f->options.name.en, say("The park's English name (default: the id)", "园区的英文名称（默认：id）"));
  sub.add_option("--name-zh", f->options.name.zh,
                 say("The park's Chinese name (default: the English one)", "园区的中文名称（默认：与英文名称相同）"));
  sub.add_option("--default-height", f->options.default_height_m,
                 say("Height in metres of a building without one", "没有给出高度的建筑的高度（米）"))
      ->capture_default_str();
  sub.add_option("--default-road-width", f->options.default_road_width_m,
                 say("Width in metres of a road without one", "没有给出宽度的道路的宽度（米）"))
      ->capture_default_str();
  return [f] {
    if (f->options.name.zh.empty()) f->options.name.zh = f->options.name.en;
    if (f->options.name.en.empty()) f->options.name.en = f->options.name.zh;
    return runImport(*f);
  };
}

}  // namespace parktwin::cli
