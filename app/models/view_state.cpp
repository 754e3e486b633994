#include "view_state.hpp"

#include <QJSEngine>
#include <QOpenGLContext>
#include <QOpenGLFunctions>
#include <QQuickWindow>
#include <QSGRendererInterface>
#include <QSettings>

namespace parktwin::app {
namespace {
ViewState* g_instance = nullptr;
const char* const kShadowsKey = "view/shadows";
}

ViewState::~ViewState() {
  if (g_instance == this) g_instance = nullptr;
}

ViewState* ViewState::create(QQmlEngine*, QJSEngine*) {
  if (!g_instance) g_instance = new ViewState(nullptr);
  QJSEngine::setObjectOwnership(g_instance, QJSEngine::CppOwnership);
  return g_instance;
}

void ViewState::setInstance(ViewState* state) { g_instance = state; }

void ViewState::showBalance(const QString& side) {
  set(showSankey_, true);
  set(balanceSide_, side == "energy" ? QString("energy") : QString("material"));
}

void ViewState::chooseShadows(bool on) {
  QSettings().setValue(kShadowsKey, on);
  set(shadows_, on);
}

bool ViewState::isSoftwareRenderer(const QString& name) {
  static const char* const software[] = {"llvmpipe", "softpipe", "swrast", "software rasterizer", "swiftshader",
                                         "lavapipe", "microsoft basic render driver"};
  const QString lower = name.toLower();
  for (const char* word : software) {
    if (lower.contains(QLatin1String(word))) return true;
  }
  return false;
}

std::optional<ViewState::FlowArcsDrawing> ViewState::flowArcsDrawingNamed(const QString& name) {
  using enum FlowArcsDrawing;
  if (name == "instanced") return Instanced;
  if (name == "instanced-opaque") return InstancedOpaque;
  if (name == "models") return Models;
  if (name == "models-still") return ModelsStill;
  if (name == "models-opaque") return ModelsOpaque;
  return std::nullopt;
}

ViewState::ModelDetail ViewState::modelDetail(double pixels) const {
  if (modelsAlwaysDetailed_) return ModelDetail::Full;
  const bool onGpu = gpu();
  if (pixels < (onGpu ? kGpuBoxBelowPx : kBoxBelowPx)) return ModelDetail::Box;
  return pixels < (onGpu ? kGpuFullModelPx : kFullModelPx) ? ModelDetail::Mid : ModelDetail::Full;
}

void ViewState::watchRenderer(QQuickWindow* window) {
  // GL_RENDERER can only be read on the render thread, with its context current; other
  // graphics APIs (Vulkan, Metal, Direct3D) are taken for a GPU.
  QObject::connect(
      window, &QQuickWindow::sceneGraphInitialized, this,
      [this, window] {
        QString name = "non-OpenGL";
        if (auto* context = QOpenGLContext::currentContext()) {
          const auto* text = context->functions()->glGetString(GL_RENDERER);
          name = text ? QString::fromLatin1(reinterpret_cast<const char*>(text)) : QString("unknown");
        } else if (window->rendererInterface()->graphicsApi() == QSGRendererInterface::Software) {
          name = "Qt Quick software";
        }
        QMetaObject::invokeMethod(this, [this, name] { rendererFound(name); }, Qt::QueuedConnection);
      },
      Qt::DirectConnection);
}

void ViewState::rendererFound(const QString& name) {
  renderer_ = name;
  const QVariant chosen = QSettings().value(kShadowsKey);
  shadows_ = chosen.isValid() ? chosen.toBool() : !isSoftwareRenderer(name);
  emit changed();
}

}  // namespace parktwin::app
