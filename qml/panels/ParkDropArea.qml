// Drop a *.park.json (or any .json) onto the window to open it, as File → Open… would:
// unsaved changes are asked about first, and a bad file shows in Problems.
import QtQuick
import QtQuick.Controls
import ParkTwin

DropArea {
    id: root
    objectName: "parkDropArea"
    property bool active: true

    onEntered: (drag) => {
        drag.accepted = root.active && drag.hasUrls && ParkDocument.isParkFile(drag.urls[0].toString())
    }
    onDropped: (drop) => {
        if (!root.active || !drop.hasUrls || !ParkDocument.isParkFile(drop.urls[0].toString())) return
        drop.acceptProposedAction()
        ParkDocument.open(drop.urls[0].toString())
    }

    Rectangle {
        anchors.fill: parent
        anchors.margins: 8
        visible: root.containsDrag
        color: "#301f5f99"
        border.color: "#1f5f99"
        border.width: 3
        radius: 8
        Label {
            anchors.centerIn: parent
            text: qsTr("Drop to open this park")
            font.pixelSize: 22
            color: "#12385c"
        }
    }
}
