// Qt Quick Test runner. Before the tests, the shared ParkController loads the bundled Beidu
// park (as the app does at start-up), and a fixture simulates two hours of that park into a
// temporary historian, remembering on the side what the simulator emitted: the oracle the
// timeline tests compare the replayed scene against.
#include <QQmlEngine>
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QQuickItem>
#include <QQuickWindow>
#include <QVector3D>
#include <cstring>
#include <filesystem>
#include <QQuickStyle>
#include <QSet>
#include <QSettings>
#include <QTemporaryDir>
#include <QtQml/qqmlextensionplugin.h>
#include <QtQuickTest/quicktest.h>
#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <set>
#include <optional>
#include <vector>

#include "kpi_text.hpp"
#include "live_fixture.hpp"
#include "plant_fixture.hpp"
#include "park_controller.hpp"
#include "problem_text.hpp"
#include "parktwin/model/park_file.hpp"
#include "parktwin/sim/event_codec.hpp"
#include "parktwin/sim/simulator.hpp"
#include "parktwin/store/historian.hpp"

Q_IMPORT_QML_PLUGIN(ParkTwinPlugin)

namespace {

// Writes every sample and event to the historian (events as parktwin-cli simulate stores them)
// and keeps the ones the tests ask about.
class TeeSink : public parktwin::sim::SampleSink {
 public:
  explicit TeeSink(parktwin::store::Historian& historian) : historian_(historian) {}
  void sample(std::string_view tag, std::int64_t ts_ms, double value) override {
    (void)historian_.append(tag, ts_ms, value);  // a lost sample fails the test that looks for it
    if (!written.contains(tag)) written.emplace(tag);
    if (tag == "potline-1.current" || tag.ends_with(".state")) seen[std::string(tag)][ts_ms] = value;
  }
  void event(const parktwin::sim::SimEvent& e) override {
    (void)historian_.appendEvent(parktwin::sim::encodeEvent(e));  // likewise
    events.push_back(e);
  }
  std::map<std::string, std::map<std::int64_t, double>> seen;
  std::set<std::string, std::less<>> written;  // every tag given a sample
  std::vector<parktwin::sim::SimEvent> events;

 private:
  parktwin::store::Historian& historian_;
};

}  // namespace

class ReplayFixture : public QObject {
  Q_OBJECT
  Q_PROPERTY(QString dbPath MEMBER dbPath CONSTANT)
  Q_PROPERTY(double probeMs MEMBER probeMs CONSTANT)
  Q_PROPERTY(double expectedCurrent MEMBER expectedCurrent CONSTANT)
  Q_PROPERTY(QString stateLine MEMBER stateLine CONSTANT)
  Q_PROPERTY(double stateProbeMs MEMBER stateProbeMs CONSTANT)
  Q_PROPERTY(int expectedState MEMBER expectedState CONSTANT)
  Q_PROPERTY(QString alarmParkPath MEMBER alarmParkPath CONSTANT)
  Q_PROPERTY(QString beiduPath MEMBER beiduPath CONSTANT)
  Q_PROPERTY(QString farMarketParkPath MEMBER farMarketParkPath CONSTANT)
  Q_PROPERTY(double alarmOnMs MEMBER alarmOnMs CONSTANT)
  Q_PROPERTY(double alarmOffMs MEMBER alarmOffMs CONSTANT)
  Q_PROPERTY(QVariantList alarmRuns MEMBER alarmRuns CONSTANT)
  Q_PROPERTY(QString jiulongPath MEMBER jiulongPath CONSTANT)
  Q_PROPERTY(int jiulongTagCount MEMBER jiulongTagCount CONSTANT)
  Q_PROPERTY(int jiulongTagsInReplay MEMBER jiulongTagsInReplay CONSTANT)
  Q_PROPERTY(int replayTagCount MEMBER replayTagCount CONSTANT)
  Q_PROPERTY(double ladleProbeMs MEMBER ladleProbeMs CONSTANT)
  Q_PROPERTY(QVariantList expectedLadles MEMBER expectedLadles CONSTANT)
  Q_PROPERTY(int failureCount MEMBER failureCount CONSTANT)
  Q_PROPERTY(QString modelledParkPath MEMBER modelledParkPath CONSTANT)
  Q_PROPERTY(QString modelledBuildingModel MEMBER modelledBuildingModel CONSTANT)
  Q_PROPERTY(QString modelStateGroup MEMBER modelStateGroup CONSTANT)
  Q_PROPERTY(QString modelStateLine MEMBER modelStateLine CONSTANT)
  Q_PROPERTY(double modelStateProbeMs MEMBER modelStateProbeMs CONSTANT)
  Q_PROPERTY(int modelExpectedState MEMBER modelExpectedState CONSTANT)
  Q_PROPERTY(QString sparseDbPath MEMBER sparseDbPath CONSTANT)
  Q_PROPERTY(double sparseProbeMs MEMBER sparseProbeMs CONSTANT)

 public:
  QString dbPath;
  double probeMs = 0, expectedCurrent = 0, stateProbeMs = 0;
  QString stateLine;
  int expectedState = -1;
  QString alarmParkPath;
  QString farMarketParkPath;  // Beidu with its market moved 20 km east
  QString beiduPath = PARKTWIN_SOURCE_DIR "/assets/parks/beidu.json";
  double alarmOnMs = 0, alarmOffMs = 0;
  // Two runs of potline-1.current over the rule's limit after alarmOffMs, each {start: its first
  // sample over the limit, probe: 5 s after its third sample}, found in the simulator's samples.
  QVariantList alarmRuns;
  // Jiulong's park file, its tags, how many of them the (Beidu) replay file holds samples of and
  // how many tags that file holds: counted from the park file and the samples written.
  QString jiulongPath = PARKTWIN_SOURCE_DIR "/assets/parks/jiulong.json";
  int jiulongTagCount = 0, jiulongTagsInReplay = 0, replayTagCount = 0;
  // A time with ladles on their way, and where each is then ({x, y} in the park frame, worked
  // out from the park file's building positions); the failures the simulator reported.
  double ladleProbeMs = 0;
  QVariantList expectedLadles;
  int failureCount = 0;
  // Beidu with its cast house drawn by a bundled hall model at scale 2 (modelledBuildingModel).
  QString modelledParkPath;
  QString modelledBuildingModel = PARKTWIN_SOURCE_DIR "/assets/models/hall-gable-roof.glb";
  // A machine group drawn by its model whose line is in a state other than running at
  // modelStateProbeMs (the simulator's own report), and that state.
  QString modelStateGroup, modelStateLine;
  double modelStateProbeMs = 0;
  int modelExpectedState = -1;

  // A historian of potline-1.current sampled once every 5 minutes (a SCADA or Excel export's
  // rate), the samples written, and a time two hours in, between two samples.
  QString sparseDbPath;
  double sparseProbeMs = 0;
  std::map<std::int64_t, double> sparseSamples;
  std::map<std::int64_t, double> potlineCurrent;  // potline-1.current as the simulator emitted it

  // The last hour before `t` in one-minute buckets, as the sparklines ask for it ([t - 1 h,
  // t + 1 ms) in 60 buckets of 60 s, the last one to its end): the mean of the simulator's own
  // potline-1.current samples in each, NaN where there are none.
  Q_INVOKABLE QVariantList currentMinuteMeans(double t) const {
    const auto t0 = std::int64_t(t) - 3'600'000;
    QVariantList means;
    for (int k = 0; k < 60; ++k) {
      const std::int64_t from = t0 + k * 60'000, to = k == 59 ? std::int64_t(t) + 1 : from + 60'000;
      double sum = 0;
      int count = 0;
      for (auto it = potlineCurrent.lower_bound(from); it != potlineCurrent.end() && it->first < to; ++it, ++count) sum += it->second;
      means.push_back(count ? sum / count : std::numeric_limits<double>::quiet_NaN());
    }
    return means;
  }
  // The 5-minute samples written in [t0, t1), oldest first: {t, value}.
  Q_INVOKABLE QVariantList sparseSamplesBetween(double t0, double t1) const {
    QVariantList out;
    for (auto it = sparseSamples.lower_bound(std::int64_t(t0)); it != sparseSamples.end() && it->first < std::int64_t(t1); ++it) {
      out.push_back(QVariantMap{{"t", double(it->first)}, {"value", it->second}});
    }
    return out;
  }

  bool writeSparse(std::int64_t start) {
    sparseDbPath = tempDir + "/five-minutes.db";
    auto historian = parktwin::store::Historian::open(sparseDbPath.toStdString());
    if (!historian) return false;
    for (int k = 0; k <= 24; ++k) {
      const std::int64_t ts = start + k * 300'000;
      sparseSamples[ts] = 300 + 20 * std::sin(k / 2.0) + (k % 3) * 4;  // a shape, not a flat line
      if (!historian->append("potline-1.current", ts, sparseSamples[ts])) return false;
    }
    // Between two samples and off the minute buckets' edges: the hour holds 12 samples.
    sparseProbeMs = double(start + 5'400'000 + 150'000);
    return bool(historian->flush());
  }

  // The union of a GLB's POSITION accessor bounds (glTF's required min/max), read from the
  // file's JSON chunk: the oracle for a model's size, independent of Qt's loader.
  Q_INVOKABLE QVariantMap glbBounds(const QString& path) const {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) return {};
    const QByteArray bytes = file.readAll();
    if (bytes.size() < 20) return {};
    quint32 jsonLength = 0;
    std::memcpy(&jsonLength, bytes.constData() + 12, 4);
    const QJsonObject doc = QJsonDocument::fromJson(bytes.mid(20, jsonLength)).object();
    QVector3D lo(1e9f, 1e9f, 1e9f), hi(-1e9f, -1e9f, -1e9f);
    for (const auto mesh : doc["meshes"].toArray()) {
      for (const auto primitive : mesh.toObject()["primitives"].toArray()) {
        const QJsonObject accessor = doc["accessors"].toArray()[primitive.toObject()["attributes"].toObject()["POSITION"].toInt()].toObject();
        const QJsonArray min = accessor["min"].toArray(), max = accessor["max"].toArray();
        lo = QVector3D(std::min(lo.x(), float(min[0].toDouble())), std::min(lo.y(), float(min[1].toDouble())), std::min(lo.z(), float(min[2].toDouble())));
        hi = QVector3D(std::max(hi.x(), float(max[0].toDouble())), std::max(hi.y(), float(max[1].toDouble())), std::max(hi.z(), float(max[2].toDouble())));
      }
    }
    return {{"min", lo}, {"max", hi}};
  }

  // Events of one kind in the replayed historian, read straight from the file.
  Q_INVOKABLE int countEvents(const QString& kind) const {
    parktwin::store::HistorianOptions options;
    options.read_only = true;
    auto historian = parktwin::store::Historian::open(dbPath.toStdString(), options);
    if (!historian) return -1;
    auto events = historian->eventsBetween(0, std::numeric_limits<std::int64_t>::max());
    if (!events) return -1;
    return int(std::ranges::count_if(*events, [&](const auto& e) { return e.kind == kind.toStdString(); }));
  }

  // Size and number of distinct colours of a PNG: an exported view must be neither blank nor
  // scaled (an independent look at the file, not the exporter's own word).
  Q_INVOKABLE QVariantMap imageInfo(const QString& path) const {
    const QImage image = QImage(path).convertToFormat(QImage::Format_RGB32);
    QSet<QRgb> colours;
    for (int y = 0; y < image.height(); ++y) {
      const QRgb* line = reinterpret_cast<const QRgb*>(image.constScanLine(y));
      colours.unite(QSet<QRgb>(line, line + image.width()));
    }
    return {{"width", image.width()}, {"height", image.height()}, {"colours", colours.size()}};
  }
  // The colour the window shows at an item's point (x, y), the 3D view's underlay included
  // (an item's grabToImage sees only its own layer): what a person sees there.
  Q_INVOKABLE QColor windowPixel(QQuickItem* item, double x, double y) const {
    const QPointF at = item->mapToScene({x, y});
    const QImage image = item->window()->grabWindow();
    const qreal ratio = image.devicePixelRatio();
    return image.pixelColor(int(at.x() * ratio), int(at.y() * ratio));
  }
  // The same for many points of one picture (one grab: each costs a frame).
  Q_INVOKABLE QVariantList windowPixels(QQuickItem* item, const QVariantList& points) const {
    const QImage image = item->window()->grabWindow();
    const qreal ratio = image.devicePixelRatio();
    QVariantList colours;
    for (const QVariant& v : points) {
      const QPointF at = item->mapToScene(v.toPointF());
      colours.push_back(image.pixelColor(int(at.x() * ratio), int(at.y() * ratio)));
    }
    return colours;
  }
  // Share of [t0, t1) per state of a state tag, from the simulator's own reports: the state at
  // each whole second is the last report at or before it (an independent count, not spans).
  Q_INVOKABLE QVariantMap stateShares(const QString& tag, double t0, double t1) const {
    const auto it = states.find(tag.toStdString());
    QVariantMap shares;
    if (it == states.end()) return shares;
    const auto& series = it->second;
    int seconds = 0;
    QHash<int, int> perState;
    for (auto t = std::int64_t(t0); t < std::int64_t(t1); t += 1000) {
      auto report = series.upper_bound(t);
      if (report == series.begin()) continue;
      ++perState[int(std::lround(std::prev(report)->second))];
      ++seconds;
    }
    for (auto s = perState.begin(); s != perState.end(); ++s) shares.insert(QString::number(s.key()), double(s.value()) / seconds);
    return shares;
  }
  Q_INVOKABLE QString tempPath(const QString& name) const { return tempDir + "/" + name; }
  // A copy of `path` in the temp dir, for a test that writes into it (acknowledgements): the
  // shared replay file stays as the next test file expects it. Empty on failure.
  Q_INVOKABLE QString copyToTemp(const QString& path, const QString& name) const {
    QFile::remove(tempPath(name));
    return QFile::copy(path, tempPath(name)) ? tempPath(name) : QString();
  }
  // The permission bits of the window's settings file, as the file system has them (stat).
  Q_INVOKABLE int settingsFileMode() const {
    std::error_code error;
    const auto status = std::filesystem::status(QSettings().fileName().toStdString(), error);
    return error ? -1 : static_cast<int>(status.permissions() & std::filesystem::perms::mask);
  }
  Q_INVOKABLE QString scenarioPath(const QString& name) const {
    return QStringLiteral(PARKTWIN_SOURCE_DIR "/assets/scenarios/") + name;
  }
  // The example park that makes no aluminium and counts units, and its scenario.
  Q_INVOKABLE QString electronicsPath(const QString& name) const {
    return QStringLiteral(PARKTWIN_SOURCE_DIR "/tests/unit/scenario/data/") + name;
  }
  // Two park files read back equal by the park reader (the oracle for a save: the file saved
  // against the file it came from, both read by the reader the app uses to open them).
  Q_INVOKABLE bool parksEqual(const QString& a, const QString& b) const {
    auto first = parktwin::model::loadPark(a.toStdString());
    auto second = parktwin::model::loadPark(b.toStdString());
    return first && second && *first == *second;
  }
  // What Python's json module reads from a file: "<id> <number of buildings> <name.en>", or
  // the error it printed. A second, independent reader of what the window saved.
  Q_INVOKABLE QString pythonJsonSummary(const QString& path) const {
    return python({"-c", "import json,sys; d=json.load(open(sys.argv[1], encoding='utf-8'));"
                   "print(d['id'], len(d['buildings']), d['name']['en'])", path});
  }
  // One building as Python's json module reads it from a saved file: "<x_m> <y_m> <rotation_deg>
  // <height_m> <number of buildings>", or the error it printed.
  Q_INVOKABLE QString pythonBuilding(const QString& path, const QString& id) const {
    return python({"-c", "import json,sys; d=json.load(open(sys.argv[1], encoding='utf-8'));"
                   "b=[b for b in d['buildings'] if b['id']==sys.argv[2]][0];"
                   "print('%g %g %g %g %d' % (b['position']['x_m'], b['position']['y_m'],"
                   " b.get('rotation_deg', 0), b['height_m'], len(d['buildings'])))",
                   path, id});
  }
  // The value at a JSON Pointer of a saved file as Python's json module reads it, written back
  // with json.dumps ("8", "\"hall\"", "null" when absent), or the error it printed.
  Q_INVOKABLE QString pythonValue(const QString& path, const QString& pointer) const {
    return python({"-c", "import json,sys\nv=json.load(open(sys.argv[1], encoding='utf-8'))\n"
                   "for k in sys.argv[2].split('/')[1:]:\n"
                   "    v = (v[int(k)] if int(k) < len(v) else None) if isinstance(v, list) else v.get(k)\n"
                   "    if v is None: break\n"
                   "print(json.dumps(v, ensure_ascii=False))",
                   path, pointer});
  }
  // Python's output (stdout, then stderr), or why it gave none.
  static QString python(const QStringList& arguments) {
    QProcess process;
    process.start("/usr/bin/python3", arguments);
    if (!process.waitForFinished(30000)) return "python did not finish";
    return QString::fromUtf8(process.readAllStandardOutput() + process.readAllStandardError()).trimmed();
  }
  // One top-level list of a saved park file (zones, roads, material_links...) as Python's json
  // module reads it, written back by Python as JSON (keys sorted), or the error it printed.
  Q_INVOKABLE QString pythonSection(const QString& path, const QString& section) const {
    QProcess python;
    python.start("/usr/bin/python3", {"-c", "import json,sys; d=json.load(open(sys.argv[1], encoding='utf-8'));"
                                            "print(json.dumps(d.get(sys.argv[2], []), sort_keys=True))",
                                      path, section});
    if (!python.waitForFinished(30000)) return "python did not finish";
    return QString::fromUtf8(python.readAllStandardOutput() + python.readAllStandardError()).trimmed();
  }
  Q_INVOKABLE QString readText(const QString& path) const {
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
  }
  Q_INVOKABLE bool removeFile(const QString& path) const { return QFile::remove(path); }
  // ProblemText::modelFailure's reason for the model file at `path`, in English and Chinese.
  Q_INVOKABLE QVariantMap modelFailure(const QString& path) const {
    const auto failure = parktwin::app::ProblemText::modelFailure(path, "the loader's words");
    return {{"why", failure.why}, {"whyZh", failure.why_zh}};
  }
  // `text` written over the file at `path`, its modification time kept as it was: whoever reads
  // it again sees the new bytes, whoever kept a reading per file and time does not.
  Q_INVOKABLE bool overwriteKeepingTime(const QString& path, const QString& text) const {
    std::error_code error;
    const auto written = std::filesystem::last_write_time(path.toStdString(), error);
    QFile file(path);
    if (error || !file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(text.toUtf8()) < 0) return false;
    file.close();
    std::filesystem::last_write_time(path.toStdString(), written, error);
    return !error;
  }
  // The park of a park file shown with no file of its own, as a desk shows a server's park it
  // took (ParkDocument::showServerPark; `modelFolder`: its copy of the server's models).
  Q_INVOKABLE bool showParkWithoutFile(const QString& path, const QString& modelFolder = {}) const {
    auto park = parktwin::model::loadPark(path.toStdString());
    return park && controller->showPark(std::move(*park), QString(), modelFolder);
  }
  // The park a server serves, as the window's link to a server hands it over (its banner then
  // names how the window's park differs); "" forgets it.
  Q_INVOKABLE void setServerPark(const QString& json) const { emit controller->timeline()->serverParkChanged(json.toUtf8()); }
  // A folder in the temp dir (made with its parents), or "" when it cannot be made.
  Q_INVOKABLE QString makeFolder(const QString& name) const { return QDir().mkpath(tempPath(name)) ? tempPath(name) : QString(); }
  // The process's current folder, as a desk started there has it; returns the one before.
  Q_INVOKABLE QString setCurrentFolder(const QString& path) const {
    const QString before = QDir::currentPath();
    return QDir::setCurrent(path) ? before : QString();
  }
  parktwin::app::ParkController* controller = nullptr;
  Q_INVOKABLE QString writeFile(const QString& name, const QString& text) const {
    QFile file(tempPath(name));
    if (!file.open(QIODevice::WriteOnly) || file.write(text.toUtf8()) < 0) return {};
    return file.fileName();
  }

  QString tempDir;
  std::map<std::string, std::map<std::int64_t, double>> states;  // state tags as the simulator reported them

  // A building's footprint centre, or for a production line the centre of its building.
  static std::optional<parktwin::model::Point> positionInPark(const parktwin::model::Park& park, const std::string& id) {
    for (const auto& b : park.buildings) {
      if (b.id == id) return b.position;
    }
    for (const auto& l : park.lines) {
      if (l.id == id) return positionInPark(park, l.building);
    }
    return std::nullopt;
  }

  // Half way through the first ladle trip after `after_ms`: every trip under way then, placed
  // on the straight line between its ends by the share of its time elapsed.
  void findLadles(const parktwin::model::Park& park, const std::vector<parktwin::sim::SimEvent>& events,
                  std::int64_t after_ms) {
    for (const auto& e : events) {
      if (e.kind != parktwin::sim::SimEventKind::ladle_trip || e.start_ms < after_ms) continue;
      ladleProbeMs = double(e.start_ms + (e.end_ms - e.start_ms) / 2);
      break;
    }
    const auto t = std::int64_t(ladleProbeMs);
    for (const auto& e : events) {
      if (e.kind != parktwin::sim::SimEventKind::ladle_trip || t < e.start_ms || t > e.end_ms) continue;
      const auto from = positionInPark(park, e.from), to = positionInPark(park, e.to);
      if (!from || !to) continue;
      const double share = double(t - e.start_ms) / double(e.end_ms - e.start_ms);
      expectedLadles.push_back(QVariantMap{{"x", from->x_m + share * (to->x_m - from->x_m)},
                                           {"y", from->y_m + share * (to->y_m - from->y_m)}});
    }
  }

  void findModelledState(const parktwin::model::Park& park, std::int64_t after) {
    for (const auto& line : park.lines) {
      const auto group = std::ranges::find_if(line.machines, [](const auto& g) { return g.model.has_value(); });
      const auto it = states.find(line.id + ".state");
      if (group == line.machines.end() || it == states.end()) continue;
      for (const auto& [ts, value] : it->second) {
        if (value != 0 && ts > after) {
          modelStateGroup = QString::fromStdString(group->id);
          modelStateLine = QString::fromStdString(line.id);
          modelStateProbeMs = double(ts);
          modelExpectedState = int(value);
          return;
        }
      }
    }
  }

  bool countJiulongTags(const TeeSink& sink) {
    auto jiulong = parktwin::model::loadPark(jiulongPath.toStdString());
    if (!jiulong) return false;
    jiulongTagCount = int(jiulong->tags.size());
    replayTagCount = int(sink.written.size());
    for (const auto& tag : jiulong->tags) jiulongTagsInReplay += sink.written.contains(tag.id) ? 1 : 0;
    return true;
  }

  void findAlarmRuns(const std::map<std::int64_t, double>& current, double limit) {
    std::int64_t runStart = -1;
    int runLength = 0;
    for (const auto& [ts, v] : current) {
      if (ts <= std::int64_t(alarmOffMs) || alarmRuns.size() == 2) continue;
      if (v <= limit) {
        runStart = -1;
        runLength = 0;
        continue;
      }
      if (runStart < 0) runStart = ts;
      if (++runLength == 3 && runStart > std::int64_t(alarmOffMs)) {
        alarmRuns.push_back(QVariantMap{{"start", double(runStart)}, {"probe", double(ts + 5'000)}});
      }
    }
  }

  bool build(const QString& dir) {
    tempDir = dir;
    auto park = parktwin::model::loadPark(PARKTWIN_SOURCE_DIR "/assets/parks/beidu.json");
    if (!park) return false;
    dbPath = dir + "/replay.db";
    auto historian = parktwin::store::Historian::open(dbPath.toStdString());
    if (!historian) return false;
    const std::int64_t start = 1'780'272'000'000;  // 2026-06-01T00:00:00Z
    auto sim = parktwin::sim::Simulator::create(*park, {.seed = 7, .start_ms = start, .step_ms = 10'000});
    if (!sim) return false;
    TeeSink sink(*historian);
    sim->runUntil(start + 2 * 3'600'000, sink);
    if (!historian->flush()) return false;
    // Between two samples: the scene must show the last sample at or before the probe.
    probeMs = double(start + 3'600'000 + 5'000);
    potlineCurrent = sink.seen["potline-1.current"];
    const auto& current = potlineCurrent;
    if (!writeSparse(start)) return false;
    expectedCurrent = std::prev(current.upper_bound(std::int64_t(probeMs)))->second;
    // The same park with one more rule: potline-1 current above the median of what the
    // simulator produced, so it is on at some times (alarmOnMs) and off at others.
    std::vector<double> sorted;
    for (const auto& [ts, v] : current) sorted.push_back(v);
    std::ranges::sort(sorted);
    const double median = sorted[sorted.size() / 2];
    for (const auto& [ts, v] : current) {
      if (ts < start + 600'000) continue;
      if (v > median && alarmOnMs == 0) alarmOnMs = double(ts);
      if (v < median && alarmOffMs == 0) alarmOffMs = double(ts);
    }
    findAlarmRuns(current, median);
    if (!countJiulongTags(sink)) return false;
    auto withRule = *park;
    withRule.alarm_rules.push_back({"test-current-high", "potline-1.current", median, std::nullopt, parktwin::model::Severity::critical,
                                    {"1号系列电流偏高", "Potline 1 current high"}});
    alarmParkPath = dir + "/beidu-with-test-rule.json";
    if (!parktwin::model::savePark(withRule, alarmParkPath.toStdString())) return false;
    auto farMarket = *park;
    for (auto& e : farMarket.externals) {
      if (e.id == "market") e.position = {20000, 700};
    }
    farMarketParkPath = dir + "/beidu-far-market.json";
    if (!parktwin::model::savePark(farMarket, farMarketParkPath.toStdString())) return false;
    auto modelled = *park;
    for (auto& b : modelled.buildings) {
      if (b.id != "casthouse") continue;
      b.model = parktwin::model::ModelRef{};
      b.model->uri = modelledBuildingModel.toStdString();
      b.model->scale = 2;
    }
    modelledParkPath = dir + "/beidu-modelled-casthouse.json";
    if (!parktwin::model::savePark(modelled, modelledParkPath.toStdString())) return false;
    for (const auto& [tag, series] : sink.seen) {
      if (tag.ends_with(".state")) states[tag] = series;
    }
    findModelledState(*park, start + 600'000);
    findLadles(*park, sink.events, start + 3'600'000);
    for (const auto& e : sink.events) failureCount += e.kind == parktwin::sim::SimEventKind::state_change && e.to == "down";
    // A moment when some line is not running, so the state shown is not the default.
    for (const auto& [tag, series] : sink.seen) {
      if (!tag.ends_with(".state")) continue;
      for (const auto& [ts, value] : series) {
        if (value != 0 && ts > start + 600'000) {
          stateLine = QString::fromStdString(tag.substr(0, tag.size() - 6));
          stateProbeMs = double(ts);
          expectedState = int(value);
          return true;
        }
      }
    }
    return true;
  }
};

// The window's KPI words (kpi_text.hpp, from the .ts) against the twin KPI table, which the CLI
// and reports print: the oracle for tst_kpi_text.qml.
class KpiWordsCheck : public QObject {
  Q_OBJECT
 public:
  // Every KPI whose label, name, unit or unit of change in the window differs from the twin table's in
  // `language`, as "key: window text ≠ table text".
  Q_INVOKABLE QStringList differences(const QString& language) const {
    namespace flow = parktwin::flow;
    const std::string lang = language.toStdString();
    QStringList out;
    for (const auto& d : flow::kpiDefinitions()) {
      const auto check = [&](const QString& shown, std::string_view table) {
        const QString expected = QString::fromUtf8(table.data(), static_cast<qsizetype>(table.size()));
        if (shown != expected) out << QString::fromUtf8(d.id.data(), static_cast<qsizetype>(d.id.size())) + ": " + shown + " ≠ " + expected;
      };
      check(parktwin::app::kpiLabelText(d.key), flow::kpiLabel(d.key, lang));
      check(parktwin::app::kpiNameText(d.key), flow::kpiName(d.key, lang));
      check(parktwin::app::kpiUnitText(d.key), flow::kpiUnit(d.key, lang));
      check(parktwin::app::kpiDeltaUnitText(d.key), flow::kpiDeltaUnit(d.key, lang));
    }
    return out;
  }
};

class Setup : public QObject {
  Q_OBJECT
 public slots:
  void applicationAvailable() {
    QQuickStyle::setStyle("Basic");
    // Scenario runs write historian files to the cache folder: keep them in our temp dir.
    qputenv("XDG_CACHE_HOME", (dir_.path() + "/cache").toUtf8());
    // The recent files list (QSettings) goes to our temp dir, not the person's own settings.
    qputenv("XDG_CONFIG_HOME", (dir_.path() + "/config").toUtf8());
    controller_ = new parktwin::app::ParkController(this);
    parktwin::app::ParkController::setInstance(controller_);
    controller_->setAssetRoot(PARKTWIN_SOURCE_DIR "/assets");  // what the app finds in <bindir>/../share/parktwin
    if (!controller_->loadPark(PARKTWIN_SOURCE_DIR "/assets/parks/beidu.json")) qFatal("demo park did not load");
    if (!dir_.isValid() || !fixture_.build(dir_.path())) qFatal("could not simulate the replay fixture");
    fixture_.controller = controller_;
    qmlRegisterSingletonInstance("ParkTwinTest", 1, 0, "Fixture", &fixture_);
    qmlRegisterSingletonInstance("ParkTwinTest", 1, 0, "LiveFixture", &liveFixture_);
    qmlRegisterSingletonInstance("ParkTwinTest", 1, 0, "KpiWords", &kpiWords_);
    qmlRegisterSingletonInstance("ParkTwinTest", 1, 0, "PlantFixture", &plantFixture_);
  }
  void qmlEngineAvailable(QQmlEngine* engine) {
    engine->addImportPath("qrc:/");
    controller_->setEngine(engine);
  }

 private:
  parktwin::app::ParkController* controller_ = nullptr;
  QTemporaryDir dir_;
  ReplayFixture fixture_;
  LiveFixture liveFixture_;
  KpiWordsCheck kpiWords_;
  PlantFixture plantFixture_;
};

// Qt 6.4's threaded render loop can crash in QSSGLayerRenderData::rhiPrepare when a test's
// window is torn down right after the scene changed (seen about once in ten runs of
// tst_timeline, after timeline.close()). Rendering on the GUI thread removes that race from the
// tests; the app keeps the threaded loop (docs/scene.md).
namespace {
const bool kBasicRenderLoop = qputenv("QSG_RENDER_LOOP", "basic");
}

QUICK_TEST_MAIN_WITH_SETUP(parktwin_qml, Setup)

#include "qml_tests_main.moc"
