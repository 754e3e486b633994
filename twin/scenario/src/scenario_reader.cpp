// Reading scenario files (docs/scenario-format.md): strict, every problem with its JSON path.
#include <fstream>
#include <functional>
#include <sstream>

#include "parktwin/model/bundled_data.hpp"
#include "parktwin/model/json_reader.hpp"
#include "parktwin/model/park_file.hpp"
#include "parktwin/scenario/scenario.hpp"
#include "parktwin/common/iso_time.hpp"
#include "parktwin/common/time_text.hpp"
#include "parktwin/common/time_zone.hpp"

namespace parktwin::scenario {

std::set<std::string> builtBy(const Scenario& scenario) {
  std::set<std::string> built;
  for (const Change& c : scenario.changes) {
    if (c.kind == ChangeKind::commission) built.insert(c.target);
  }
  return built;
}

const char* changeKindName(ChangeKind kind) {
  switch (kind) {
    case ChangeKind::outage: return "outage";
    case ChangeKind::capacity: return "capacity";
    case ChangeKind::demand: return "demand";
    case ChangeKind::commission: return "commission";
    case ChangeKind::add_line: return "add_line";
    case ChangeKind::tariff: return "tariff";
    case ChangeKind::grid_emission: return "grid_emission";
    case ChangeKind::grid_limit: return "grid_limit";
    case ChangeKind::route: return "route";
    case ChangeKind::retrofit: return "retrofit";
    case ChangeKind::pv: return "pv";
    case ChangeKind::storage: return "storage";
  }
  return "unknown";
}

const char* changeKindLabel(ChangeKind kind, const std::string& language) {
  const bool zh = language == "zh";
  switch (kind) {
    case ChangeKind::outage: return zh ? "停产" : "outage";
    case ChangeKind::capacity: return zh ? "产能调整" : "capacity";
    case ChangeKind::demand: return zh ? "需求调整" : "demand";
    case ChangeKind::commission: return zh ? "投产" : "commissioning";
    case ChangeKind::add_line: return zh ? "新增产线" : "new line";
    case ChangeKind::tariff: return zh ? "分时电价" : "time-of-use tariff";
    case ChangeKind::grid_emission: return zh ? "电网排放因子" : "grid emission factor";
    case ChangeKind::grid_limit: return zh ? "电网限电" : "grid import limit";
    case ChangeKind::route: return zh ? "铝液改道" : "molten-metal route";
    case ChangeKind::retrofit: return zh ? "智能化改造" : "smart retrofit";
    case ChangeKind::pv: return zh ? "光伏" : "PV";
    case ChangeKind::storage: return zh ? "储能" : "storage";
  }
  return "?";
}

namespace {

using model::detail::json;
using Reporter = std::function<void(const Change&, const std::string& key, const std::string& en, const std::string& zh)>;
using model::detail::ObjectReader;
using model::detail::Problems;

constexpr const char* kFormat = "parktwin-scenario/1";

const std::vector<std::pair<std::string, ChangeKind>> kKinds = {
    {"outage", ChangeKind::outage},         {"capacity", ChangeKind::capacity},
    {"demand", ChangeKind::demand},         {"commission", ChangeKind::commission},
    {"add_line", ChangeKind::add_line},     {"tariff", ChangeKind::tariff},
    {"grid_emission", ChangeKind::grid_emission}, {"grid_limit", ChangeKind::grid_limit},
    {"route", ChangeKind::route},           {"retrofit", ChangeKind::retrofit},
    {"pv", ChangeKind::pv},                 {"storage", ChangeKind::storage},
};

bool timed(ChangeKind kind) {
  return kind == ChangeKind::outage || kind == ChangeKind::capacity || kind == ChangeKind::demand ||
         kind == ChangeKind::grid_limit || kind == ChangeKind::route;
}

model::LocalizedText text(ObjectReader& r, const std::string& key, Problems& problems, bool required) {
  const json* v = r.object(key, required);
  if (!v) return {};
  ObjectReader t(*v, r.pathOf(key), problems);
  return {t.string("zh"), t.string("en")};
}

// The clock a file's times without a zone are read on: its park's (model::parkInstantMs's rule
// for every time a person types for a park), or UTC where the park is not known.
using ParkClock = std::optional<TimeZone>;

std::optional<std::int64_t> instant(ObjectReader& r, const std::string& key, const ParkClock& clock, Problems& problems,
                                    bool required) {
  const std::string s = r.string(key, required);
  if (s.empty()) return std::nullopt;
  auto ms = parseInstantMs(s);
  if (!ms) {
    problems.add(r.pathOf(key), "expected a time such as \"2026-07-01T08:00:00+08:00\", got \"" + s + "\"",
                 "应为时间，如“2026-07-01T08:00:00+08:00”，实际为“" + s + "”");
    return std::nullopt;
  }
  // ISO text without a zone was read as if it were UTC: it is the park's civil time.
  if (const auto iso = parseIsoInstant(s); clock && iso && !iso->has_zone) return clock->fromLocalMs(iso->utc_ms);
  return *ms;
}

std::optional<std::int64_t> duration(ObjectReader& r, const std::string& key, Problems& problems, bool required) {
  const std::string s = r.string(key, required);
  if (s.empty()) return std::nullopt;
  auto ms = parseDurationMs(s);
  if (!ms || *ms <= 0) {
    problems.add(r.pathOf(key), "expected a positive duration such as \"8h\", \"30d\" or \"1m\", got \"" + s + "\"",
                 "应为正的时长，如“8h”、“30d”或“1m”，实际为“" + s + "”");
    return std::nullopt;
  }
  return *ms;
}

// The scenario's period for messages, on the clock its file's "start" was written in
// ("+08:00" gives the park's civil time; no zone, the park's clock), not in UTC the writer never used.
std::string writtenPeriodText(const Scenario& s, const std::string& startText, const ParkClock& clock) {
  const auto written = parseIsoInstant(startText);
  if (written && !written->has_zone && clock) return localPeriodText(s.start_ms, s.end_ms(), *clock);
  return localPeriodText(s.start_ms, s.end_ms(), TimeZone::fixed(written ? written->written_offset_s : 0));
}

void readWindow(ObjectReader& r, Change& change, const Scenario& s, const std::string& period, const ParkClock& clock,
                Problems& problems) {
  const json* at = r.raw("at");
  const json* from = r.raw("from");
  if (!timed(change.kind)) {
    if (at || from || r.raw("duration") || r.raw("until")) {
      problems.add(r.path(),
                   std::string("a ") + changeKindName(change.kind) +
                       " change holds for the whole period; \"at\", \"from\", \"until\" and \"duration\" are not allowed",
                   std::string(changeKindName(change.kind)) + " 变更作用于整个时段；不能给出“at”、“from”、“until”或“duration”");
    }
    return;
  }
  if (at && from) {
    problems.add(r.pathOf("from"), "give either \"at\" with \"duration\" or \"from\" with \"until\", not both",
                 "请给出“at”与“duration”，或“from”与“until”，不能两者都给");
    return;
  }
  std::optional<std::int64_t> start, end;
  if (at) {
    start = instant(r, "at", clock, problems, true);
    const auto d = duration(r, "duration", problems, true);
    if (start && d) end = *start + *d;
    if (r.raw("until")) problems.add(r.pathOf("until"), "use \"duration\" with \"at\"", "“at”应与“duration”一起使用");
  } else if (from) {
    start = instant(r, "from", clock, problems, true);
    end = instant(r, "until", clock, problems, true);
    if (r.raw("duration")) problems.add(r.pathOf("duration"), "use \"until\" with \"from\"", "“from”应与“until”一起使用");
    if (start && end && *end <= *start) {
      problems.add(r.pathOf("until"), "expected a time after \"from\"", "应为晚于“from”的时间");
      return;
    }
  } else {
    if (r.raw("duration")) problems.add(r.pathOf("duration"), "\"duration\" needs \"at\"", "“duration”需要与“at”一起给出");
    if (r.raw("until")) problems.add(r.pathOf("until"), "\"until\" needs \"from\"", "“until”需要与“from”一起给出");
    return;  // whole period
  }
  if (!start || !end) return;
  if (*start < s.start_ms || *end > s.end_ms()) {
    problems.add(r.pathOf(at ? "at" : "from"), "the change lies outside the scenario period " + period,
                 "变更不在情景时段 " + period + " 之内");
    return;
  }
  change.window = TimeWindow{*start, *end};
}

std::vector<std::string> ids(ObjectReader& r, const std::string& key, Problems& problems, bool required) {
  std::vector<std::string> out;
  const json* a = r.array(key, required);
  if (!a) return out;
  for (std::size_t i = 0; i < a->size(); ++i) {
    const json& v = (*a)[i];
    if (!v.is_string() || v.get<std::string>().empty()) {
      problems.add(r.pathOf(key) + "/" + std::to_string(i), "expected an id, got " + model::detail::describe(v),
                   "应为 id，实际为 " + model::detail::describe(v));
      continue;
    }
    out.push_back(v.get<std::string>());
  }
  if (required && a->empty()) problems.add(r.pathOf(key), "expected at least one id", "应至少有一个 id");
  return out;
}

std::vector<TariffBand> readBands(ObjectReader& r, Problems& problems) {
  std::vector<TariffBand> out;
  const json* bands = r.array("bands", true);
  if (!bands) return out;
  if (bands->empty()) problems.add(r.pathOf("bands"), "expected at least one band", "应至少有一个时段");
  double covered = 0;
  for (std::size_t i = 0; i < bands->size(); ++i) {
    ObjectReader b((*bands)[i], r.pathOf("bands") + "/" + std::to_string(i), problems);
    if (!b.valid()) continue;
    TariffBand band;
    band.from_hour = b.number("from_hour", 0, 24, true);
    band.to_hour = b.number("to_hour", 0, 24, true, 24);
    band.yuan_per_kwh = b.number("yuan_per_kwh", 0, 10, true);
    if (band.to_hour <= band.from_hour) {
      problems.add(b.pathOf("to_hour"), "expected an hour after from_hour", "应为晚于 from_hour 的小时");
      continue;
    }
    if (band.from_hour != covered) {
      problems.add(b.pathOf("from_hour"), "expected " + json(covered).dump() + ": bands must cover 0 to 24 h in order without gaps",
                   "应为 " + json(covered).dump() + "：各时段须按顺序、无间隙地覆盖 0 至 24 时");
    }
    covered = band.to_hour;
    out.push_back(band);
  }
  if (!bands->empty() && covered != 24) problems.add(r.pathOf("bands"), "the last band must end at 24 h", "最后一个时段须在 24 时结束");
  return out;
}

void readLine(const json& value, const std::string& path, Problems& problems, model::ProductionLine& line) {
  ObjectReader r(value, path, problems);
  if (!r.valid()) return;
  line.id = r.id("id");
  line.name = text(r, "name", problems, false);
  line.kind = r.kind<model::LineKind>("kind").value_or(model::LineKind{});
  line.building = r.id("building");
  line.enterprise = r.string("enterprise", false);
  line.product = r.kind<model::Product>("product");
  line.capacity_t_per_year = r.positive("capacity_t_per_year");
  line.energy_kwh_per_t = r.positive("energy_kwh_per_t");
  line.power_kw = r.nonNegative("power_kw");
}

void readChange(const json& value, const std::string& path, Scenario& s, const std::string& period, const ParkClock& clock,
                Problems& problems) {
  ObjectReader r(value, path, problems);
  if (!r.valid()) return;
  Change c;
  c.path = path;
  std::vector<std::string> names;
  for (const auto& [name, kind] : kKinds) names.push_back(name);
  const std::string type = r.oneOf("type", names);
  if (type.empty()) return;  // without a type the other keys cannot be checked
  for (const auto& [name, kind] : kKinds) {
    if (name == type) c.kind = kind;
  }
  r.string("note", false);  // free text for people
  switch (c.kind) {
    case ChangeKind::outage:
      c.target = r.id("target");
      break;
    case ChangeKind::capacity:
    case ChangeKind::demand:
      c.target = r.id("target");
      c.factor = r.number("factor", 0, 10, true, 1);
      break;
    case ChangeKind::commission:
      c.target = r.id("target");
      break;
    case ChangeKind::add_line:
      if (const json* line = r.object("line", true)) readLine(*line, r.pathOf("line"), problems, c.line);
      break;
    case ChangeKind::tariff:
      c.tariff = readBands(r, problems);
      break;
    case ChangeKind::grid_emission:
      c.emission_t_per_mwh = r.number("emission_t_per_mwh", 0, 2, true);
      break;
    case ChangeKind::grid_limit:
      c.import_limit_kw = r.number("import_limit_kw", 0, 1e9, true);
      break;
    case ChangeKind::route:
      r.oneOf("supply", {"ingot"});
      c.targets = ids(r, "lines", problems, false);
      break;
    case ChangeKind::retrofit: {
      c.targets = ids(r, "enterprises", problems, true);
      c.retrofit.productivity = r.number("productivity", -0.9, 5, true);
      c.retrofit.defect_rate = r.number("defect_rate", -1, 5, true);
      c.retrofit.operating_cost = r.number("operating_cost", -0.9, 5, true);
      c.retrofit.energy_per_unit = r.number("energy_per_unit", -0.9, 5, true);
      c.retrofit.baseline_defect_rate = r.number("baseline_defect_rate", 0, 0.5, false, 0.02);
      c.retrofit.operating_cost_yuan_per_t = r.number("operating_cost_yuan_per_t", 0, 1e6, false, 0);
      break;
    }
    case ChangeKind::pv:
      c.target = r.id("target");
      c.peak_kw = r.number("peak_kw", 0, 1e7, true);
      break;
    case ChangeKind::storage:
      c.target = r.id("target");
      c.power_kw = r.number("power_kw", 0, 1e7, true);
      c.energy_kwh = r.number("energy_kwh", 0, 1e9, true);
      break;
  }
  readWindow(r, c, s, period, clock, problems);
  s.changes.push_back(std::move(c));
}

bool hasLinesIn(const model::Park& park, const std::string& building) {
  for (const auto& l : park.lines) {
    if (l.building == building) return true;
  }
  return false;
}

// A change's target against the park: outage, capacity, demand, commission, pv and storage
// name one object by "target".
void checkTarget(const Change& c, const model::Park& park, const Reporter& problem) {
  const std::string& t = c.target;
  const std::string& p = park.id;
  switch (c.kind) {
    case ChangeKind::outage:
    case ChangeKind::capacity:
    case ChangeKind::demand:
      if (!park.findLine(t) && !(park.findBuilding(t) && hasLinesIn(park, t))) {
        problem(c, "target", "no line, or building with lines, \"" + t + "\" in park " + p,
                "园区 " + p + " 中没有产线“" + t + "”，也没有含产线的建筑“" + t + "”");
      }
      break;
    case ChangeKind::commission: {
      const auto* b = park.findBuilding(t);
      const auto* u = park.findUtility(t);
      if (!b && !u) problem(c, "target", "no building or utility \"" + t + "\" in park " + p, "园区 " + p + " 中没有建筑或设施“" + t + "”");
      else if ((b && !b->planned) || (u && !u->planned)) {
        problem(c, "target", "\"" + t + "\" is not planned: it is built already", "“" + t + "”不是规划中的对象：它已建成");
      }
      break;
    }
    case ChangeKind::pv: {
      const auto* u = park.findUtility(t);
      const std::string kind = u ? std::string(toText(u->kind)) : "";
      if (u && u->kind != model::UtilityKind::pv) problem(c, "target", "utility \"" + t + "\" is a " + kind + ", not pv", "设施“" + t + "”是 " + kind + "，不是 pv");
      if (!u && !park.findBuilding(t)) problem(c, "target", "no PV utility or building \"" + t + "\" in park " + p, "园区 " + p + " 中没有光伏设施或建筑“" + t + "”");
      break;
    }
    case ChangeKind::storage: {
      const auto* u = park.findUtility(t);
      if (!u) {
        problem(c, "target", "no utility \"" + t + "\" in park " + p, "园区 " + p + " 中没有设施“" + t + "”");
      } else if (u->kind != model::UtilityKind::battery && u->kind != model::UtilityKind::pumped_storage) {
        const std::string kind(toText(u->kind));
        problem(c, "target", "utility \"" + t + "\" is a " + kind + ", not battery or pumped_storage",
                "设施“" + t + "”是 " + kind + "，不是 battery 或 pumped_storage");
      }
      break;
    }
    default: break;
  }
}

// The changes that name several objects, or a new line's place.
void checkTargetLists(const Change& c, const model::Park& park, const Reporter& problem) {
  const std::string& p = park.id;
  if (c.kind == ChangeKind::add_line) {
    if (park.findLine(c.line.id)) problem(c, "line/id", "park " + p + " has a line \"" + c.line.id + "\" already", "园区 " + p + " 已有产线“" + c.line.id + "”");
    if (!park.findBuilding(c.line.building)) {
      problem(c, "line/building", "no building \"" + c.line.building + "\" in park " + p, "园区 " + p + " 中没有建筑“" + c.line.building + "”");
    }
  }
  for (std::size_t i = 0; i < c.targets.size(); ++i) {
    const std::string& t = c.targets[i];
    if (c.kind == ChangeKind::route && !park.findLine(t)) {
      problem(c, "lines/" + std::to_string(i), "no line \"" + t + "\" in park " + p, "园区 " + p + " 中没有产线“" + t + "”");
    }
    if (c.kind == ChangeKind::retrofit && !park.findEnterprise(t)) {
      problem(c, "enterprises/" + std::to_string(i), "no enterprise \"" + t + "\" in park " + p, "园区 " + p + " 中没有企业“" + t + "”");
    }
  }
}

// The scenario's park: a bundled park's name, or a path relative to the scenario file (so a
// scenario copied out of the data folder still finds its bundled park by name).
void resolveParkOf(Scenario& s, const std::filesystem::path& folder, const std::filesystem::path& dataFolder,
                   Problems& problems) {
  auto file = model::resolvePark(s.park, dataFolder, folder);
  if (!file) {
    problems.add("/park", file.error().message);
    return;
  }
  std::error_code ec;
  if (!model::looksLikeBundledName(s.park) && !std::filesystem::exists(*file, ec)) {
    problems.add("/park",
                 "no park file " + file->string() +
                     " (a path is read relative to the scenario file; name a bundled park without a path, e.g. \"beidu\")",
                 "园区文件 " + file->string() + " 不存在（路径相对于情景文件所在的文件夹；内置园区直接写名称，不带路径，如“beidu”）");
    return;
  }
  s.park_file = *file;
}

// Every change against the park it applies to, into `problems`.
void checkTargets(const Scenario& scenario, const model::Park& park, Problems& problems) {
  // A key the reader already found wrong (a missing "target") is not reported twice.
  const Reporter problem = [&](const Change& c, const std::string& key, const std::string& en, const std::string& zh) {
    const std::string path = c.path + "/" + key;
    if (!problems.covers(path)) problems.add(path, en, zh);
  };
  for (const Change& c : scenario.changes) {
    checkTarget(c, park, problem);
    checkTargetLists(c, park, problem);
  }
}

// Reads "park" into the scenario (and its file, where it names one), reporting into the problems;
// gives the park's clock where the park is known.
using ParkReader = std::function<ParkClock(Scenario&, ObjectReader&, Problems&)>;

// Everything of a scenario file but how its park is found (`readPark`); `problems` gets the rest.
Scenario readScenarioFields(const json& root, const ParkReader& readPark, Problems& problems) {
  Scenario s;
  {
    ObjectReader r(root, "", problems);
    if (r.valid()) {
      const std::string format = r.string("format");
      if (!format.empty() && format != kFormat) {
        problems.add("/format", std::string("expected \"") + kFormat + "\", got \"" + format + "\"",
                     std::string("应为“") + kFormat + "”，实际为“" + format + "”");
      }
      s.id = r.id("id");
      s.name = text(r, "name", problems, true);
      s.explanation = text(r, "explanation", problems, true);
      const ParkClock clock = readPark(s, r, problems);
      if (auto start = instant(r, "start", clock, problems, true)) s.start_ms = *start;
      if (r.raw("duration")) {
        if (auto d = duration(r, "duration", problems, true)) s.duration_ms = *d;
      }
      if (r.raw("step")) {
        if (auto step = duration(r, "step", problems, true)) {
          if (*step < 1000 || *step > 3'600'000) problems.add("/step", "expected a step from 1s to 1h", "步长应在 1s 到 1h 之间");
          else s.step_ms = *step;
        }
      }
      if (s.duration_ms % s.step_ms != 0) problems.add("/duration", "expected a whole number of steps", "应为步长的整数倍");
      s.seed = static_cast<std::uint64_t>(r.integer("seed", 0, 2'000'000'000, false, 1));
      if (const json* tariff = r.object("tariff")) {
        ObjectReader t(*tariff, "/tariff", problems);
        if (t.valid()) s.tariff = readBands(t, problems);
      }
      if (const json* changes = r.array("changes", true)) {
        const json* start = r.raw("start");
        const std::string period = writtenPeriodText(s, start && start->is_string() ? start->get<std::string>() : "", clock);
        for (std::size_t i = 0; i < changes->size(); ++i) {
          readChange((*changes)[i], "/changes/" + std::to_string(i), s, period, clock, problems);
        }
      }
    }
  }
  return s;
}

Result<Scenario> parsedOrProblems(Scenario s, const std::string& source, Problems& problems, std::string_view language) {
  s.source = source;
  problems.sortByPath();
  if (!problems.empty()) return problems.failure(source, language);
  return s;
}

}  // namespace

Result<Scenario> parseScenario(const std::string& jsonText, const std::string& source,
                               const std::filesystem::path& folder, const std::filesystem::path& dataFolder,
                               std::string_view language, TargetCheck targets) {
  auto parsed = model::detail::parseJson(jsonText, source, language);
  if (!parsed) return std::unexpected(parsed.error());
  Problems problems;
  // The park file is read for its clock (and, for the CLI, the targets). A park that does not
  // load is left to the run, which says why; its times without a zone are then UTC.
  std::optional<model::Park> park;
  const auto parkFile = [&](Scenario& s, ObjectReader& r, Problems& found) -> ParkClock {
    s.park = r.string("park");
    if (!s.park.empty()) resolveParkOf(s, folder, dataFolder, found);
    if (s.park_file.empty()) return std::nullopt;
    if (auto loaded = model::loadPark(s.park_file)) park = std::move(*loaded);
    return park ? ParkClock(model::parkTimeZone(*park)) : std::nullopt;
  };
  Scenario s = readScenarioFields(*parsed, parkFile, problems);
  // The targets too, whatever else is wrong: a wrong period must not hide a wrong target.
  if (targets == TargetCheck::park_file && park) checkTargets(s, *park, problems);
  return parsedOrProblems(std::move(s), source, problems, language);
}

// The park is the one given. A file's contents are sent as they are, so "park" may be the path
// the file names its park by, on the sender's computer: not opened (a server must not open the
// paths it is sent) and not needed, since the targets are checked against the park given. A
// park's name (an id) must be the given park's: a scenario for Jiulong sent to a Beidu server.
Result<Scenario> parseScenarioFor(const model::Park& park, const std::string& jsonText, const std::string& source,
                                  const std::filesystem::path& dataFolder, std::string_view language) {
  auto parsed = model::detail::parseJson(jsonText, source, language);
  if (!parsed) return std::unexpected(parsed.error());
  Problems problems;
  const auto givenPark = [&park, &dataFolder](Scenario& s, ObjectReader& r, Problems& found) -> ParkClock {
    std::string named = r.string("park", false);
    // A path to a bundled park's file ("../parks/jiulong.json") names that park (review).
    std::string stem = std::filesystem::path(named).filename().string();
    for (const std::string_view suffix : {".json", ".park"}) {
      if (stem.ends_with(suffix)) stem.resize(stem.size() - suffix.size());
    }
    std::error_code ec;
    if (stem != named && model::looksLikeBundledName(stem) && std::filesystem::exists(dataFolder / "parks" / (stem + ".json"), ec)) {
      named = stem;
    }
    const bool aPath = named.find('/') != std::string::npos || named.ends_with(".json");
    if (!named.empty() && !aPath && named != park.id) {
      found.add("/park",
                "the scenario is for park \"" + named + "\", not \"" + park.id + "\" (the park it was sent to): give that " +
                    "park's id or leave \"park\" out",
                "情景是为园区“" + named + "”写的，不是发送到的园区“" + park.id + "”：请写该园区的 id，或省略 “park”");
    }
    s.park = park.id;
    return model::parkTimeZone(park);
  };
  Scenario s = readScenarioFields(*parsed, givenPark, problems);
  checkTargets(s, park, problems);
  return parsedOrProblems(std::move(s), source, problems, language);
}

Result<Scenario> loadScenario(const std::filesystem::path& file, const std::filesystem::path& dataFolder,
                              std::string_view language, TargetCheck targets) {
  auto text = model::detail::readTextFile(file, "scenario file", "情景文件", language);
  if (!text) return std::unexpected(text.error());
  // The folder as an absolute path, so a message about a relative park path names a real place.
  return parseScenario(*text, file.string(), std::filesystem::absolute(file).parent_path(), dataFolder, language, targets);
}

Result<void> checkAgainstPark(const Scenario& scenario, const model::Park& park, std::string_view language) {
  Problems problems;
  checkTargets(scenario, park, problems);
  if (problems.empty()) return {};
  auto failure = problems.failure(scenario.messageSource(), language);
  failure.error().code = ErrorCode::invalid_input;
  return failure;
}

}  // namespace parktwin::scenario
