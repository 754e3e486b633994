#include "view_state.hpp"

#include <QJSEngine>

namespace parktwin::app {
namespace {
ViewState* g_instance = nullptr;
}

ViewState::~ViewState() {
  if (g_instance == this) g_instance = nullptr;
}

ViewState* ViewState::create(QQmlEngine*, QJSEngine*) {
  if (!g_instance) g_instance = new ViewState(nullptr);
  QJSEngine::setObjectOwnership(g_instance, QJSEngine::CppOwnership);
  return g_instance;
}

void ViewState::setInstance(ViewState* state) { g_instance = state; }

void ViewState::showBalance(const QString& side) {
  set(showSankey_, true);
  set(balanceSide_, side == "energy" ? QString("energy") : QString("material"));
}

}  // namespace parktwin::app
