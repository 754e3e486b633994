// What showing one replay step of the flows costs the GUI thread in the flow views alone
// (FlowArcs.qml, KpiBar.qml, SankeyPanel.qml of a given revision), without the twin: the same
// Beidu-sized synthetic steps (177 arcs, 5 KPI cards, a Sankey of 30 nodes / 60 bands material
// and 20 / 33 energy, every value changing at each step) are handed over at a fixed interval,
// as FlowController does: through StableRowsModel rows (this branch's views) or as lists
// replaced whole (the views before), chosen by what the views read. Prints the GUI thread's time
// per step, the frame times, and how many delegates a step kept (the same objects before and
// after). bench/flow/bench-flow-views prepares the import folders and runs it.
// Usage: flow-views-bench IMPORT_DIR STEPS SANKEY_SHOWN(0|1) RESET_ROWS(0|1) STEP_MS
#include <QColor>
#include <QElapsedTimer>
#include <QGuiApplication>
#include <QQmlApplicationEngine>
#include <QQmlContext>
#include <QQuickItem>
#include <QQuickWindow>
#include <QTimer>
#include <QVector3D>
#include <QtQuick3D/qquick3dobject.h>
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <tuple>
#include <vector>

#include "stable_rows_model.hpp"

using parktwin::app::StableRowsModel;

// One step's flows in the shapes FlowController hands to QML (flow_overlay.hpp).
class SyntheticSteps : public QObject {
  Q_OBJECT
  Q_PROPERTY(QObject* arcRows READ arcRows CONSTANT)
  Q_PROPERTY(QObject* kpiCards READ kpiCards CONSTANT)
  Q_PROPERTY(QObject* materialNodes READ materialNodes CONSTANT)
  Q_PROPERTY(QObject* materialBands READ materialBands CONSTANT)
  Q_PROPERTY(QObject* energyNodes READ energyNodes CONSTANT)
  Q_PROPERTY(QObject* energyBands READ energyBands CONSTANT)
  Q_PROPERTY(QVariantMap sankeyFrame READ sankeyFrame NOTIFY changed)
  Q_PROPERTY(QVariantList arcs READ arcs NOTIFY changed)
  Q_PROPERTY(QVariantMap kpis READ kpis NOTIFY changed)
  Q_PROPERTY(QVariantMap sankey READ sankey NOTIFY changed)
  Q_PROPERTY(bool sankeyVisible MEMBER sankeyVisible CONSTANT)

 public:
  QObject* arcRows() { return &arcRows_; }
  QObject* kpiCards() { return &kpiCards_; }
  QObject* materialNodes() { return &materialNodes_; }
  QObject* materialBands() { return &materialBands_; }
  QObject* energyNodes() { return &energyNodes_; }
  QObject* energyBands() { return &energyBands_; }
  QVariantList arcs() const { return arcs_; }
  QVariantMap kpis() const { return {{"cards", cards_}}; }
  QVariantMap sankey() const { return sankey_; }
  QVariantMap sankeyFrame() const {
    QVariantMap out;
    for (auto it = sankey_.begin(); it != sankey_.end(); ++it) {
      QVariantMap side = it.value().toMap();
      side.remove("nodes");
      side.remove("bands");
      out[it.key()] = side;
    }
    return out;
  }
  const QVariantList& arcList() const { return arcs_; }

  void build(int step) {
    arcs_.clear();
    for (int i = 0; i < 177; ++i) {
      const double share = 0.5 + 0.4 * std::sin(step * 0.3 + i);
      arcs_ << QVariantMap{{"id", QString("arc-%1").arg(i)},
                           {"position", QVector3D(float(-500 + (i % 20) * 50), i < 144 ? 26.f : 20.f, float(-400 + (i / 20) * 90))},
                           {"angle", double(i * 17 % 360)}, {"length", 40.0 + i % 7 * 10}, {"bottleneck", i == 5},
                           {"width", 1.5 + 9.0 * std::sqrt(share)}, {"speed", 10.0 + 50.0 * share},
                           {"color", i == 5 ? QColor(0xe0, 0x2f, 0x2f) : QColor(0x3c, 0xb3, 0x71)}, {"active", true}};
    }
    cards_.clear();
    const char* keys[] = {"throughput_t_per_year", "energy_kwh_per_t_delivered", "co2_t", "local_supply_share_pct",
                          "remelt_cost_avoided_yuan"};
    for (int k = 0; k < 5; ++k) {
      cards_ << QVariantMap{{"key", keys[k]}, {"name", QString("Name %1").arg(k)}, {"label", QString("Label %1").arg(k)},
                            {"text", QString("%1 kt").arg(300 + (step * 7 + k) % 50)}};
    }
    sankey_.clear();
    for (auto [side, nodes, bands, columns] : {std::tuple{"material", 30, 60, 5}, std::tuple{"energy", 20, 33, 4}}) {
      QVariantList nodeList, bandList;
      for (int n = 0; n < nodes; ++n) {
        nodeList << QVariantMap{{"id", QString("%1-%2").arg(side).arg(n)}, {"name", QString("Node %1").arg(n)},
                                {"column", n % columns}, {"value", 5.0 + (n + step) % 3}, {"y", double(n / columns) * 12.0},
                                {"merged", 0}};
      }
      for (int b = 0; b < bands; ++b) {
        const int from = b % (nodes - columns), to = from + 1;
        bandList << QVariantMap{{"from", from}, {"to", to}, {"value", 1.0 + (b + step) % 4 * 0.5},
                                {"fromY", double(b % 10) * 6}, {"toY", double(b % 10) * 6 + 2},
                                {"color", QColor(0xff, 0x7a, 0x1a)}, {"fromColumn", from % columns}, {"toColumn", to % columns}};
      }
      sankey_[side] = QVariantMap{{"columns", columns}, {"height", 80.0}, {"total", 100.0 + step % 5}, {"unit", "t/h"},
                                  {"nodes", nodeList}, {"bands", bandList}};
    }
  }

  // As FlowController::publish: the rows follow (kept, or all reset), then `changed`.
  void publish(bool reset) {
    const auto show = [reset](StableRowsModel& model, const QVariantList& rows) {
      if (reset) model.resetRows(rows);
      else model.setRows(rows);
    };
    const QVariantMap material = sankey_["material"].toMap(), energy = sankey_["energy"].toMap();
    show(arcRows_, arcs_);
    show(kpiCards_, cards_);
    show(materialNodes_, material["nodes"].toList());
    show(materialBands_, material["bands"].toList());
    show(energyNodes_, energy["nodes"].toList());
    show(energyBands_, energy["bands"].toList());
    emit changed();
  }

  bool sankeyVisible = false;

 signals:
  void changed();

 private:
  StableRowsModel arcRows_{{"id", "position", "angle", "length", "bottleneck", "width", "speed", "color", "active"}, this};
  StableRowsModel kpiCards_{{"key", "name", "label", "text"}, this};
  StableRowsModel materialNodes_{{"id", "name", "column", "value", "y", "merged"}, this};
  StableRowsModel materialBands_{{"value", "fromY", "toY", "color", "fromColumn", "toColumn"}, this};
  StableRowsModel energyNodes_{{"id", "name", "column", "value", "y", "merged"}, this};
  StableRowsModel energyBands_{{"value", "fromY", "toY", "color", "fromColumn", "toColumn"}, this};
  QVariantList arcs_, cards_;
  QVariantMap sankey_;
};

namespace {

void collect(QQuickItem* item, const QString& prefix, QList<QObject*>& out) {
  for (QQuickItem* child : item->childItems()) {
    if (child->objectName().startsWith(prefix)) out << child;
    collect(child, prefix, out);
  }
}

double at(std::vector<double> ms, double q) {
  if (ms.empty()) return 0;
  std::ranges::sort(ms);
  return ms[std::min(ms.size() - 1, std::size_t(q * double(ms.size())))];
}

// The delegates a step leaves in place: KPI cards, Sankey labels, the first arc's Model.
struct Delegates {
  QList<QObject*> cards, labels;
  QQuick3DObject* firstArc = nullptr;  // none where the views do not expose their arcs (before)
};

Delegates delegatesOf(QQuickWindow* window) {
  Delegates d;
  collect(window->contentItem(), "kpi_", d.cards);
  collect(window->contentItem(), "sankeyLabel", d.labels);
  auto* arcs = window->property("arcs").value<QObject*>();
  auto* repeater = arcs ? arcs->property("arcModels").value<QObject*>() : nullptr;
  if (repeater) QMetaObject::invokeMethod(repeater, "objectAt", Q_RETURN_ARG(QQuick3DObject*, d.firstArc), Q_ARG(int, 0));
  return d;
}

int kept(const QList<QObject*>& before, const QList<QObject*>& after) {
  return int(std::ranges::count_if(after, [&](QObject* o) { return before.contains(o); }));
}

}  // namespace

int main(int argc, char** argv) {
  QGuiApplication app(argc, argv);
  if (argc < 6) {
    std::fprintf(stderr, "usage: flow-views-bench IMPORT_DIR STEPS SANKEY_SHOWN RESET_ROWS STEP_MS\n");
    return 2;
  }
  const QString importDir = argv[1];
  const int steps = std::atoi(argv[2]);
  const bool reset = std::atoi(argv[4]) != 0;
  SyntheticSteps flows;
  flows.sankeyVisible = std::atoi(argv[3]) != 0;
  flows.build(0);
  flows.publish(false);
  QQmlApplicationEngine engine;
  engine.addImportPath(importDir);
  engine.rootContext()->setContextProperty("steps", &flows);  // a benchmark's stand-in, not the app's way
  engine.load(QUrl::fromLocalFile(importDir + "/Scene.qml"));
  if (engine.rootObjects().isEmpty()) return 2;
  auto* window = qobject_cast<QQuickWindow*>(engine.rootObjects().first());

  constexpr int kWarmUpSteps = 2;
  std::vector<double> showMs, frameMs;
  QElapsedTimer clock;
  clock.start();
  qint64 lastSwapNs = -1;
  int step = 0;
  QObject::connect(window, &QQuickWindow::frameSwapped, window, [&] {
    const qint64 now = clock.nsecsElapsed();
    if (lastSwapNs >= 0 && step > kWarmUpSteps) frameMs.push_back(double(now - lastSwapNs) / 1e6);
    lastSwapNs = now;
    window->update();  // the still window draws again too, as --bench-still does
  });
  Delegates before;
  QString keptLine;
  QTimer timer;
  QObject::connect(&timer, &QTimer::timeout, [&] {
    ++step;
    flows.build(step);
    QElapsedTimer shown;
    shown.start();
    flows.publish(reset);
    if (step > kWarmUpSteps) showMs.push_back(double(shown.nsecsElapsed()) / 1e6);
    const Delegates now = delegatesOf(window);
    if (step == kWarmUpSteps + 1) before = now;
    if (step == kWarmUpSteps + 2) {
      keptLine = QString("cards %1/%2, sankey labels %3/%4, first arc %5")
                     .arg(kept(before.cards, now.cards)).arg(now.cards.size())
                     .arg(kept(before.labels, now.labels)).arg(now.labels.size())
                     .arg(!now.firstArc ? "not exposed" : now.firstArc == before.firstArc ? "kept" : "new");
    }
    if (step < steps) return;
    const auto over = std::ranges::count_if(frameMs, [](double ms) { return ms > 33.0; });
    std::printf("step show ms: p50 %.2f p99 %.2f max %.2f of %zu; frame ms: p50 %.1f p99 %.1f max %.1f, %td of %zu over 33 ms; kept at a step: %s\n",
                at(showMs, 0.5), at(showMs, 0.99), at(showMs, 1.0), showMs.size(), at(frameMs, 0.5), at(frameMs, 0.99),
                at(frameMs, 1.0), over, frameMs.size(), qPrintable(keptLine));
    std::fflush(stdout);
    QCoreApplication::exit(0);
  });
  timer.start(std::atoi(argv[5]));
  return app.exec();
}

#include "views_bench.moc"
