#include "scenario_controller.hpp"

#include <QDir>
#include <QFileInfo>
#include <QLocale>
#include <QStandardPaths>

#include <algorithm>
#include <map>
#include <set>

#include "park_controller.hpp"
#include "kpi_text.hpp"
#include "parktwin/flow/kpi_table.hpp"
#include "parktwin/model/object_index.hpp"
#include "parktwin/model/park_file.hpp"
#include "parktwin/model/park_id.hpp"
#include "parktwin/scenario/object_marks.hpp"
#include "parktwin/scenario/report.hpp"
#include "parktwin/scenario/runner.hpp"
#include "parktwin/scenario/scenario.hpp"
#include "scene_frame.hpp"
#include "scene_style.hpp"
#include "timeline_controller.hpp"

namespace parktwin::app {

namespace {

QString q(const std::string& s) { return QString::fromStdString(s); }

constexpr std::int64_t kHourMs = 3'600'000;

// The hourly series of the KPIs they break down, named by the KPI table through the
// translations (kpi_text.hpp); their units are per hour, so they are the window's own.
QVariantList seriesOf(const scenario::ScenarioResult& r) {
  struct Pick {
    const char* key;
    flow::KpiKey kpi;
    const char* unit;
    double scale;
    std::vector<double> scenario::RunSeries::*values;
  };
  const char* const perHourT = QT_TRANSLATE_NOOP("parktwin::app::ScenarioController", "t/h");
  const char* const megawatts = QT_TRANSLATE_NOOP("parktwin::app::ScenarioController", "MW");
  const char* const yuanPerHour = QT_TRANSLATE_NOOP("parktwin::app::ScenarioController", "yuan/h");
  const Pick picks[] = {{"metal_t", flow::KpiKey::metal_t, perHourT, 1, &scenario::RunSeries::metal_t},
                        {"load_kw", flow::KpiKey::energy_kwh, megawatts, 1e-3, &scenario::RunSeries::load_kw},
                        {"grid_import_kw", flow::KpiKey::grid_import_kwh, megawatts, 1e-3, &scenario::RunSeries::grid_import_kw},
                        {"local_kw", flow::KpiKey::local_kwh, megawatts, 1e-3, &scenario::RunSeries::local_kw},
                        {"co2_t", flow::KpiKey::co2_t, perHourT, 1, &scenario::RunSeries::co2_t},
                        {"cost_yuan", flow::KpiKey::cost_yuan, yuanPerHour, 1, &scenario::RunSeries::cost_yuan}};
  // Series the scenario changes first: the picker opens on the first, and a PV scenario's
  // "aluminium made", the same in both runs, is not what it is about.
  QVariantList differing, same;
  for (const Pick& p : picks) {
    if (!scenario::worthAChart(r.baseline.hourly.*p.values, r.changed.hourly.*p.values)) continue;
    QVariantList baseline, changed;
    for (double v : r.baseline.hourly.*p.values) baseline << v * p.scale;
    for (double v : r.changed.hourly.*p.values) changed << v * p.scale;
    (r.baseline.hourly.*p.values != r.changed.hourly.*p.values ? differing : same)
        << QVariantMap{{"key", p.key}, {"label", kpiNameText(p.kpi)},
                       {"unit", ScenarioController::tr(p.unit)}, {"baseline", baseline}, {"scenario", changed}};
  }
  return differing + same;
}

}  // namespace

ScenarioController::ScenarioController(ParkController& park, QObject* parent) : QObject(parent), park_(park) {
  connect(park_.timeline(), &TimelineController::timeChanged, this, &ScenarioController::updateMarks);
}

ScenarioController::~ScenarioController() {
  cancel_ = true;
  join();
}

void ScenarioController::join() {
  if (worker_.joinable()) worker_.join();
}

void ScenarioController::setQuick(bool quick) {
  if (quick_ == quick) return;
  quick_ = quick;
  emit quickChanged();
}

void ScenarioController::setState(const QString& state, const QString& message) {
  state_ = state;
  message_ = message;
  emit stateChanged();
}

// The scenarios for the open park: the bundled ones, those in the park file's own folder (where a
// user keeps their own park's), and the one last run (--scenario FILE, from anywhere).
void ScenarioController::refresh() {
  available_.clear();
  const std::string language = park_.language().toStdString();
  QStringList folders{park_.assetRoot() + "/scenarios"};
  if (!park_.parkFile().isEmpty()) folders << QFileInfo(park_.parkFile()).absolutePath();  // a new park has no folder yet
  QStringList files;
  for (const QString& folder : folders) {
    for (const QFileInfo& file : QDir(folder).entryInfoList({"*.json"}, QDir::Files, QDir::Name)) files << file.absoluteFilePath();
  }
  if (!runPath_.isEmpty()) files << runPath_;
  files.removeDuplicates();
  for (const QString& path : files) {
    auto s = scenario::loadScenario(path.toStdString(), park_.assetRoot().toStdString(), language, scenario::TargetCheck::none);
    if (!s || !model::isOpenPark(s->park_file, park_.parkFile().toStdString(), park_.parkId().toStdString())) continue;
    available_ << QVariantMap{{"path", path}, {"id", q(s->id)},
                              {"name", q(s->name.in(language))}, {"explanation", q(s->explanation.in(language))}};
  }
  emit availableChanged();
}

void ScenarioController::run(const QString& path) {
  if (state_ == "running") return;
  join();
  clear();
  runPath_ = QFileInfo(path).absoluteFilePath();
  auto loaded = scenario::loadScenario(path.toStdString(), park_.assetRoot().toStdString(), park_.language().toStdString(), scenario::TargetCheck::none);
  if (!loaded) return setState("failed", q(loaded.error().message));
  auto park = model::loadPark(loaded->park_file, park_.language().toStdString());
  if (!park) return setState("failed", q(park.error().message));
  if (q(park->id) != park_.parkId()) {
    return setState("failed", tr("This scenario is written for the park \"%1\": open that park first.").arg(q(park->id)));
  }
  if (std::none_of(available_.cbegin(), available_.cend(), [&](const QVariant& a) { return a.toMap().value("path").toString() == runPath_; })) {
    refresh();  // a file of this park from elsewhere (--scenario FILE) joins the list, so the picker shows what ran
  }
  scenario::RunOptions options;
  options.language = park_.language().toStdString();
  options.historian_folder =
      (QStandardPaths::writableLocation(QStandardPaths::CacheLocation) + "/scenarios").toStdString();
  ranQuick_ = quick_;
  if (quick_) {
    const scenario::TimeWindow look = scenario::quickLookWindow(*loaded);
    options.start_ms = look.start_ms;
    options.duration_ms = look.end_ms - look.start_ms;
  }
  cancel_ = false;
  options.cancel = &cancel_;
  options.progress = [this](double share) {
    QMetaObject::invokeMethod(this, [this, share] {
      progress_ = share;
      emit progressChanged();
    }, Qt::QueuedConnection);
  };
  progress_ = 0;
  emit progressChanged();
  setState("running", tr("Running baseline and scenario…"));
  worker_ = std::thread([this, s = std::move(*loaded), p = std::move(*park), options] {
    auto result = scenario::runScenario(s, p, options);
    std::shared_ptr<scenario::ScenarioResult> shared;
    QString error;
    bool cancelled = false;
    if (result) {
      shared = std::make_shared<scenario::ScenarioResult>(std::move(*result));
    } else {
      error = q(result.error().message);
      cancelled = result.error().code == ErrorCode::cancelled;
    }
    QMetaObject::invokeMethod(this, [this, shared, error, cancelled] { finished(shared, error, cancelled); },
                              Qt::QueuedConnection);
  });
}

void ScenarioController::cancel() {
  if (state_ == "running") cancel_ = true;
}

void ScenarioController::finished(std::shared_ptr<scenario::ScenarioResult> result, const QString& error,
                                  bool cancelled) {
  join();
  if (!result) {
    return setState(cancelled ? "cancelled" : "failed", cancelled ? tr("Cancelled") : error);
  }
  result_ = std::move(result);
  present();
  marks_ = scenario::objectMarks(result_->scenario, result_->base_park);
  affectedBuildings_.clear();
  for (const auto& id : scenario::markedBuildings(marks_)) affectedBuildings_ << q(id);
  baselineFile_ = q(result_->baseline.historian_file);
  scenarioFile_ = q(result_->changed.historian_file);
  progress_ = 1;
  emit progressChanged();
  emit resultChanged();
  setState("done", tr("Done in %1 s").arg(result_->times.wall_s, 0, 'f', 1));
  show("scenario");
  // Start where the scenario first differs: a minute into its first timed change.
  const auto first = std::ranges::min_element(marks_, {}, [](const scenario::ObjectMark& m) {
    return m.window ? m.window->start_ms : INT64_MAX;
  });
  if (first != marks_.end() && first->window) park_.timeline()->seek(double(first->window->start_ms + 60'000));
  updateMarks();
}

void ScenarioController::present() {
  deltas_.clear();
  note_.clear();
  if (!result_) return;
  const std::string language = park_.language().toStdString();
  title_ = q(result_->scenario.name.in(language));
  const auto& run = result_->scenario;
  const double days = double(run.duration_ms) / (24.0 * kHourMs);
  period_ = (ranQuick_ ? tr("Quick look, %3 days: %1 – %2 (the full period gives other totals)")
                       : tr("Simulated %1 – %2 (%3 days)"))
                .arg(park_.timeline()->formatTime(double(run.start_ms)).left(16),
                     park_.timeline()->formatTime(double(run.end_ms())).left(16), QLocale().toString(days, 'f', days < 10 ? 1 : 0));
  for (const auto& d : result_->deltas) {
    const std::optional<double> percent = d.percentChange();
    const auto text = [&](double value) { return q(flow::kpiValueText(d.key, value)); };
    const QString deltaText = text(d.delta());
    deltas_ << QVariantMap{{"key", q(std::string(flow::kpiId(d.key)))},
                           {"label", kpiLabelText(d.key)},
                           {"unit", kpiUnitText(d.key)},
                           {"deltaUnit", kpiDeltaUnitText(d.key)},  // a share changes by points
                           {"baseline", d.baseline},
                           {"scenario", d.scenario},
                           {"delta", d.delta()},
                           {"baselineText", text(d.baseline)},
                           {"scenarioText", text(d.scenario)},
                           {"deltaText", (d.delta() > 0 ? "+" : "") + deltaText},
                           {"unchanged", deltaText == text(0.0)},  // "0 t" would read as "none made"
                           {"deltaPercent", percent.value_or(0)},
                           {"comparable", percent.has_value()},
                           {"direction", flow::kpiGoodNews(d.key, d.delta())},
                           {"shown", d.someRunHasIt()}};
  }
  note_ = q(scenario::skippedTagsNote(*result_).in(language));
  series_ = seriesOf(*result_);
  const auto localTime = [this](std::int64_t ms) { return park_.timeline()->formatTime(double(ms)).mid(5, 11); };
  seriesTimes_ = {localTime(run.start_ms), localTime(run.start_ms + run.duration_ms / 2), localTime(run.end_ms())};
}

void ScenarioController::retranslate() {
  refresh();
  if (!result_) return;
  present();
  emit resultChanged();
  marksStale_ = true;  // the labels change language
  updateMarks();
}

bool ScenarioController::show(const QString& which) {
  const QString file = which == "baseline" ? baselineFile_ : which == "scenario" ? scenarioFile_ : QString();
  if (file.isEmpty()) return false;
  TimelineController* timeline = park_.timeline();
  // Both runs share the period and the seed: the same instant exists in either file.
  const bool keepTime = timeline->mode() == "replay";
  const double at = timeline->timeMs();
  if (!timeline->openReplay(file)) return false;
  if (keepTime) timeline->seek(at);
  showing_ = which;
  emit showingChanged();
  marksStale_ = true;
  updateMarks();
  return true;
}

QVariantMap ScenarioController::markItem(const scenario::ObjectMark& mark, bool active,
                                         const model::ObjectIndex& index) const {
  const auto* building = index.find(mark.building);
  const auto where = building ? building->position : index.position(mark.object);
  const double roof = building && building->footprint ? building->footprint->height_m : 0;
  const model::Point p = where.value_or(model::Point{});
  const std::string language = park_.language().toStdString();
  QString name = park_.nameOf(q(mark.object));
  for (const auto& c : result_->scenario.changes) {  // a line the scenario adds has its name there
    if (name.isEmpty() && c.kind == scenario::ChangeKind::add_line && c.line.id == mark.object) name = q(c.line.name.in(language));
  }
  if (name.isEmpty()) name = q(mark.object);
  QString when;
  if (mark.window) {
    // "07-15 08:00 – 16:00" in the park's time zone; the end's date only when it differs.
    const QString from = park_.timeline()->formatTime(double(mark.window->start_ms)).mid(5, 11);
    const QString to = park_.timeline()->formatTime(double(mark.window->end_ms)).mid(5, 11);
    when = from + " – " + (to.left(5) == from.left(5) ? to.mid(6) : to);
  }
  return {{"id", q(mark.object)},
          {"building", q(mark.building)},
          {"kind", scenario::markKindName(mark.kind)},
          {"label", tr("%1: %2").arg(QString::fromUtf8(scenario::markKindLabel(mark.kind, language)), name)},
          {"when", when},
          {"active", active},
          {"position", toScene(p.x_m, p.y_m, roof + 18)},
          {"color", markColor(scenario::markKindName(mark.kind))}};
}

void ScenarioController::updateMarks() {
  std::vector<char> inForce;
  if (result_ && showing_ == "scenario") {
    const auto t = std::int64_t(park_.timeline()->timeMs());
    for (const auto& m : marks_) inForce.push_back(m.inForceAt(t));
  }
  // Called at every timeline tick: the lists change only when what is in force does.
  if (!marksStale_ && inForce == inForce_) return;
  marksStale_ = false;
  inForce_ = inForce;
  markItems_.clear();
  buildingMarks_.clear();
  if (!inForce.empty()) {
    const model::ObjectIndex index(result_->base_park);
    std::map<std::string, scenario::MarkKind> strongest;  // MarkKind is ordered strongest first
    for (std::size_t i = 0; i < marks_.size(); ++i) {
      const auto& m = marks_[i];
      markItems_ << markItem(m, inForce[i], index);
      if (!inForce[i] || m.building.empty()) continue;
      auto [it, added] = strongest.emplace(m.building, m.kind);
      if (!added) it->second = std::min(it->second, m.kind);
    }
    for (const auto& [id, kind] : strongest) buildingMarks_[q(id)] = scenario::markKindName(kind);
  }
  emit marksChanged();
}

void ScenarioController::clear() {
  if (!result_ && deltas_.isEmpty()) return;
  result_.reset();
  title_.clear();
  period_.clear();
  note_.clear();
  deltas_.clear();
  series_.clear();
  seriesTimes_.clear();
  affectedBuildings_.clear();
  marks_.clear();
  markItems_.clear();
  buildingMarks_.clear();
  inForce_.clear();
  marksStale_ = true;
  baselineFile_.clear();
  scenarioFile_.clear();
  emit resultChanged();
  if (!showing_.isEmpty()) {
    showing_.clear();
    emit showingChanged();
  }
}

}  // namespace parktwin::app
