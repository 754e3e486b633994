// Properties of the selected object.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import ParkTwin

Pane {
    id: root
    ColumnLayout {
        anchors.fill: parent
        spacing: 8
        Label {
            text: qsTr("Inspector")
            font.bold: true
        }
        Label {
            objectName: "inspectorTitle"
            Layout.fillWidth: true
            text: ParkController.selectedName !== "" ? ParkController.selectedName : qsTr("Click a building, line or machine group")
            wrapMode: Text.Wrap
            font.pixelSize: 16
            color: ParkController.selectedName !== "" ? "#1b2733" : "#6b7785"
        }
        GridLayout {
            Layout.fillWidth: true
            columns: 2
            columnSpacing: 10
            rowSpacing: 4
            Repeater {
                model: ParkController.inspector
                delegate: Label {
                    required property var modelData
                    required property int index
                    Layout.row: index
                    Layout.column: 0
                    text: modelData.label
                    color: "#5b6b78"
                }
            }
            Repeater {
                model: ParkController.inspector
                delegate: Label {
                    required property var modelData
                    required property int index
                    Layout.row: index
                    Layout.column: 1
                    Layout.fillWidth: true
                    text: modelData.value
                    wrapMode: Text.Wrap
                }
            }
        }
        Label {
            visible: ParkController.liveRows.length > 0
            text: ParkController.timeline.mode === "live" ? qsTr("Live values") : qsTr("Values at %1").arg(ParkController.timeline.formatTime(ParkController.timeline.timeMs))
            font.bold: true
            Layout.topMargin: 8
        }
        GridLayout {
            objectName: "liveValues"
            Layout.fillWidth: true
            columns: 2
            columnSpacing: 10
            rowSpacing: 4
            Repeater {
                model: ParkController.liveRows
                delegate: Label {
                    required property var modelData
                    required property int index
                    Layout.row: index
                    Layout.column: 0
                    Layout.fillWidth: true
                    text: modelData.label
                    color: "#5b6b78"
                    wrapMode: Text.Wrap
                }
            }
            Repeater {
                model: ParkController.liveRows
                delegate: Column {
                    required property var modelData
                    required property int index
                    Layout.row: index
                    Layout.column: 1
                    Label {
                        text: modelData.value
                        font.bold: true
                    }
                    Sparkline {
                        visible: values.length > 1
                        width: 110
                        height: 22
                        values: ParkController.timeline.sparklines[modelData.tag] || []
                    }
                }
            }
        }
        Item { Layout.fillHeight: true }
    }
}
