// parktwin-cli check FILE [--park PARK] [--lang zh|en]: validate a park file and summarise it, or
// list every problem (in Chinese under --lang zh, worded by twin/model as the window words them).
// A scenario or tour file is checked as what it is, against its park (QA: a tour file got a wall
// of park errors, and a tour could be checked only by starting the window).
#include <algorithm>
#include <cstdio>
#include <iostream>
#include <string>

#include "command_registry.hpp"
#include "park_commands.hpp"
#include "parktwin/model/bundled_data.hpp"
#include "parktwin/model/ground_overlaps.hpp"
#include "parktwin/model/model_files.hpp"
#include "parktwin/model/json_reader.hpp"
#include "parktwin/model/park_file.hpp"
#include "parktwin/model/tour.hpp"
#include "parktwin/scenario/scenario.hpp"
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

using model::detail::json;

void printSummary(const model::Park& park, const std::string& language) {
  const auto s = model::summarize(park);
  const auto models = model::modelUses(park).size();
  // The ground's layout first (QA: zones and roads went uncounted), then what stands on it.
  const auto zones = park.zones.size(), roads = park.roads.size();
  if (language == "zh") {
    std::cout << parkTitle(park, "zh") << "：检查通过\n";
    std::cout << "  区域 " << zones << "，道路 " << roads << "，建筑 " << s.buildings << "，企业 " << s.enterprises << "，产线 "
              << s.lines << "，设备组 " << s.machine_groups << "，设备 " << s.machines << "\n"
              << "  公用设施 " << s.utilities << "，测点 " << s.tags << "，物料连接 " << s.material_links << "，能源连接 "
              << s.energy_links << "，三维模型 " << models << "\n";
    return;
  }
  std::cout << parkTitle(park, "en") << ": ok\n";
  std::cout << "  zones " << zones << ", roads " << roads << ", buildings " << s.buildings << ", enterprises " << s.enterprises
            << ", lines " << s.lines << ", machine groups " << s.machine_groups << ", machines " << s.machines << "\n"
            << "  utilities " << s.utilities << ", tags " << s.tags << ", material links " << s.material_links
            << ", energy links " << s.energy_links << ", 3D models " << models << "\n";
}

// The "format" a ParkTwin file declares, or nothing (no JSON, no format: left to the park check).
std::string declaredFormat(const std::filesystem::path& file) {
  auto text = model::detail::readTextFile(file, "file", "文件");
  if (!text) return {};
  auto parsed = model::detail::parseJson(*text, file.string());
  if (!parsed || !parsed->is_object() || !parsed->contains("format") || !(*parsed)["format"].is_string()) return {};
  return (*parsed)["format"].get<std::string>();
}

int checkScenario(const std::filesystem::path& file, const std::string& language) {
  auto scenario = scenario::loadScenario(file, dataFolder(), language, scenario::TargetCheck::park_file);
  if (!scenario) {
    std::cerr << scenario.error().message << "\n";
    return 2;
  }
  const bool zh = language == "zh";
  std::cout << scenario->name.in(language) << " (" << scenario->id << ")" << (zh ? "：检查通过，园区 " : ": ok, park ")
            << scenario->park_file.string() << (zh ? "，变化 " : ", changes ") << scenario->changes.size() << "\n";
  return 0;
}

// A tour names its park by id: checked against --park, or the bundled park of that id.
int checkTour(const std::filesystem::path& file, const std::string& parkArgument, const std::string& language) {
  const bool zh = language == "zh";
  auto text = model::detail::readTextFile(file, "tour file", "导览文件", language);
  if (!text) {
    std::cerr << text.error().message << "\n";
    return 2;
  }
  auto parsed = model::detail::parseJson(*text, file.string(), language);
  const std::string parkId = parsed && parsed->value("park", json()).is_string() ? (*parsed)["park"].get<std::string>() : "";
  const bool bundled = parkArgument.empty() && model::looksLikeBundledName(parkId) &&
                       std::filesystem::exists(dataFolder() / "parks" / (parkId + ".json"));
  if (parkArgument.empty() && !bundled) {
    std::cerr << file.string()
              << (zh ? "：导览要对照其园区检查：请用 --park 给出园区文件（此导览是为园区“" + parkId + "”写的）\n"
                     : ": a tour is checked against its park: give the park file with --park (the tour is for park \"" + parkId +
                           "\")\n");
    return 2;
  }
  auto parkFile = model::resolvePark(bundled ? parkId : parkArgument, dataFolder(), {}, language);
  auto park = parkFile ? model::loadPark(*parkFile, language) : Result<model::Park>(std::unexpected(parkFile.error()));
  if (!park) {
    std::cerr << park.error().message << "\n";
    return 2;
  }
  auto tour = model::loadTour(file, *park, language);
  if (!tour) {
    std::cerr << tour.error().message << "\n";
    return 2;
  }
  std::cout << tour->name.in(language) << (zh ? "：检查通过，园区 " : ": ok, park ") << park->id << (zh ? "，站点 " : ", stops ")
            << tour->stops.size() << (zh ? "，时长 " : ", ") << tour->duration_s() << (zh ? " 秒\n" : " s\n");
  return 0;
}

int runCheck(const std::string& argument, const std::string& parkArgument, const std::string& language) {
  if (std::error_code ec; std::filesystem::is_regular_file(argument, ec)) {
    const std::string format = declaredFormat(argument);
    if (format == "parktwin-scenario/1") return checkScenario(argument, language);
    if (format == "parktwin-tour/1") return checkTour(argument, parkArgument, language);
    if (format == "parktwin-connections/1") {
      std::cerr << argument << (language == "zh" ? "：这是连接文件：用 parktwin-cli connections check 检查\n"
                                                 : ": this is a connections file: check it with parktwin-cli connections check\n");
      return 2;
    }
  }
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
    "check",
    {"Validate a park file and its 3D model files and print a summary, or every problem with its JSON path; a scenario "
     "or tour file is checked against its park",
     "校验园区文件及其三维模型文件，打印汇总，或逐条列出问题及其 JSON 路径；情景文件或导览文件对照其园区校验"},
    [](CLI::App& sub) {
      auto file = std::make_shared<std::string>();
      auto park = std::make_shared<std::string>();
      sub.add_option("file", *file,
                     say("Park file, or the name of a bundled park (beidu, jiulong); or a scenario or tour file",
                         "园区文件，或内置园区的名称（beidu、jiulong）；也可以是情景文件或导览文件"))
          ->required();
      sub.add_option("--park", *park,
                     say("For a tour of a park that is not bundled: its park file", "导览所属的园区不是内置园区时：该园区的园区文件"));
      return [file, park] { return runCheck(*file, *park, commandLanguage()); };
    }});

}  // namespace
}  // namespace parktwin::cli
