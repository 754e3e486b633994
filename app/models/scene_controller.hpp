#pragma once
// What the 3D view draws of the open park, as QML lists: buildings, roads, zones, utilities,
// externals, labels, the machines (instanced, or each with its own model) and the box that
// frames them; and the models that could not be loaded. ParkController owns the park and
// hands each new or edited park to rebuild().
#include <QObject>
#include <QStringList>
#include <QVariantList>
#include <QVector3D>
#include <QtQml/qqmlregistration.h>

#include <filesystem>

#include "machine_instancing.hpp"
#include "model_problem_list.hpp"

namespace parktwin::model {
struct Park;
class ObjectIndex;
}

namespace parktwin::app {

class ParkController;

class SceneController : public QObject {
  Q_OBJECT
  QML_ELEMENT
  QML_UNCREATABLE("Provided by ParkController")
  Q_PROPERTY(QVariantList buildings READ buildings NOTIFY changed)
  Q_PROPERTY(QVariantList roads READ roads NOTIFY changed)
  Q_PROPERTY(QVariantList zones READ zones NOTIFY changed)
  Q_PROPERTY(QVariantList utilities READ utilities NOTIFY changed)
  // The park's externals (market, suppliers, grid, port) where they are drawn: {id, kind,
  // position, outside (drawn at the park's edge), angle (outward, degrees from east), color}.
  Q_PROPERTY(QVariantList externals READ externals NOTIFY changed)
  Q_PROPERTY(QVariantList labels READ labels NOTIFY labelsChanged)
  // How many buildings, enterprises, lines, machines, utilities, tags and links the park has.
  Q_PROPERTY(QVariantMap summary READ summary NOTIFY changed)
  // The ground to frame: changes with a new park, not with an edit (the camera stays put).
  Q_PROPERTY(QVector3D center READ center NOTIFY framingChanged)
  Q_PROPERTY(double radius READ radius NOTIFY framingChanged)
  // Points outlining the park (zone outlines, building footprints and roofs), for fitting it in view.
  Q_PROPERTY(QVariantList outline READ outline NOTIFY framingChanged)
  Q_PROPERTY(parktwin::app::MachineInstancing* machines READ machines CONSTANT)
  // Machine groups drawn with their own model (qml/scene/MachineModels.qml).
  Q_PROPERTY(QVariantList machineModels READ machineModels NOTIFY changed)
  // Only for the naive-scene benchmark: machines as a plain list, one Model per entry.
  Q_PROPERTY(QVariantList syntheticMachines READ syntheticMachines NOTIFY changed)
  // The 3D model files of this park that could not be loaded (their objects are drawn as boxes):
  // a line per file, with where the window looked for it, the objects using it and why.
  Q_PROPERTY(QStringList modelProblems READ modelProblems NOTIFY modelProblemsChanged)

 public:
  explicit SceneController(ParkController& park, QObject* parent = nullptr);

  // A new park (`framing`: the camera refits) or the same park after an edit. `modelFolder`: for a
  // park with no file (parkFile empty), the folder its relative model uris are taken from.
  void rebuild(const model::Park& park, const model::ObjectIndex& index, const QString& parkFile, const QString& modelFolder,
               bool framing);
  // A drag step (issue 17): rebuilding every list made QML rebuild every building, road, zone
  // and model delegate per step. When only building rows changed, those rows are replaced in
  // place and announced one by one (buildingChanged); machines follow. False when anything
  // else changed (an external drawn at a grown extent, say): then the caller rebuilds.
  bool refreshPlaces(const model::Park& park, const model::ObjectIndex& index, const QString& parkFile, const QString& modelFolder);
  // The timeline's line states colour the machines (MachineInstancing::setLineStates).
  void applyLineStates(const model::Park& park, const QHash<QString, double>& values);
  // Benchmarks: replaces the park's machines with `count` synthetic ones in a square grid over
  // the park; with `naive` they are listed in syntheticMachines for one Model each instead.
  Q_INVOKABLE void useSyntheticMachines(int count, bool naive);
  // Called by qml/scene/LoadedModel.qml and MachineModelGroup.qml when RuntimeLoader fails on
  // an object's model. `file`: the model's resolved URL; `why`: Qt's reason, which ProblemText
  // only uses when the file is there and twin/model's own reading finds nothing wrong with it.
  Q_INVOKABLE void reportModelProblem(const QString& objectId, const QString& file, const QString& why);
  // Called by the same when an object's model loads: a failure listed before is over.
  Q_INVOKABLE void reportModelLoaded(const QString& objectId);
  // The machine group hit by the ray through two scene points (near and far), or empty.
  Q_INVOKABLE QString pickMachineGroup(const QVector3D& nearPoint, const QVector3D& farPoint) const;

  QVariantList buildings() const { return buildings_; }
  QVariantList roads() const { return roads_; }
  QVariantList zones() const { return zones_; }
  const QVariantList& utilities() const { return utilities_; }
  const QVariantList& externals() const { return externals_; }
  QVariantList labels() const;
  QVariantMap summary() const { return summary_; }
  QVector3D center() const { return center_; }
  double radius() const { return radius_; }
  const QVariantList& outline() const { return outline_; }
  MachineInstancing* machines() { return &machines_; }
  const MachineInstancing& machines() const { return machines_; }
  QVariantList machineModels() const { return machineModels_; }
  QVariantList syntheticMachines() const { return syntheticMachines_; }
  QStringList modelProblems() const { return modelProblems_; }

 signals:
  // The scene items changed: with every new park, and after each edit.
  void changed();
  void framingChanged();
  void labelsChanged();
  void modelProblemsChanged();
  // A drag step moved building `index` of `buildings`: its row is now `item`. The list is not
  // replaced (no changed()), so QML keeps every other building's delegate.
  void buildingChanged(int index, const QVariantMap& item);

 private:
  ParkController& park_;
  QVariantList buildings_, roads_, zones_, utilities_, externals_, machineModels_, syntheticMachines_;
  QVariantMap summary_;
  QVector3D center_;
  double radius_ = 500;
  QVariantList outline_;
  MachineInstancing machines_;
  ModelProblemList failedModels_;
  QString parkFolder_;  // the open park file's folder; empty for a park not saved yet
  // A park with no file of its own (a server's, an import): each model file as the park names it.
  QHash<QString, QString> modelUris_;
  QStringList modelProblems_;

  // The notice's lines again: after a failure, a model loaded, a rebuild or a new language.
  void wordModelProblems();
};

// The path relative model uris are taken from the folder of (model::modelFile): the park's
// file; for a park with no file of its own, `modelFolder` (a server's park a desk took: the
// desk's copy of the server's models), so a model the server did not send is looked for there,
// never in the process's current folder (QA); empty when neither is known.
std::filesystem::path modelBaseOf(const QString& parkFile, const QString& modelFolder);

}  // namespace parktwin::app
