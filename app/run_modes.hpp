#pragma once
// Non-interactive runs of the app: render one frame to a PNG, or measure frames per second
// while the camera orbits.
#include <QObject>
#include <QElapsedTimer>
#include <QString>

class QQuickWindow;

namespace parktwin::app {

// Saves the first complete frame (scene built, camera placed) to `path`, then quits with 0,
// or with 1 if the image could not be written.
void takeScreenshotWhenReady(QQuickWindow* window, const QString& path, const QElapsedTimer& sinceStart);

// Orbits the camera for `seconds` and prints frames per second to stdout, then quits.
void benchmarkOrbitFps(QQuickWindow* window, double seconds);

}  // namespace parktwin::app
