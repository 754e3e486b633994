#include "park_difference_text.hpp"

#include <QCoreApplication>
#include <QStringList>

#include "controller_text.hpp"
#include "parktwin/model/tag_label.hpp"

namespace parktwin::app {
namespace {

// Every text here is marked QT_TRANSLATE_NOOP("ParkDifference", ...), so lupdate files it under
// the context it is looked up in (a function named tr() would be filed under the namespace).
QString translated(const char* text) { return QCoreApplication::translate("ParkDifference", text); }

// "Store, Hall 2, … and 4 more": the first five by the names people know them by (QA: a
// manager knows 成品仓库, not building-2), so that a long list stays one line.
QString nameList(const std::vector<std::string>& ids, const model::Park& park, const std::string& language) {
  constexpr std::size_t kShown = 5;
  QStringList shown;
  for (std::size_t i = 0; i < ids.size() && i < kShown; ++i) shown.push_back(q(model::itemName(park, ids[i], language)));
  // Chinese lists names with 、 and parts with ；, not ASCII commas and semicolons.
  QString text = shown.join(translated(QT_TRANSLATE_NOOP("ParkDifference", ", ")));
  if (ids.size() > kShown) text = translated(QT_TRANSLATE_NOOP("ParkDifference", "%1 and %2 more")).arg(text).arg(ids.size() - kShown);
  return text;
}

}  // namespace

QString parkDifferenceText(const model::ParkDifference& d, const model::Park& here, const model::Park& there,
                           const std::string& language) {
  if (d.empty()) return {};
  QStringList parts;
  // What only the server has is named by the server's park; the rest by the window's own.
  const auto add = [&](const std::vector<std::string>& ids, const model::Park& park, const char* what) {
    if (!ids.empty()) parts.push_back(translated(what).arg(nameList(ids, park, language)));
  };
  add(d.objects_only_there, there, QT_TRANSLATE_NOOP("ParkDifference", "objects only on the server: %1"));
  add(d.tags_only_there, there, QT_TRANSLATE_NOOP("ParkDifference", "tags only on the server (their values are not shown): %1"));
  add(d.objects_only_here, here, QT_TRANSLATE_NOOP("ParkDifference", "objects only in this window: %1"));
  add(d.tags_only_here, here, QT_TRANSLATE_NOOP("ParkDifference", "tags only in this window (no values come for them): %1"));
  add(d.other_values, here, QT_TRANSLATE_NOOP("ParkDifference", "other values (sizes, names, power, rules) for: %1"));
  if (d.park_fields_differ) parts.push_back(translated(QT_TRANSLATE_NOOP("ParkDifference", "the park's own name, place or factors")));
  // The banner's button (Use the server's park) says what to do.
  const char* sentence = QT_TRANSLATE_NOOP("ParkDifference", "This window's park file is not the one the server serves: %1.");
  return translated(sentence).arg(parts.join(translated(QT_TRANSLATE_NOOP("ParkDifference", "; "))));
}

QString anotherParkText(const model::Park& here, const model::Park& served, const std::string& language) {
  const char* sentence = QT_TRANSLATE_NOOP("ParkDifference",
                                           "This server serves another park, %1 (%2); this window shows %3 (%4). "
                                           "The values and alarms shown are the server's park's.");
  return translated(sentence).arg(q(served.name.in(language)), q(served.id), q(here.name.in(language)), q(here.id));
}

}  // namespace parktwin::app
