#include "flow_problem_text.hpp"

#include <QCoreApplication>

namespace parktwin::app {

namespace {

QString wordingOf(FlowProblem problem, const QString& solverLine) {
  switch (problem) {
    case FlowProblem::no_material_links: return QCoreApplication::translate("FlowProblemText", "Material: the park has no material links.");
    case FlowProblem::no_origin: return QCoreApplication::translate("FlowProblemText", "Material: nothing supplies metal (no supplier or producing line linked).");
    case FlowProblem::no_consumer: return QCoreApplication::translate("FlowProblemText", "Material: nothing takes the metal (no market linked).");
    case FlowProblem::no_energy_links: return QCoreApplication::translate("FlowProblemText", "Energy: the park has no energy links.");
    case FlowProblem::no_source: return QCoreApplication::translate("FlowProblemText", "Energy: no power source (no grid tie, PV, battery or hydro linked).");
    case FlowProblem::no_load: return QCoreApplication::translate("FlowProblemText", "Energy: nothing linked draws power.");
    case FlowProblem::other: break;
  }
  return solverLine;
}

}  // namespace

FlowProblem flowProblemOf(const QString& solverLine) {
  // "<park>: material network: <reason>: <how to fix it>" (network_builder.cpp).
  struct Known {
    const char* network;
    const char* reason;
    FlowProblem problem;
  };
  static constexpr Known kKnown[] = {
      {"material network: ", "the park has no material links", FlowProblem::no_material_links},
      {"material network: ", "no origin", FlowProblem::no_origin},
      {"material network: ", "no consumer", FlowProblem::no_consumer},
      {"energy network: ", "the park has no energy links", FlowProblem::no_energy_links},
      {"energy network: ", "no source", FlowProblem::no_source},
      {"energy network: ", "no load", FlowProblem::no_load}};
  for (const Known& known : kKnown) {
    const qsizetype at = solverLine.indexOf(QLatin1String(known.network));
    if (at >= 0 && solverLine.mid(at + qsizetype(qstrlen(known.network))).startsWith(QLatin1String(known.reason))) {
      return known.problem;
    }
  }
  return FlowProblem::other;
}

QString flowProblemText(const QString& solverMessage) {
  QStringList lines;
  for (const QString& line : solverMessage.split('\n', Qt::SkipEmptyParts)) lines << wordingOf(flowProblemOf(line), line);
  return lines.join('\n');
}

}  // namespace parktwin::app
