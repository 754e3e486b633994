// Edit mode's panel: add a building from a palette of kinds and the selected building's fields
// (names in both languages side by side, kind, size in metres). Every change is an edit command
// of ParkEditor; the history of them is EditHistory, under the asset tree.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import ParkTwin

Pane {
    id: root
    objectName: "editorPanel"
    // Where a new building goes: the ground point the view looks at, park metres.
    property point viewCentre
    readonly property var building: ParkEditor.building
    readonly property bool hasBuilding: building.id !== undefined
    padding: 10
    // Another building, or the same one changed by undo: the fields show the park again.
    onBuildingChanged: {
        nameZhField.text = building.nameZh || ""
        nameEnField.text = building.nameEn || ""
    }

    // A field that edits on Enter or leaving it; shows the park's value otherwise.
    component NumberField: TextField {
        required property real value
        // Plain digits with a dot, as the park file writes them, in both languages.
        text: String(value)
        validator: DoubleValidator { locale: "C" }
        selectByMouse: true
        Layout.fillWidth: true
        onValueChanged: text = String(value)
    }

    // As tall as its content (the Pane takes its one child's implicit size), so the column gives
    // the rest to the panels below.
    ColumnLayout {
        anchors { left: parent.left; right: parent.right; top: parent.top }
        spacing: 6
        Label { text: qsTr("Edit mode"); font.bold: true; font.pixelSize: 16 }
        RowLayout {
            Layout.fillWidth: true
            ComboBox {
                id: kindBox
                objectName: "paletteKind"
                Layout.fillWidth: true
                model: ParkEditor.buildingKinds
                currentIndex: Math.max(0, ParkEditor.buildingKinds.indexOf(ParkEditor.defaultBuildingKind))
                displayText: ParkEditor.kindName(currentText)
                delegate: ItemDelegate {
                    required property string modelData
                    width: kindBox.width
                    text: ParkEditor.kindName(modelData)
                }
            }
            Button {
                objectName: "addBuildingButton"
                text: qsTr("Add building")
                onClicked: ParkEditor.addBuilding(kindBox.currentText, root.viewCentre.x, root.viewCentre.y)
            }
        }
        GridLayout {
            objectName: "buildingFields"
            visible: root.hasBuilding
            Layout.fillWidth: true
            columns: 4
            columnSpacing: 6
            rowSpacing: 4
            Label { text: qsTr("Name (zh)") }
            TextField {
                id: nameZhField
                objectName: "nameZhField"
                Layout.columnSpan: 3
                Layout.fillWidth: true
                text: root.building.nameZh || ""
                onEditingFinished: if (text !== root.building.nameZh) ParkEditor.setName(root.building.id, "zh", text)
            }
            Label { text: qsTr("Name (en)") }
            TextField {
                id: nameEnField
                objectName: "nameEnField"
                Layout.columnSpan: 3
                Layout.fillWidth: true
                text: root.building.nameEn || ""
                onEditingFinished: if (text !== root.building.nameEn) ParkEditor.setName(root.building.id, "en", text)
            }
            Label { text: qsTr("Kind") }
            ComboBox {
                id: kindField
                objectName: "kindField"
                Layout.columnSpan: 3
                Layout.fillWidth: true
                model: ParkEditor.buildingKinds
                currentIndex: Array.from(ParkEditor.buildingKinds).indexOf(root.building.kind || "")
                displayText: ParkEditor.kindName(currentText)
                delegate: ItemDelegate {
                    required property string modelData
                    width: kindField.width
                    text: ParkEditor.kindName(modelData)
                }
                onActivated: (index) => ParkEditor.setKind(root.building.id, ParkEditor.buildingKinds[index])
            }
            Label { text: qsTr("Width (m)") }
            NumberField {
                id: widthField
                objectName: "widthField"
                value: root.building.widthM || 0
                onEditingFinished: root.resizeFromFields()
            }
            Label { text: qsTr("Depth (m)") }
            NumberField {
                id: depthField
                objectName: "depthField"
                value: root.building.depthM || 0
                onEditingFinished: root.resizeFromFields()
            }
            Label { text: qsTr("Height (m)") }
            NumberField {
                id: heightField
                objectName: "heightField"
                value: root.building.heightM || 0
                onEditingFinished: root.resizeFromFields()
            }
            Label { text: qsTr("Rotation (°)") }
            Label {
                objectName: "rotationValue"
                text: Number(root.building.rotationDeg || 0).toLocaleString(Qt.locale(), "f", 0)
            }
            Label { text: qsTr("Centre (m)") }
            Label {
                objectName: "positionValue"
                Layout.columnSpan: 3
                text: "x " + Number(root.building.xM || 0).toLocaleString(Qt.locale(), "f", 1)
                      + " · y " + Number(root.building.yM || 0).toLocaleString(Qt.locale(), "f", 1)
            }
        }
        RowLayout {
            visible: root.hasBuilding
            Button { objectName: "duplicateButton"; text: qsTr("Duplicate (Ctrl+D)"); onClicked: ParkEditor.duplicate(root.building.id) }
            Button { objectName: "deleteButton"; text: qsTr("Delete"); onClicked: ParkEditor.remove(root.building.id) }
        }
        Label {
            visible: root.hasBuilding
            Layout.fillWidth: true
            wrapMode: Text.Wrap
            color: "#5b6b78"
            text: qsTr("Drag to move (1 m grid, edges and axes of other buildings; Shift: no snapping) · R / Shift+R: rotate 15° / 1°")
        }
        // What stands on another's ground: saved as it is, but named, for it is almost always a
        // slip (a hall dragged onto another, a PV field laid over a roof). A click selects it.
        ColumnLayout {
            objectName: "overlapList"
            visible: ParkEditor.overlaps.length > 0
            Layout.fillWidth: true
            spacing: 2
            Label {
                text: qsTr("Overlapping on the ground (%1)").arg(ParkEditor.overlaps.length)
                font.bold: true
                color: "#8a5a00"
            }
            Repeater {
                model: ParkEditor.overlaps.slice(0, 4)
                delegate: Label {
                    required property var modelData
                    objectName: "overlapRow"
                    Layout.fillWidth: true
                    wrapMode: Text.Wrap
                    color: "#8a5a00"
                    font.underline: hover.hovered
                    text: modelData.text
                    HoverHandler { id: hover; cursorShape: Qt.PointingHandCursor }
                    TapHandler { onTapped: ParkController.selection.select(modelData.objectId) }
                }
            }
            Label {
                visible: ParkEditor.overlaps.length > 4
                color: "#8a5a00"
                text: qsTr("and %1 more (parktwin-cli check lists them all)").arg(ParkEditor.overlaps.length - 4)
            }
        }
        Label {
            objectName: "editError"
            visible: ParkEditor.lastError !== ""
            Layout.fillWidth: true
            wrapMode: Text.Wrap
            color: "#b03030"
            text: ParkEditor.lastError
        }
    }

    function resizeFromFields() {
        const w = Number(widthField.text), d = Number(depthField.text), h = Number(heightField.text)
        if (isNaN(w) || isNaN(d) || isNaN(h)) return
        if (w === building.widthM && d === building.depthM && h === building.heightM) return
        ParkEditor.resize(building.id, w, d, h)
    }
}
