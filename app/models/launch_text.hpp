#pragma once
// The window's command-line refusals that startup.cpp returns (main() prints them to stderr and
// exits 2), in the language that --lang installed. Here, in the QML module, where lupdate reads.
#include <QString>

namespace parktwin::app {

// --at that is no time; `why` is the time reader's words, already in that language.
QString unreadableAtText(const QString& why);
// --loop that is no FROM-TO range of hours.
QString badLoopText(const QString& loop);
// --speed that is no multiple of real time the replay clock runs at.
QString badSpeedText(const QString& speed);
// --scenario written for another park than --park opens.
QString scenarioForOtherParkText(const QString& scenarioId, const QString& parkId);
// --tour written for a park that is neither bundled nor beside it, or for one of several beside it.
QString tourParkNotFoundText(const QString& tour, const QString& parkId);
QString tourParkAmbiguousText(const QString& tour, const QString& parkId, const QString& candidates);

}  // namespace parktwin::app
