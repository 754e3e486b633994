// One object's card in ObjectFormsPanel: its title, a row per field (label with its unit,
// editor), Delete, and for a tag "Add alarm rule".
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import ParkTwin

Frame {
    id: root
    required property var card
    objectName: "card:" + card.id
    padding: 6
    ColumnLayout {
        anchors.fill: parent
        spacing: 4
        RowLayout {
            Layout.fillWidth: true
            Label { text: root.card.title; font.bold: true; elide: Text.ElideRight; Layout.fillWidth: true }
            Button {
                objectName: "addAlarm:" + root.card.id
                visible: root.card.kind === "tag"
                text: qsTr("Add alarm rule")
                onClicked: ObjectForms.addAlarmRule(root.card.id)
            }
            Button {
                objectName: "remove:" + root.card.id
                visible: root.card.kind !== "park"  // the park is the file itself
                text: qsTr("Delete")
                onClicked: ObjectForms.remove(root.card.kind, root.card.id)
            }
        }
        GridLayout {
            Layout.fillWidth: true
            columns: 2
            columnSpacing: 6
            rowSpacing: 3
            Repeater {
                model: root.card.fields
                delegate: Label {
                    required property var modelData
                    required property int index
                    Layout.row: index
                    Layout.column: 0
                    text: modelData.label
                }
            }
            Repeater {
                model: root.card.fields
                delegate: FormField {
                    required property var modelData
                    required property int index
                    Layout.row: index
                    Layout.column: 1
                    Layout.fillWidth: true
                    field: modelData
                }
            }
        }
    }
}
