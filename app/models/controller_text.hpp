#pragma once
// Small text helpers the window's models share: std::string to QString, an inspector row, and
// numbers in the display locale.
#include <QLocale>
#include <QString>
#include <QVariantMap>
#include <string>

#include "parktwin/model/park.hpp"

namespace parktwin::app {

inline QString q(const std::string& s) { return QString::fromStdString(s); }
inline QVariantMap row(const QString& label, const QString& value) { return {{"label", label}, {"value", value}}; }
inline QString number(double value, int decimals = 0) { return QLocale().toString(value, 'f', decimals); }
inline QString number(std::size_t count) { return QLocale().toString(qulonglong(count)); }
inline QString number(int count) { return QLocale().toString(count); }

// A tag's value as people read it: its display decimals (model::displayDecimals) and unit, a
// flag as on / off. States are named by the caller that knows the park's state words.
QString tagValueText(const model::Tag& tag, double value);

}  // namespace parktwin::app
