// What to do in a park with no buildings yet (File → New park showed an empty green field and
// nothing else, QA): the three ways to a first building, in the middle of the 3D view. The first
// building takes it away.
import QtQuick
import QtQuick.Controls
import ParkTwin

Rectangle {
    id: root
    // All of its words, for the tests and for a screen reader.
    readonly property string text: title.text + "\n" + steps.text
    objectName: "emptyParkHint"
    visible: ParkController.loaded && !ParkController.presenting && ParkController.scene.buildings.length === 0
    width: Math.max(title.implicitWidth, steps.implicitWidth) + 40
    height: title.implicitHeight + steps.implicitHeight + 40 + column.spacing
    radius: 8
    color: "#e6ffffff"
    border.color: "#b8c4cc"
    Accessible.role: Accessible.StaticText
    Accessible.name: text

    Column {
        id: column
        anchors.centerIn: parent
        spacing: 8
        Label {
            id: title
            anchors.horizontalCenter: parent.horizontalCenter
            text: qsTr("This park has no buildings yet")
            font.bold: true
            font.pixelSize: 16
            color: "#1b2733"
        }
        Label {
            id: steps
            // The menus' own words: Edit → Add building, File → Import GeoJSON…, File → Open….
            text: [qsTr("Edit → Add building: place one in the view"),
                   qsTr("File → Import GeoJSON…: footprints from a map"),
                   qsTr("File → Open…: a park file")].join("\n")
            lineHeight: 1.3
            color: "#3b4b58"
        }
    }
}
