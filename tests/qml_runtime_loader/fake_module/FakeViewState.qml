// Stands in for ViewState (app/models/view_state.hpp) in scene/: the day look a CPU renderer gets.
pragma Singleton
import QtQuick
QtObject {
    property bool night: false
    property bool plainLook: false
    property bool shadows: false
    property bool gpu: false
    property bool recording: false
}
