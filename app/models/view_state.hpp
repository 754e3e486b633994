#pragma once
// What the window shows besides the park: which panels and overlays are open, and whether it
// renders for a picture or a video. QML binds to it; the command line (--flows, --balance,
// --scenario, headless runs) sets it before the window loads, instead of reaching into QML
// objects by name.
#include <QObject>
#include <QString>
#include <QtQml/qqmlregistration.h>

#include <optional>

class QQmlEngine;
class QJSEngine;
class QQuickWindow;

namespace parktwin::app {

class ViewState : public QObject {
  Q_OBJECT
  QML_ELEMENT
  QML_SINGLETON
  Q_PROPERTY(bool showFlows MEMBER showFlows_ NOTIFY changed)
  Q_PROPERTY(bool showSankey MEMBER showSankey_ NOTIFY changed)
  Q_PROPERTY(QString balanceSide MEMBER balanceSide_ NOTIFY changed)  // "material" or "energy"
  Q_PROPERTY(bool showScenarios MEMBER showScenarios_ NOTIFY changed)
  // The machines-only benchmark view: the park around the machines hidden.
  Q_PROPERTY(bool machinesOnly MEMBER machinesOnly_ NOTIFY changed)
  // False for headless runs: presentation mode then keeps the window's size.
  Q_PROPERTY(bool allowFullScreen MEMBER allowFullScreen_ NOTIFY changed)
  // Exporting a video: no buttons in the picture.
  Q_PROPERTY(bool recording MEMBER recording_ NOTIFY changed)
  // Night: dark sky, lit windows and street lights (header button, presentation, --night).
  Q_PROPERTY(bool night MEMBER night_ NOTIFY changed)
  // The sun casts shadows: the View menu's choice, kept in QSettings; until one is made, on
  // only when the renderer is a GPU's (watchRenderer).
  Q_PROPERTY(bool shadows READ shadows WRITE chooseShadows NOTIFY changed)
  // The plain look (flat sky, no textures, window bands or street lights): --plain-look, the
  // benchmarks' baseline for what the look costs.
  Q_PROPERTY(bool plainLook MEMBER plainLook_ NOTIFY changed)
  // Every machine model drawn at full detail whatever its size on screen
  // (--bench-models-detailed): the benchmark of many modelled machines measures the full
  // models, neither the mid level nor the boxes of the level of detail (modelDetail).
  Q_PROPERTY(bool modelsAlwaysDetailed MEMBER modelsAlwaysDetailed_ NOTIFY changed)
  // How the flow arcs are drawn (FlowArcs.qml): the benchmark's variants (--bench-flow-arcs).
  Q_PROPERTY(parktwin::app::ViewState::FlowArcsDrawing flowArcsDrawing MEMBER flowArcsDrawing_ NOTIFY changed)
  // The renderer's name as the graphics driver gives it (GL_RENDERER), empty until known.
  Q_PROPERTY(QString renderer MEMBER renderer_ NOTIFY changed)
  // The renderer is known and is a GPU's, not a software rasteriser.
  Q_PROPERTY(bool gpu READ gpu NOTIFY changed)

 public:
  // How a modelled machine group is drawn (MachineModels.qml): as boxes in the box table, as
  // its model's mid level of detail (NAME-lod1.glb), or as its full model.
  enum class ModelDetail { Box, Mid, Full };
  Q_ENUM(ModelDetail)
  // The flow arcs as one instanced Model with a dashed material (the window's way), the same
  // without blending, or one translucent Model and dash texture per arc (the way before), with
  // its dashes still or without blending: what each part of drawing the arcs costs.
  enum class FlowArcsDrawing { Instanced, InstancedOpaque, Models, ModelsStill, ModelsOpaque };
  Q_ENUM(FlowArcsDrawing)

  explicit ViewState(QObject* parent) : QObject(parent) {}
  ~ViewState() override;
  // The application sets its instance before loading QML; QML (and the tests) get that one.
  static ViewState* create(QQmlEngine* qmlEngine, QJSEngine* jsEngine);
  static void setInstance(ViewState* state);

  void showFlows() { set(showFlows_, true); }
  void showBalance(const QString& side);
  void showScenarios() { set(showScenarios_, true); }
  void showMachinesOnly() { set(machinesOnly_, true); }
  void renderHeadless() { set(allowFullScreen_, false); }
  void recordVideo() { set(recording_, true); }
  void showNight() { set(night_, true); }
  void usePlainLook() { set(plainLook_, true); }
  void drawModelsAlwaysDetailed() { set(modelsAlwaysDetailed_, true); }
  void drawFlowArcs(FlowArcsDrawing drawing) { set(flowArcsDrawing_, drawing); }
  // --bench-flow-arcs's words: instanced, instanced-opaque, models, models-still, models-opaque.
  static std::optional<FlowArcsDrawing> flowArcsDrawingNamed(const QString& name);

  bool shadows() const { return shadows_; }
  bool gpu() const { return !renderer_.isEmpty() && !isSoftwareRenderer(renderer_); }
  // The user's choice (the View menu): kept for the next start.
  void chooseShadows(bool on);
  // Reads the renderer's name once the window's scene graph is up, and turns shadows on by
  // default only where it is not a software rasteriser.
  void watchRenderer(QQuickWindow* window);
  // True for software rasterisers (llvmpipe, softpipe, swrast, SwiftShader, lavapipe, WARP).
  Q_INVOKABLE static bool isSoftwareRenderer(const QString& name);
  // The level of detail for machines `pixels` high on screen with this renderer. llvmpipe
  // transforms vertices on one thread, so it gets the mid level up to kFullModelPx
  // (docs/scene.md: the pot's 128 triangles against the mid level's 22).
  Q_INVOKABLE parktwin::app::ViewState::ModelDetail modelDetail(double pixels) const;
  static constexpr double kBoxBelowPx = 10, kFullModelPx = 40;      // llvmpipe and other software
  static constexpr double kGpuBoxBelowPx = 1, kGpuFullModelPx = 4;  // a GPU

 signals:
  void changed();

 private:
  void rendererFound(const QString& name);

  template <typename T>
  void set(T& member, T value) {
    if (member == value) return;
    member = value;
    emit changed();
  }

  bool showFlows_ = false, showSankey_ = false, showScenarios_ = false, machinesOnly_ = false;
  bool allowFullScreen_ = true, recording_ = false;
  bool night_ = false, shadows_ = false, plainLook_ = false, modelsAlwaysDetailed_ = false;
  FlowArcsDrawing flowArcsDrawing_ = FlowArcsDrawing::Instanced;
  QString renderer_;
  QString balanceSide_ = "material";
};

}  // namespace parktwin::app
