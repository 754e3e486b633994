// The inspector of the selected zone or road (ShapeEditor.shape): its names in both languages
// side by side, the zone's kind from the kinds a park file accepts, the road's width in
// metres. Each change is an undoable edit command (ShapeEditor.setName / setZoneKind /
// setRoadWidth); a field shows the park's value again after an edit or undo.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import ParkTwin

GridLayout {
    id: root
    objectName: "zoneRoadForm"
    readonly property var shape: ShapeEditor.shape
    visible: shape.id !== undefined
    columns: 2
    columnSpacing: 8
    rowSpacing: 4

    // A text field that edits on Enter or when focus leaves, and follows the park otherwise.
    component ShapeField: TextField {
        required property string value
        signal edited(string text)
        Layout.fillWidth: true
        text: value
        onValueChanged: text = value
        onEditingFinished: if (text !== value) edited(text)
    }

    Label { text: qsTr("Name (zh)") }
    Label { text: qsTr("Name (en)") }
    ShapeField {
        objectName: "shapeNameZhField"
        value: root.shape.nameZh || ""
        onEdited: (text) => ShapeEditor.setName("zh", text)
    }
    ShapeField {
        objectName: "shapeNameEnField"
        value: root.shape.nameEn || ""
        onEdited: (text) => ShapeEditor.setName("en", text)
    }

    Label { visible: root.shape.type === "zone"; text: qsTr("Zone kind") }
    ComboBox {
        id: kindBox
        objectName: "shapeZoneKindBox"
        visible: root.shape.type === "zone"
        Layout.fillWidth: true
        model: ShapeEditor.zoneKinds
        currentIndex: ShapeEditor.zoneKinds.indexOf(root.shape.kind || "")
        displayText: ShapeEditor.zoneKindName(currentText)
        delegate: ItemDelegate {
            required property string modelData
            width: kindBox.width
            text: ShapeEditor.zoneKindName(modelData)
        }
        onActivated: (index) => ShapeEditor.setZoneKind(ShapeEditor.zoneKinds[index])
        // A choice may replace the binding above: the park's kind is put back after each edit.
        Connections {
            target: ShapeEditor
            function onShapeChanged() { kindBox.currentIndex = ShapeEditor.zoneKinds.indexOf(ShapeEditor.shape.kind || "") }
        }
    }

    Label { visible: root.shape.type === "road"; text: qsTr("Width (m)") }
    ShapeField {
        objectName: "shapeRoadWidthField"
        visible: root.shape.type === "road"
        value: root.shape.widthM !== undefined ? String(root.shape.widthM) : ""
        validator: DoubleValidator { bottom: 0.1; locale: "C" }
        onEdited: (text) => ShapeEditor.setRoadWidth(Number(text))
    }
}
