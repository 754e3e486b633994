// parktwin-cli park edit FILE --set /buildings/3/position/x_m=120 ...: the editor's commands
// (model::EditCommand through model::EditHistory) from the command line; with no edit it
// rewrites the file in the canonical layout. parktwin-cli park import-geojson: see
// command_park_import.cpp; parktwin-cli park new: command_park_new.cpp.
#include <filesystem>
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>

#include "command_registry.hpp"
#include "park_commands.hpp"
#include "parktwin/model/bundled_data.hpp"
#include "parktwin/model/edit_history.hpp"
#include "parktwin/model/model_files.hpp"
#include "parktwin/model/park_file.hpp"
#include "parktwin/model/problem_wording.hpp"
#include "terminal.hpp"

namespace parktwin::cli {
namespace {

struct EditOptions {
  std::string file;
  std::string out;
  std::vector<std::string> sets;     // POINTER=JSON
  std::vector<std::string> moves;    // ID=X,Y
  std::vector<std::string> rotates;  // ID=DEG
  std::vector<std::string> buildingRemovals;  // --remove-building: building ids
  std::vector<std::string> idRemovals;        // --remove: ids of anything (model::removalOf)
  bool allowProblems = false;
};

// "POINTER=VALUE": VALUE as JSON, or as a plain string when it is not JSON (names).
std::optional<model::SetField> parseSet(const std::string& text) {
  const auto eq = text.find('=');
  if (eq == std::string::npos || eq == 0) return std::nullopt;
  const std::string value = text.substr(eq + 1);
  auto parsed = nlohmann::json::parse(value, nullptr, false);
  return model::SetField{text.substr(0, eq), parsed.is_discarded() ? nlohmann::json(value) : parsed};
}

std::optional<std::pair<std::string, std::vector<double>>> parseIdNumbers(const std::string& text) {
  const auto eq = text.find('=');
  if (eq == std::string::npos || eq == 0) return std::nullopt;
  std::vector<double> numbers;
  std::size_t at = eq + 1;
  while (at <= text.size()) {
    const auto comma = std::min(text.find(',', at), text.size());
    try {
      numbers.push_back(std::stod(text.substr(at, comma - at)));
    } catch (const std::exception&) {
      return std::nullopt;
    }
    at = comma + 1;
  }
  return std::make_pair(text.substr(0, eq), numbers);
}

// The edits in the order of the flags' kinds: removals, moves, rotations, then fields.
std::optional<std::vector<model::EditCommand>> commandsOf(const EditOptions& o) {
  std::vector<model::EditCommand> commands;
  for (const auto& id : o.buildingRemovals) commands.push_back(model::RemoveBuilding{id});
  for (const auto& m : o.moves) {
    auto p = parseIdNumbers(m);
    if (!p || p->second.size() != 2) return std::cerr << "--move " << m << ": expected ID=X,Y in metres\n", std::nullopt;
    commands.push_back(model::MoveBuilding{p->first, {p->second[0], p->second[1]}});
  }
  for (const auto& r : o.rotates) {
    auto p = parseIdNumbers(r);
    if (!p || p->second.size() != 1) return std::cerr << "--rotate " << r << ": expected ID=DEGREES\n", std::nullopt;
    commands.push_back(model::RotateBuilding{p->first, p->second[0]});
  }
  for (const auto& s : o.sets) {
    auto set = parseSet(s);
    if (!set) return std::cerr << "--set " << s << ": expected /json/pointer=VALUE\n", std::nullopt;
    commands.push_back(*set);
  }
  return commands;
}

// The problems the edits leave, as `check` words them, and what `check` adds (the model files,
// named from where the park is written): true when the park may be written.
bool writable(const EditOptions& o, const model::Park& written, const std::vector<model::Problem>& problems,
              const std::string& out, const std::string& lang) {
  for (const auto& problem : problems) {
    std::cerr << o.file << ": " << (lang == "zh" ? problem.path + ": " + model::problemText(problem.wording, lang)
                                                 : model::problemText(problem))
              << "\n";
  }
  const bool modelsRead = modelFilesReadable(written, out, lang);
  if ((problems.empty() && modelsRead) || o.allowProblems) return true;
  const std::size_t count = problems.size();
  std::string what = lang == "zh" ? std::to_string(count) + " 个问题" : std::to_string(count) + (count == 1 ? " problem" : " problems");
  if (!modelsRead) what = count == 0 ? (lang == "zh" ? "打不开的模型文件" : "model files that cannot be read")
                                     : what + (lang == "zh" ? "和打不开的模型文件" : " and model files that cannot be read");
  std::cerr << (lang == "zh" ? "未写入：园区有" + what + "（check 会拒绝它）；加 --allow-problems 仍然写入\n"
                             : "not written: the park has " + what + " (check would refuse it); --allow-problems writes it anyway\n");
  return false;
}

int runEdit(const EditOptions& o) {
  const std::string& lang = commandLanguage();
  if (o.out.empty() && !std::filesystem::is_regular_file(o.file)) {
    return std::cerr << o.file << (lang == "zh" ? "：不是可写回的园区文件；请给出 --out FILE\n" : ": not a park file to write back to; give --out FILE\n"), 2;
  }
  auto source = model::resolvePark(o.file, dataFolder(), {}, lang);
  auto park = source ? model::loadPark(*source, lang) : Result<model::Park>(std::unexpected(source.error()));
  if (!park) return std::cerr << park.error().message << "\n", 2;
  auto commands = commandsOf(o);
  if (!commands) return 2;
  model::EditHistory history(std::move(*park));
  std::vector<model::Problem> problems;
  const auto apply = [&](const model::EditCommand& command) {
    auto applied = history.apply(command);
    if (!applied) std::cerr << o.file << ": " << applied.error().message << "\n";  // the file, as check names it
    if (!applied) return false;
    history.sealEntry();
    problems = std::move(*applied);
    return true;
  };
  // --remove first: each id named in the park as the removals before it left it.
  for (const auto& id : o.idRemovals) {
    auto removal = model::removalOf(history.park(), id);
    if (!removal) return std::cerr << o.file << ": --remove " << removal.error().message << "\n", 1;
    if (!apply(*removal)) return 1;
  }
  for (const auto& command : *commands) {
    if (!apply(command)) return 1;
  }
  const std::string out = o.out.empty() ? o.file : o.out;
  // Written elsewhere (a copy of a bundled park to start one's own), its models stay found.
  model::Park written = history.park();
  const int relocated = model::relocateModels(written, *source, out);
  if (!writable(o, written, problems, out, lang)) return 1;
  if (auto saved = model::savePark(written, out, lang); !saved) return std::cerr << saved.error().message << "\n", 1;

  // Said once written: an edit refused for the park's problems was never "applied".
  for (const auto& label : history.labels()) std::cout << (lang == "zh" ? "已应用：" + label.zh : "applied: " + label.en) << "\n";
  std::cout << (lang == "zh" ? "已写入 " : "wrote ") << out << "\n";
  if (relocated > 0) {
    std::cout << relocated << (lang == "zh" ? " 个模型路径已改写，从新位置指向同一文件\n"
                                            : relocated == 1 ? " model path rewritten to name the same file from there\n"
                                                             : " model paths rewritten to name the same files from there\n");
  }
  return 0;
}

}  // namespace

std::function<int()> declareParkEdit(CLI::App& sub) {
  auto o = std::make_shared<EditOptions>();
  sub.add_option("file", o->file,
                 say("Park file to edit (written back in place unless --out)", "要编辑的园区文件（不加 --out 时原地写回）"))
      ->required();
  sub.add_option("--out", o->out, say("Write the edited park here instead", "把编辑后的园区改写到这里"));
  sub.add_option("--set", o->sets,
                 say("POINTER=VALUE: set a field, e.g. /buildings/3/position/x_m=120 (VALUE is JSON, or text); "
                     "/SECTION/-=OBJECT adds a whole item, e.g. /enterprises/-='{\"id\": ...}'",
                     "路径=值：设置一个字段，如 /buildings/3/position/x_m=120（值为 JSON 或文本）；"
                     "/分区/-=对象 添加一整项，如 /enterprises/-='{\"id\": ...}'"));
  sub.add_option("--move", o->moves, say("ID=X,Y: move a building's centre to X,Y metres", "ID=X,Y：把建筑的中心移到 X,Y（米）"));
  sub.add_option("--rotate", o->rotates,
                 say("ID=DEG: turn a building to DEG degrees counter-clockwise from east",
                     "ID=角度：把建筑转到从正东起逆时针的 角度 度"));
  sub.add_option("--remove", o->idRemovals,
                 say("ID: delete what the id names (building, zone, road, enterprise, line, machine group, utility, "
                     "external, tag, alarm rule, link) with what only makes sense with it",
                     "ID：删除该 id 所指的对象（建筑、区域、道路、企业、产线、设备组、公用设施、外部节点、测点、报警规则、连接），"
                     "连同只依附于它的内容"));
  sub.add_option("--remove-building", o->buildingRemovals,
                 say("ID: delete a building with its lines, the utilities it houses, and their tags and links",
                     "ID：删除一座建筑，连同其中的产线和公用设施，以及它们的测点和连接"));
  sub.add_flag("--allow-problems", o->allowProblems,
               say("Write the park even when the edits leave problems", "编辑后仍有问题时也写出园区"));
  return [o] { return runEdit(*o); };
}

namespace {
const bool registered = registerCommand({
    "park",
    {"Start a new park file, edit one with the editor's commands, or import one from GeoJSON",
     "新建园区文件，用编辑器的命令编辑园区文件，或由 GeoJSON 导入园区"},
    [](CLI::App& sub) {
      sub.require_subcommand(1);
      auto create = declareParkNew(*sub.add_subcommand(
          "new", say("Write a new, empty park file (the window's File > New park) with its id, names and place",
                     "写出一个新的空园区文件（即窗口的 文件 > 新建园区），含 id、名称和位置")));
      auto edit = declareParkEdit(*sub.add_subcommand(
          "edit", say("Apply edits (--set, --move, --rotate...) and save canonically",
                      "执行编辑（--set、--move、--rotate...）并按规范格式保存")));
      auto import = declareParkImport(*sub.add_subcommand(
          "import-geojson", say("Make a park from GeoJSON footprints, zones and roads", "由 GeoJSON 的建筑轮廓、区域和道路生成园区")));
      return [&sub, create, edit, import] {
        if (sub.got_subcommand("new")) return create();
        return sub.got_subcommand("edit") ? edit() : import();
      };
    }});
}  // namespace

}  // namespace parktwin::cli
