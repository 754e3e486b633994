#pragma once
// Why a park's flows cannot be solved, in the window's language. The twin's message
// (flow::solveParkFlows: one line per network that could not be built, "<park>: material
// network: no origin: add ...") is English only and says how to fix the file; the window names
// the reasons the network builder gives (twin/flow network_builder.cpp) in a short translated
// line each, and shows any other line in the twin's words.
#include <QString>
#include <QStringList>

namespace parktwin::app {

enum class FlowProblem { no_material_links, no_origin, no_consumer, no_energy_links, no_source, no_load, other };

// The reason one line of the solver's message gives.
FlowProblem flowProblemOf(const QString& solverLine);
// One short line per reason, in the window's language (context "FlowProblemText").
QString flowProblemText(const QString& solverMessage);

}  // namespace parktwin::app
