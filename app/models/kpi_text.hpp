#pragma once
// KPI names, labels and units as the window shows them: from Qt's translations, like every
// other string of the window, so that one mechanism (the QTranslator that ParkController
// installs, then QQmlEngine::retranslate) switches the window's language and no model carries
// zh/en pairs for QML to pick from.
// The twin KPI table (flow/kpi_table.hpp) stays the one owner of what each KPI is and of its
// English and Chinese wording for the CLI, the reports and JSON, which have no Qt: its English
// is the translation key here, and the Quick test tst_kpi_text.qml checks that each key's zh
// translation says what the twin table says, so the two cannot drift apart.
#include <QString>

#include "parktwin/flow/kpi_table.hpp"

namespace parktwin::app {

// flow::kpiLabel, kpiName and kpiUnit in the window's language.
QString kpiLabelText(flow::KpiKey key);
QString kpiNameText(flow::KpiKey key);
QString kpiUnitText(flow::KpiKey key);
// flow::kpiDeltaUnit: the unit of a change ("pp" for a share in %).
QString kpiDeltaUnitText(flow::KpiKey key);

}  // namespace parktwin::app
