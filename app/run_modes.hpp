#pragma once
#include <functional>
// Non-interactive runs of the app: render one frame to a PNG, or measure frames per second
// while the camera orbits.
#include <QObject>
#include <QElapsedTimer>
#include <QSize>
#include <QString>

class QQuickWindow;
class QQuickItem;

namespace parktwin::app {

// Saves the first complete frame (scene built, camera placed) of the whole window to `path`,
// then quits with 0, or with 1 if the image could not be written or the window could not be
// made `imageSize` pixels (a screen that clips it: say so rather than save a smaller picture).
// With `infoPath`, also writes JSON with the window size and each building's projected
// roof centre, so tests can check the picture against the camera.
void takeScreenshotWhenReady(QQuickWindow* window, const QString& path, const QString& infoPath, QSize imageSize,
                             const QElapsedTimer& sinceStart);

// Renders the loaded tour frame by frame (tour time, not wall time) and encodes it with
// ffmpeg to `outPath`; the frames done and the time left on stderr. Quits with 0, or 1 on failure.
void exportTourVideo(QQuickWindow* window, QObject* tourPlayer, const QString& outPath, int fps);

// Orbits the camera for `seconds` and prints frames per second to stdout, then quits.
void benchmarkOrbitFps(QQuickWindow* window, double seconds);
// Orbits while flying in from the fitted distance to 1/32 of it and out again, and prints the
// frames per second of the whole path and of each halving of the distance: every level of
// detail a user meets on the way in, comparable between models and boxes on the same path.
void benchmarkFlyInFps(QQuickWindow* window, double seconds);
// The same count with another step per frame (`t`: seconds since counting began), printed as
// "<label> fps: ...": a drag in edit mode, or nothing at all (the still window's baseline).
void benchmarkFps(QQuickWindow* window, double seconds, const char* label,
                  std::function<void(QQuickItem* view, double t)> step);

}  // namespace parktwin::app
