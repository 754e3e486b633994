// The 3D models that could not be loaded, one line each; each object is drawn as its box
// instead, so the park stays readable (docs/park-format.md, "model").
import QtQuick
import QtQuick.Controls
import ParkTwin

Rectangle {
    objectName: "modelProblems"
    visible: ParkController.scene.modelProblems.length > 0
    width: Math.min(parent ? parent.width * 0.5 : 480, column.implicitWidth + 20)
    height: column.implicitHeight + 16
    radius: 6
    color: "#f2fff4e0"
    border.color: "#e8a200"
    Column {
        id: column
        x: 10
        y: 8
        spacing: 2
        Label { text: qsTr("3D models not loaded (drawn as boxes):"); font.bold: true; color: "#5a3d00" }
        Repeater {
            model: ParkController.scene.modelProblems
            Label { text: modelData; color: "#5a3d00"; wrapMode: Text.Wrap; width: Math.min(implicitWidth, 460) }
        }
    }
}
