#include "launch_text.hpp"

#include <QCoreApplication>

namespace parktwin::app {
namespace {
QString translated(const char* text) { return QCoreApplication::translate("LaunchText", text); }
}  // namespace

QString unreadableAtText(const QString& why) {
  return translated(QT_TRANSLATE_NOOP("LaunchText",
                                      "parktwin: --at expects ISO-8601, epoch seconds or ms, or hours after the start like 10h: %1"))
      .arg(why);
}

QString badLoopText(const QString& loop) {
  return translated(QT_TRANSLATE_NOOP("LaunchText", "parktwin: --loop must be FROM-TO hours with FROM < TO, got \"%1\"")).arg(loop);
}

QString badSpeedText(const QString& speed) {
  return translated(QT_TRANSLATE_NOOP("LaunchText",
                                      "parktwin: --speed must be a multiple of real time from 0.1 to 10000, like 60, got \"%1\""))
      .arg(speed);
}

QString scenarioForOtherParkText(const QString& scenarioId, const QString& parkId) {
  return translated(QT_TRANSLATE_NOOP("LaunchText",
                                      "parktwin: scenario %1 is written for the park \"%2\"; open that park (--park %2) or "
                                      "leave --park out"))
      .arg(scenarioId, parkId);
}

QString tourParkNotFoundText(const QString& tour, const QString& parkId) {
  return translated(QT_TRANSLATE_NOOP("LaunchText",
                                      "parktwin: %1 is written for the park \"%2\", which is neither bundled nor a park file "
                                      "beside the tour: give its park file with --park FILE"))
      .arg(tour, parkId);
}

QString tourParkAmbiguousText(const QString& tour, const QString& parkId, const QString& candidates) {
  return translated(QT_TRANSLATE_NOOP("LaunchText",
                                      "parktwin: %1 is written for the park \"%2\", and several park files beside it are that "
                                      "park (%3): give one with --park FILE"))
      .arg(tour, parkId, candidates);
}

}  // namespace parktwin::app
