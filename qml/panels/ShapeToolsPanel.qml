// Edit mode's tools for zones, roads and links (ShapeEditor, LinkEditor): the tool in use, the
// next zone's kind and road's width, the selected zone or road with Delete, and the links of
// the selected object, each with Delete.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import ParkTwin

Pane {
    id: root
    objectName: "shapeToolsPanel"
    padding: 10
    readonly property var shape: ShapeEditor.shape
    // Read again after each edit and in the language chosen (names, products and units are words).
    readonly property var links: LinkEditor.revision >= 0 && ParkController.language !== ""
                                 ? LinkEditor.linksOf(ParkController.selection.objectId) : []

    component ToolButton: Button {
        required property string tool
        checkable: true
        checked: ShapeEditor.tool === tool
        onClicked: ShapeEditor.tool = tool
    }

    // As tall as its content (the Pane takes its one child's implicit size): the inspector
    // below keeps the rest of the column.
    ColumnLayout {
        anchors { left: parent.left; right: parent.right; top: parent.top }
        spacing: 6
        Flow {
            Layout.fillWidth: true
            spacing: 4
            ToolButton { objectName: "selectToolButton"; tool: ""; text: qsTr("Select") }
            ToolButton { objectName: "zoneToolButton"; tool: "zone"; text: qsTr("Draw zone") }
            ToolButton { objectName: "roadToolButton"; tool: "road"; text: qsTr("Draw road") }
            ToolButton { objectName: "linkToolButton"; tool: "link"; text: qsTr("Link") }
        }
        RowLayout {
            visible: ShapeEditor.tool === "zone"
            Label { text: qsTr("Zone kind") }
            ComboBox {
                id: zoneKindBox
                objectName: "zoneKindBox"
                Layout.fillWidth: true
                model: ShapeEditor.zoneKinds
                displayText: ShapeEditor.zoneKindName(currentText)
                delegate: ItemDelegate {
                    required property string modelData
                    width: zoneKindBox.width
                    text: ShapeEditor.zoneKindName(modelData)
                }
                onActivated: (index) => ShapeEditor.zoneKind = ShapeEditor.zoneKinds[index]
            }
        }
        RowLayout {
            visible: ShapeEditor.tool === "road"
            Label { text: qsTr("Road width (m)") }
            TextField {
                objectName: "roadWidthField"
                Layout.fillWidth: true
                text: String(ShapeEditor.roadWidthM)
                validator: DoubleValidator { bottom: 0.1; locale: "C" }
                onEditingFinished: ShapeEditor.roadWidthM = Number(text)
            }
        }
        Label {
            Layout.fillWidth: true
            wrapMode: Text.Wrap
            color: "#5b6b78"
            text: ShapeEditor.tool === "zone" || ShapeEditor.tool === "road"
                  ? qsTr("Click points on the ground (1 m grid; Shift: no snapping); double-click or Enter finishes, Esc cancels.")
                  : ShapeEditor.tool === "link"
                    ? qsTr("Press on a line, building, utility or external and release on another.")
                    : qsTr("Click a zone or road to select it; drag its handles to reshape it.")
        }
        RowLayout {
            visible: root.shape.id !== undefined
            Label {
                objectName: "selectedShapeLabel"
                Layout.fillWidth: true
                elide: Text.ElideRight
                text: (root.shape.type === "zone" ? qsTr("Zone") : qsTr("Road")) + " · "
                      + (ParkController.language === "zh" ? root.shape.nameZh : root.shape.nameEn)
                      + (root.shape.type === "road" ? " · " + qsTr("%1 m wide").arg(root.shape.widthM) : "")
            }
            Button { objectName: "deleteShapeButton"; text: qsTr("Delete"); onClicked: ShapeEditor.removeSelected() }
        }
        ZoneRoadForm { Layout.fillWidth: true }
        Label { visible: root.links.length > 0; text: qsTr("Links"); font.bold: true }
        Repeater {
            model: root.links
            RowLayout {
                required property var modelData
                Layout.fillWidth: true
                Label {
                    Layout.fillWidth: true
                    elide: Text.ElideRight
                    text: modelData.title + " · " + modelData.what + " · " + modelData.capacity
                }
                Button {
                    objectName: "deleteLinkButton"
                    text: qsTr("Delete")
                    onClicked: LinkEditor.removeLink(modelData.id)
                }
            }
        }
    }
}
