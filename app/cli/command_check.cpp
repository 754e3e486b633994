// parktwin-cli check FILE [--lang zh|en]: validate a park file and summarise it, or list every
// problem (in Chinese under --lang zh, worded by twin/model as the window words them).
#include <algorithm>
#include <cstdio>
#include <iostream>
#include <string>

#include "command_registry.hpp"
#include "park_commands.hpp"
#include "parktwin/model/bundled_data.hpp"
#include "parktwin/model/ground_overlaps.hpp"
#include "parktwin/model/model_files.hpp"
#include "parktwin/model/park_file.hpp"
#include "terminal.hpp"

namespace parktwin::cli {

// The park loads without opening its model files (a missing one is a box in the window);
// check opens each, so a file that would show as a box is an error here, with its JSON path.
bool modelFilesReadable(const model::Park& park, const std::filesystem::path& file, const std::string& language) {
  const auto report = model::checkModelFiles(park, file, language);
  for (const auto& warning : report.warnings) std::cerr << file.string() << (language == "zh" ? ": 警告：" : ": warning: ") << warning << "\n";
  for (const auto& error : report.errors) std::cerr << file.string() << ": " << error << "\n";
  // A bundled park copied by hand still names its models from the bundled parks' folder.
  const auto bundledOnly = [&](const model::ModelUse& use) {
    std::error_code ec;
    return !std::filesystem::exists(model::modelFile(*use.model, file), ec) &&
           std::filesystem::exists(model::modelFile(*use.model, dataFolder() / "parks" / "park.json"), ec);
  };
  if (!report.errors.empty() && std::ranges::any_of(model::modelUses(park), bundledOnly)) {
    const std::string models = (dataFolder() / "models").string();
    std::cerr << (language == "zh" ? "它的模型是内置园区的（" + models +
                                         "）：用 `parktwin-cli park edit beidu --set /id=NEW --out FILE` 复制的园区会保留它们\n"
                                   : "its models are the bundled parks' (" + models +
                                         "): a copy made with `parktwin-cli park edit beidu --set /id=NEW --out FILE` keeps them\n");
  }
  return report.errors.empty();
}

namespace {

void printSummary(const model::Park& park, const std::string& language) {
  const auto s = model::summarize(park);
  const auto models = model::modelUses(park).size();
  // The ground's layout first (QA: zones and roads went uncounted), then what stands on it.
  const auto zones = park.zones.size(), roads = park.roads.size();
  if (language == "zh") {
    std::cout << park.name.zh << " / " << park.name.en << " (" << park.id << ")：检查通过\n";
    std::cout << "  区域 " << zones << "，道路 " << roads << "，建筑 " << s.buildings << "，企业 " << s.enterprises << "，产线 "
              << s.lines << "，设备组 " << s.machine_groups << "，设备 " << s.machines << "\n"
              << "  公用设施 " << s.utilities << "，测点 " << s.tags << "，物料连接 " << s.material_links << "，能源连接 "
              << s.energy_links << "，三维模型 " << models << "\n";
    return;
  }
  std::cout << park.name.en << " / " << park.name.zh << " (" << park.id << "): ok\n";
  std::cout << "  zones " << zones << ", roads " << roads << ", buildings " << s.buildings << ", enterprises " << s.enterprises
            << ", lines " << s.lines << ", machine groups " << s.machine_groups << ", machines " << s.machines << "\n"
            << "  utilities " << s.utilities << ", tags " << s.tags << ", material links " << s.material_links
            << ", energy links " << s.energy_links << ", 3D models " << models << "\n";
}

int runCheck(const std::string& argument, const std::string& language) {
  auto file = model::resolvePark(argument, dataFolder(), {}, language);
  if (!file) {
    std::cerr << file.error().message << "\n";
    return 2;
  }
  auto park = model::loadPark(*file, language);
  if (!park) {
    std::cerr << park.error().message << "\n";
    return 2;
  }
  if (!modelFilesReadable(*park, *file, language)) return 2;
  for (const auto& overlap : model::groundOverlaps(*park)) {
    std::cerr << file->string() << (language == "zh" ? ": 警告：" : ": warning: ") << model::groundOverlapText(overlap, language) << "\n";
  }
  printSummary(*park, language);
  return 0;
}

const bool registered = registerCommand({
    "check", "Validate a park file and its 3D model files and print a summary, or every problem with its JSON path",
    [](CLI::App& sub) {
      auto file = std::make_shared<std::string>();
      sub.add_option("file", *file, "Park file, or the name of a bundled park (beidu, jiulong)")->required();
      return [file] { return runCheck(*file, commandLanguage()); };
    }});

}  // namespace
}  // namespace parktwin::cli
