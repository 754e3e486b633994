// Edit mode's forms for the selected object (ObjectForms): enterprise, line with its machine
// groups, machine group, utility or external node, then the tags on it and their alarm rules;
// buttons add what fits the selection. Every change is one edit command: undoable, validated
// at once (the Problems panel), and the scene follows (a machine group's grid included).
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import ParkTwin

Pane {
    id: root
    objectName: "objectFormsPanel"
    // Where a new utility or external node goes: the ground point the view looks at, park metres.
    property point viewCentre
    padding: 8

    ScrollView {
        id: scroll
        anchors.fill: parent
        contentWidth: availableWidth
        clip: true
        ColumnLayout {
            width: scroll.availableWidth
            spacing: 8
            Label { text: qsTr("Objects"); font.bold: true; font.pixelSize: 16 }
            Flow {
                Layout.fillWidth: true
                spacing: 4
                Repeater {
                    model: ObjectForms.additions
                    Button {
                        required property var modelData
                        objectName: "add:" + modelData.kind
                        text: modelData.label
                        onClicked: ObjectForms.add(modelData.kind, root.viewCentre.x, root.viewCentre.y)
                    }
                }
            }
            Label {
                visible: ObjectForms.cards.length === 0
                Layout.fillWidth: true
                wrapMode: Text.Wrap
                color: "#5b6b78"
                text: qsTr("Select an enterprise, line, machine group, utility or external node (asset tree or view) to edit it and its tags.")
            }
            Repeater {
                model: ObjectForms.cards
                FormCard {
                    required property var modelData
                    card: modelData
                    Layout.fillWidth: true
                }
            }
        }
    }
}
