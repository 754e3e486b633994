// What the scenario's marks mean, while a scenario result is replayed: one row per change
// (colour, what happens to which object, and when), bold while in force. For the baseline
// run it says that the scenario's changes are not in it.
import QtQuick
import QtQuick.Controls
import ParkTwin

Rectangle {
    id: root
    readonly property string showing: ParkController.scenarios.showing
    readonly property var marks: ParkController.scenarios.marks
    visible: showing !== "" && !ParkController.presenting
    width: Math.min(380, column.implicitWidth + 20)
    height: column.implicitHeight + 16
    radius: 6
    color: "#ee1f3347"

    Column {
        id: column
        x: 10
        y: 8
        spacing: 4
        Label {
            objectName: "legendTitle"
            text: root.showing === "baseline" ? qsTr("Baseline run: the scenario's changes are not in it")
                                              : qsTr("Scenario run: what it changes")
            color: "white"
            font.bold: true
            font.pixelSize: 13
            width: Math.min(implicitWidth, 360)
            wrapMode: Text.Wrap
        }
        Repeater {
            model: root.showing === "scenario" ? root.marks : []
            Row {
                objectName: "legendRow"
                spacing: 8
                Rectangle { width: 12; height: 12; radius: 2; color: modelData.color; y: 3 }
                Label {
                    text: modelData.label + (modelData.when !== "" ? "  " + modelData.when : "")
                    color: modelData.active ? "white" : "#b8c4d0"
                    font.bold: modelData.active
                    font.pixelSize: 12
                    width: Math.min(implicitWidth, 340)
                    wrapMode: Text.Wrap  // the whole change and its time: an elided one says neither
                }
            }
        }
    }
}
