// The window's controllers taken down at exit: while ParkController's members die (the alarms
// before the timeline), nothing may reach an object that reads them. The alarm pins refreshed on
// the timeline's last sourceChanged and read the dead alarms: e2e.live_exit hung in a freed
// map's walk about one exit in twelve under load (8 Dec). Deterministic here: the pins must hear
// nothing from a controller being destroyed.
#include <gtest/gtest.h>

#include <QGuiApplication>
#include <QSignalSpy>

#include "alarm_pin_list.hpp"
#include "park_controller.hpp"

namespace parktwin::app {
namespace {

TEST(ControllerExit, NothingReachesThePinsWhileTheControllerDies) {
  qputenv("QT_QPA_PLATFORM", "offscreen");
  int argc = 1;
  char name[] = "controller_exit_test";
  char* argv[] = {name, nullptr};
  QGuiApplication app(argc, argv);
  auto* controller = new ParkController(nullptr);
  ASSERT_TRUE(controller->loadPark(QString(PARKTWIN_SOURCE_DIR) + "/assets/parks/beidu.json"));
  AlarmPinList pins(*controller, nullptr);
  QSignalSpy refreshed(&pins, &AlarmPinList::changed);
  delete controller;
  EXPECT_EQ(refreshed.count(), 0) << "the pins refreshed from a controller whose alarms had died";
}

}  // namespace
}  // namespace parktwin::app
