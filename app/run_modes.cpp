#include "run_modes.hpp"

#include <QCoreApplication>
#include <QImage>
#include <QQuickItem>
#include <QQuickWindow>
#include <QTimer>
#include <cstdio>
#include <memory>

namespace parktwin::app {

namespace {
QQuickItem* parkViewOf(QQuickWindow* window) { return window->property("parkView").value<QQuickItem*>(); }
}  // namespace

void takeScreenshotWhenReady(QQuickWindow* window, const QString& path, const QElapsedTimer& sinceStart) {
  // A frame counts once the scene reports ready; two more swaps let labels lay out and the
  // renderer finish uploading meshes and shaders.
  auto framesSinceReady = std::make_shared<int>(0);
  QObject::connect(window, &QQuickWindow::frameSwapped, window, [=] {
    if (!window->property("sceneReady").toBool() || ++*framesSinceReady < 3) {
      window->update();
      return;
    }
    QTimer::singleShot(0, window, [=] {
      const QImage image = window->grabWindow();
      const bool saved = image.save(path);
      std::fprintf(stderr, "parktwin: first complete frame after %lld ms, %dx%d, saved to %s\n",
                   static_cast<long long>(sinceStart.elapsed()), image.width(), image.height(), qPrintable(path));
      if (!saved) std::fprintf(stderr, "parktwin: could not write %s\n", qPrintable(path));
      QCoreApplication::exit(saved ? 0 : 1);
    });
  });
}

void benchmarkOrbitFps(QQuickWindow* window, double seconds) {
  struct State {
    QElapsedTimer clock;
    int frames = 0;
    bool started = false;
  };
  auto state = std::make_shared<State>();
  QObject::connect(window, &QQuickWindow::frameSwapped, window, [=] {
    QQuickItem* view = parkViewOf(window);
    if (!view || !window->property("sceneReady").toBool()) {
      window->update();
      return;
    }
    if (!state->started) {
      state->started = true;
      state->clock.start();
    } else {
      ++state->frames;
    }
    view->setProperty("yaw", view->property("yaw").toDouble() + 0.5);
    const double elapsed = double(state->clock.nsecsElapsed()) / 1e9;
    if (elapsed >= seconds) {
      std::printf("orbit fps: %.1f (%d frames in %.2f s at %dx%d)\n", state->frames / elapsed, state->frames,
                  elapsed, window->width(), window->height());
      std::fflush(stdout);
      QCoreApplication::exit(0);
    }
  });
}

}  // namespace parktwin::app
