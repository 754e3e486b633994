#include "flow_problem_text.hpp"

#include <QCoreApplication>
#include <QStringList>

#include "parktwin/flow/network.hpp"

namespace parktwin::app {

namespace {

QString wordingOf(flow::NetworkGap gap) {
  switch (gap) {
    case flow::NetworkGap::no_material_links: return QCoreApplication::translate("FlowProblemText", "Material: the park has no material links.");
    case flow::NetworkGap::no_origin: return QCoreApplication::translate("FlowProblemText", "Material: nothing supplies material (no supplier or producing line linked).");
    case flow::NetworkGap::no_consumer: return QCoreApplication::translate("FlowProblemText", "Material: nothing takes the material (no market linked).");
    case flow::NetworkGap::no_energy_links: return QCoreApplication::translate("FlowProblemText", "Energy: the park has no energy links.");
    case flow::NetworkGap::no_source: return QCoreApplication::translate("FlowProblemText", "Energy: no power source (no grid tie, PV, battery or hydro linked).");
    case flow::NetworkGap::no_load: return QCoreApplication::translate("FlowProblemText", "Energy: nothing linked draws power.");
  }
  return {};
}

}  // namespace

QString flowProblemText(const QString& solverMessage) {
  QStringList lines;
  for (const QString& line : solverMessage.split('\n', Qt::SkipEmptyParts)) {
    const auto gap = flow::networkGapOf(line.toStdString());
    lines << (gap ? wordingOf(*gap) : line);
  }
  return lines.join('\n');
}

}  // namespace parktwin::app
