#include "run_modes.hpp"

#include <QCoreApplication>
#include <QFile>
#include <QProcess>
#include <cmath>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QImage>
#include <QQuickItem>
#include <QQuickWindow>
#include <QTimer>
#include <algorithm>
#include <array>
#include <cstdio>
#include <ctime>
#include <memory>
#include <vector>

#include "progress_bar.hpp"

namespace parktwin::app {

namespace {
QQuickItem* parkViewOf(QQuickWindow* window) { return window->property("parkView").value<QQuickItem*>(); }
}  // namespace

namespace {
bool writeScreenshotInfo(QQuickWindow* window, const QString& infoPath) {
  QQuickItem* view = parkViewOf(window);
  QVariant projected;
  if (!view || !QMetaObject::invokeMethod(view, "projectedBuildings", Q_RETURN_ARG(QVariant, projected))) return false;
  // In the picture's pixels: at a 2x interface the window's units are two pixels each.
  const double ratio = window->devicePixelRatio();
  QJsonArray buildings;
  for (const QVariant& entry : projected.toList()) {
    QVariantMap building = entry.toMap();
    building["x"] = building["x"].toDouble() * ratio;
    building["y"] = building["y"].toDouble() * ratio;
    buildings.append(QJsonObject::fromVariantMap(building));
  }
  const QRectF area = view->mapRectToScene(QRectF(0, 0, view->width(), view->height()));
  const QJsonObject viewRect{{"x", area.x() * ratio}, {"y", area.y() * ratio}, {"width", area.width() * ratio},
                             {"height", area.height() * ratio}};  // the 3D view in the picture
  QJsonObject info{{"width", qRound(window->width() * ratio)}, {"height", qRound(window->height() * ratio)},
                   {"device_pixel_ratio", ratio}, {"view", viewRect}, {"buildings", buildings},
                   {"data_status", window->property("dataStatus").toString()},
                   {"data_values", window->property("dataValueCount").toInt()}};
  QFile file(infoPath);
  return file.open(QIODevice::WriteOnly) && file.write(QJsonDocument(info).toJson()) > 0;
}
}  // namespace

void takeScreenshotWhenReady(QQuickWindow* window, const QString& path, const QString& infoPath, QSize imageSize,
                             const QElapsedTimer& sinceStart) {
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
      if (image.size() != imageSize) {
        std::fprintf(stderr, "parktwin: the window could only be %dx%d pixels here, not the %dx%d asked for; run it on a larger screen (under Xvfb: -screen 0 %dx%dx24)\n",
                     image.width(), image.height(), imageSize.width(), imageSize.height(), imageSize.width(), imageSize.height());
        QCoreApplication::exit(1);
        return;
      }
      const bool saved = image.save(path);
      std::fprintf(stderr, "parktwin: first complete frame after %lld ms, %dx%d, saved to %s\n",
                   static_cast<long long>(sinceStart.elapsed()), image.width(), image.height(), qPrintable(path));
      if (!saved) std::fprintf(stderr, "parktwin: could not write %s\n", qPrintable(path));
      const bool infoOk = infoPath.isEmpty() || writeScreenshotInfo(window, infoPath);
      if (!infoOk) std::fprintf(stderr, "parktwin: could not write %s\n", qPrintable(infoPath));
      QCoreApplication::exit(saved && infoOk ? 0 : 1);
    });
  });
}

void exportTourVideo(QQuickWindow* window, QObject* tourPlayer, const QString& outPath, int fps) {
  auto started = std::make_shared<bool>(false);
  QObject::connect(window, &QQuickWindow::frameSwapped, window, [=] {
    if (*started || !window->property("sceneReady").toBool()) {
      if (!*started) window->update();
      return;
    }
    *started = true;
    QTimer::singleShot(0, window, [=] {
      const double duration = tourPlayer->property("durationS").toDouble();
      const int frames = std::max(1, int(std::lround(duration * fps)));
      const QSize size = window->size() * window->devicePixelRatio();
      QProcess ffmpeg;
      ffmpeg.setProcessChannelMode(QProcess::ForwardedErrorChannel);
      ffmpeg.start("ffmpeg", {"-hide_banner", "-loglevel", "error", "-y", "-f", "rawvideo", "-pix_fmt", "rgba",
                              "-s", QString("%1x%2").arg(size.width()).arg(size.height()), "-r", QString::number(fps),
                              "-i", "-", "-c:v", "libx264", "-preset", "veryfast", "-pix_fmt", "yuv420p",
                              "-movflags", "+faststart", outPath});
      if (!ffmpeg.waitForStarted()) {
        std::fprintf(stderr, "parktwin: cannot start ffmpeg (install it: apt-get install ffmpeg)\n");
        QCoreApplication::exit(1);
        return;
      }
      // Minutes of rendering: the frames done and the time left, in a log as on a terminal.
      auto progress = std::make_unique<parktwin::cli::ProgressBar>(
          "exporting tour", static_cast<std::uint64_t>(frames), "frames",
          parktwin::cli::ProgressBar::WhenNotATerminal::lines);
      for (int i = 0; i < frames; ++i) {
        QMetaObject::invokeMethod(tourPlayer, "setTime", Q_ARG(double, double(i) / fps));
        QCoreApplication::processEvents();  // bindings and label layout follow the camera
        QCoreApplication::processEvents();
        QImage frame = window->grabWindow().convertToFormat(QImage::Format_RGBA8888);
        if (frame.size() != size) frame = frame.scaled(size);
        ffmpeg.write(reinterpret_cast<const char*>(frame.constBits()), frame.sizeInBytes());
        if (!ffmpeg.waitForBytesWritten(30'000)) break;
        progress->update(static_cast<std::uint64_t>(i + 1));
      }
      progress.reset();  // ends the progress line before the summary
      ffmpeg.closeWriteChannel();
      const bool ok = ffmpeg.waitForFinished(300'000) && ffmpeg.exitStatus() == QProcess::NormalExit && ffmpeg.exitCode() == 0;
      std::fprintf(stderr, "parktwin: %s %s (%d frames, %.1f s at %d fps, %dx%d)\n", ok ? "wrote" : "FAILED to write",
                   qPrintable(outPath), frames, double(frames) / fps, fps, size.width(), size.height());
      QCoreApplication::exit(ok ? 0 : 1);
    });
  });
}

void benchmarkOrbitFps(QQuickWindow* window, double seconds) {
  benchmarkFps(window, seconds, "orbit", [](QQuickItem* view, double) {
    view->setProperty("yaw", view->property("yaw").toDouble() + 0.5);
  });
}

namespace {

constexpr int kFlyInBands = 5;  // halvings of the distance on the way in: down to 1/32

// The camera's distance `t` seconds into a fly-in of `seconds` from `fitted`: halving at an even
// pace down to the closest band for the first half, back out for the second, so that each band
// gets the same time on the way in and on the way out.
double flyInDistance(double fitted, double t, double seconds) {
  const double depth = 1.0 - std::abs(2.0 * std::clamp(t / seconds, 0.0, 1.0) - 1.0);
  return fitted * std::exp2(-kFlyInBands * depth);
}

// Frames and their time by band of distance, band 0 being the fitted distance to its half.
struct FlyInBands {
  double fitted = 0;        // the distance the window had fitted when counting began
  double drawnAt = 0;       // the distance of the frame being drawn
  double drawnSince = 0;    // when it was asked for (seconds since counting began)
  std::array<int, kFlyInBands> frames{};
  std::array<double, kFlyInBands> seconds{};

  void add(double distance, double frameSeconds) {
    const int band = std::clamp(int(std::floor(std::log2(fitted / distance))), 0, kFlyInBands - 1);
    ++frames[std::size_t(band)];
    seconds[std::size_t(band)] += frameSeconds;
  }
  void print() const {
    double slowest = -1;
    for (std::size_t band = 0; band < frames.size(); ++band) {
      if (seconds[band] <= 0) continue;
      const double fps = frames[band] / seconds[band];
      const double far = fitted / std::exp2(double(band)), near = far / 2;
      std::printf("fly-in %.0f-%.0f m: %.1f fps (%d frames)\n", far, near, fps, frames[band]);
      slowest = slowest < 0 ? fps : std::min(slowest, fps);
    }
    if (slowest >= 0) std::printf("fly-in slowest band: %.1f fps\n", slowest);
    std::fflush(stdout);
  }
};

// p50, p95, p99 and the slowest of the frame times, and how many took over 33 ms (two 60 Hz
// vsyncs, under 30 fps: a frame a person sees dropped).
void printFrameTimes(std::vector<double> frameMs) {
  if (frameMs.empty()) return;
  std::ranges::sort(frameMs);
  const auto at = [&](double q) { return frameMs[std::min(frameMs.size() - 1, std::size_t(q * double(frameMs.size())))]; };
  const auto over = std::ranges::count_if(frameMs, [](double ms) { return ms > 33.0; });
  std::printf("frame ms: p50 %.1f p95 %.1f p99 %.1f max %.1f, %td of %zu over 33 ms\n", at(0.50), at(0.95), at(0.99),
              frameMs.back(), over, frameMs.size());
}

}  // namespace

void benchmarkFlyInFps(QQuickWindow* window, double seconds) {
  auto bands = std::make_shared<FlyInBands>();
  QObject::connect(qApp, &QCoreApplication::aboutToQuit, window, [bands] { bands->print(); });
  benchmarkFps(window, seconds, "fly-in", [=](QQuickItem* view, double t) {
    if (bands->fitted <= 0) {
      QMetaObject::invokeMethod(view, "stopMotion");  // the path is the benchmark's, not a flight's
      bands->fitted = view->property("distance").toDouble();
    } else {
      bands->add(bands->drawnAt, t - bands->drawnSince);
    }
    bands->drawnSince = t;
    bands->drawnAt = flyInDistance(bands->fitted, t, seconds);
    view->setProperty("distance", bands->drawnAt);
    view->setProperty("yaw", view->property("yaw").toDouble() + 0.5);
  });
}

void benchmarkFps(QQuickWindow* window, double seconds, const char* label,
                  std::function<void(QQuickItem* view, double t)> step) {
  struct State {
    QElapsedTimer clock;
    std::clock_t cpuAtStart = 0;  // the process's CPU time, every thread (llvmpipe's draw in it)
    int frames = 0;
    bool started = false;
    qint64 lastNs = 0;
    std::vector<double> frameMs;  // from one frame's swap to the next
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
      state->cpuAtStart = std::clock();
    } else {
      ++state->frames;
      state->frameMs.push_back(double(state->clock.nsecsElapsed() - state->lastNs) / 1e6);
    }
    state->lastNs = state->clock.nsecsElapsed();
    const double elapsed = double(state->lastNs) / 1e9;
    step(view, elapsed);
    window->update();  // a still window draws again too: the baseline counts frames, not changes
    if (elapsed >= seconds) {
      std::printf("%s fps: %.1f (%d frames in %.2f s at %dx%d)\n", label, state->frames / elapsed, state->frames,
                  elapsed, window->width(), window->height());
      printFrameTimes(state->frameMs);
      // What a frame costs the CPU, which moves less with the host's load than the frame times:
      // every thread of the process, the renderer's and llvmpipe's rasterisers' included (not
      // the X server's copy of each frame).
      const double cpuMs = 1000.0 * double(std::clock() - state->cpuAtStart) / CLOCKS_PER_SEC;
      std::printf("cpu ms per frame: %.1f (%.0f ms of CPU, all threads)\n", cpuMs / std::max(1, state->frames), cpuMs);
      std::fflush(stdout);
      QCoreApplication::exit(0);
    }
  });
}

}  // namespace parktwin::app
