#pragma once
// Why a park's flows cannot be solved, in the window's language. The twin's message
// (flow::solveParkFlows: one line per network that could not be built, "<park>: material
// network: no origin: add ...") is English only and says how to fix the file; the window reads
// each line's reason back with flow::networkGapOf, words it in a short translated line, and shows
// any other line in the twin's words.
#include <QString>

namespace parktwin::app {

// One short line per reason, in the window's language (context "FlowProblemText").
QString flowProblemText(const QString& solverMessage);

}  // namespace parktwin::app
