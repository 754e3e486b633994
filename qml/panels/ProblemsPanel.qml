// Problems of a park file that would not open (or of the open park's file after a save), or the
// notes of a GeoJSON import (amber: the park is valid): one row each, with its JSON path. The park that was open stays open. A row whose path points at
// one of the open park's objects selects it when clicked.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import ParkTwin

Pane {
    id: root
    objectName: "problemsPanel"
    signal focusRequested(string objectId)
    signal closeRequested()
    readonly property alias list: list
    padding: 10
    background: Rectangle { color: "#f7f9fb"; border.color: "#d5dde5" }

    ColumnLayout {
        anchors.fill: parent
        spacing: 6
        RowLayout {
            Layout.fillWidth: true
            Label {
                objectName: "problemsTitle"
                text: ParkDocument.problemsAreNotes ? qsTr("Import notes (%1)").arg(ParkDocument.problems.length)
                                                   : qsTr("Problems (%1)").arg(ParkDocument.problems.length)
                font.bold: true
                font.pixelSize: 16
                color: ParkDocument.problemsAreNotes ? "#8a5a00" : "#b03030"
            }
            Label {
                Layout.fillWidth: true
                text: ParkDocument.problemsFile
                color: "#5b6b78"
                elide: Text.ElideMiddle
            }
            ToolButton { objectName: "closeProblemsButton"; text: "×"; onClicked: root.closeRequested() }
        }
        Label {
            Layout.fillWidth: true
            wrapMode: Text.Wrap
            color: "#33414e"
            // Edits are checked as they are made: the open park, changed and not saved yet.
            objectName: "problemsExplanation"
            text: ParkDocument.problemsAreNotes
                  ? qsTr("The import assumed these; the park is valid and saves as it is. Check them, then save.")
                  : ParkDocument.problemsFile === ParkDocument.filePath && ParkDocument.modified
                  ? qsTr("The edited park has these problems (checked after every edit); fix or undo them before you save.")
                  : ParkDocument.problemsFile === ParkDocument.filePath
                  ? qsTr("The open park's file has these problems; it will not open again until they are fixed.")
                  : qsTr("This file was not opened; the park that was open stays open. Fix these and open it again.")
        }
        ListView {
            id: list
            objectName: "problemList"
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            spacing: 4
            model: ParkDocument.problems
            // Shown whenever rows are hidden below (not only while scrolling): a park with many
            // problems must not look like one with the few that fit.
            ScrollBar.vertical: ScrollBar {
                policy: list.contentHeight > list.height + 1 ? ScrollBar.AlwaysOn : ScrollBar.AsNeeded
            }
            delegate: Rectangle {
                required property var modelData
                required property int index
                width: list.width - 12
                height: row.implicitHeight + 10
                radius: 4
                color: ParkDocument.problemsAreNotes ? "#fff6e0" : hover.hovered && modelData.objectId !== "" ? "#fbe3e0" : "#fdecea"
                border.color: ParkDocument.problemsAreNotes ? "#e8c77a" : "#e3a39c"
                RowLayout {
                    id: row
                    anchors { left: parent.left; right: parent.right; verticalCenter: parent.verticalCenter; margins: 8 }
                    spacing: 12
                    Label {
                        objectName: "problemPath"
                        text: modelData.path !== "" ? modelData.path : qsTr("(whole file)")
                        font.family: "monospace"
                        color: ParkDocument.problemsAreNotes ? "#6b4a00" : "#8a1f1f"
                        Layout.preferredWidth: Math.min(implicitWidth, list.width * 0.4)
                        elide: Text.ElideLeft
                    }
                    Label {
                        objectName: "problemMessage"
                        text: modelData.message
                        wrapMode: Text.Wrap
                        Layout.fillWidth: true
                    }
                    Label {
                        visible: modelData.objectId !== ""
                        text: qsTr("Select")
                        color: "#1f5f99"
                        font.underline: true
                    }
                }
                HoverHandler { id: hover }
                TapHandler {
                    onTapped: if (modelData.objectId !== "") root.focusRequested(modelData.objectId)
                }
            }
        }
    }
}
