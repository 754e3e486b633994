// Active alarms at the timeline's time, worst first. Selecting one flies to its object;
// acknowledging asks for a comment, which is stored in the historian.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import ParkTwin

Pane {
    id: root
    signal focusRequested(string objectId)
    padding: 10

    ColumnLayout {
        anchors.fill: parent
        spacing: 6
        Label {
            text: ParkController.alarms.active.length > 0 ? qsTr("Alarms (%1)").arg(ParkController.alarms.active.length) : qsTr("Alarms")
            font.bold: true
            color: ParkController.alarms.active.length > 0 ? "#b03030" : "#1b2733"
        }
        Label {
            visible: ParkController.alarms.active.length === 0
            text: ParkController.timeline.mode === "design" ? qsTr("Open a replay or live feed to watch alarms") : qsTr("No active alarms")
            color: "#6b7785"
            wrapMode: Text.Wrap
            Layout.fillWidth: true
        }
        Label {
            // A viewer's desk: the server would refuse (403), so say so before anyone tries.
            objectName: "ackRefusal"
            visible: ParkController.alarms.acknowledgeRefusal !== "" && ParkController.alarms.active.length > 0
            text: ParkController.alarms.acknowledgeRefusal
            color: "#6b7785"
            font.pixelSize: 11
            wrapMode: Text.Wrap
            Layout.fillWidth: true
        }
        ListView {
            id: list
            objectName: "alarmList"
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            spacing: 6
            model: ParkController.alarms.active
            delegate: Rectangle {
                required property var modelData
                width: list.width
                height: column.implicitHeight + 12
                radius: 5
                color: modelData.acknowledged ? "#f2f4f6" : (modelData.severity === Kinds.Critical ? "#fdecea" : "#fff6e0")
                border.color: modelData.severity === Kinds.Critical ? "#d64545" : modelData.severity === Kinds.Warning ? "#e8a200" : "#8095a5"
                ColumnLayout {
                    id: column
                    anchors { left: parent.left; right: parent.right; top: parent.top; margins: 6 }
                    spacing: 2
                    Label {
                        objectName: "alarmMessage"
                        text: modelData.message
                        font.bold: !modelData.acknowledged
                        wrapMode: Text.Wrap
                        Layout.fillWidth: true
                    }
                    Label {
                        text: qsTr("%1 · %2 · since %3").arg(modelData.objectName).arg(modelData.value).arg(modelData.since)
                        color: "#5b6b78"
                        font.pixelSize: 11
                        wrapMode: Text.Wrap
                        Layout.fillWidth: true
                    }
                    Label {
                        visible: modelData.acknowledged
                        objectName: "ackText"
                        text: modelData.acknowledgedBy ? qsTr("Acknowledged by %1: %2").arg(modelData.acknowledgedBy).arg(modelData.comment)
                                                       : qsTr("Acknowledged: %1").arg(modelData.comment)
                        color: "#2e7d4f"
                        font.pixelSize: 11
                        wrapMode: Text.Wrap
                        Layout.fillWidth: true
                    }
                    RowLayout {
                        visible: !modelData.acknowledged
                        Layout.fillWidth: true
                        TextField {
                            id: comment
                            objectName: "ackComment"
                            Layout.fillWidth: true
                            placeholderText: qsTr("Comment")
                            enabled: ParkController.alarms.acknowledgeRefusal === ""
                        }
                        Button {
                            objectName: "ackButton"
                            text: qsTr("Acknowledge")
                            enabled: comment.text.trim() !== "" && !ParkController.presenting
                                     && ParkController.alarms.acknowledgeRefusal === ""
                            onClicked: ParkController.alarms.acknowledge(modelData.id, comment.text.trim())
                        }
                    }
                }
                TapHandler { onTapped: root.focusRequested(modelData.object) }
            }
        }
    }
}
