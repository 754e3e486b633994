// A compass rose turning with the camera: N points to park north on screen. A click asks for
// north up.
import QtQuick
import QtQuick.Controls

Item {
    id: root
    property real yaw: 0
    signal northUpRequested()
    width: 64; height: 64
    Rectangle {
        anchors.fill: parent
        radius: width / 2
        color: "#d0ffffff"
        border.color: "#8095a5"
    }
    Item {
        anchors.fill: parent
        rotation: root.yaw
        Canvas {
            anchors.fill: parent
            onPaint: {
                const c = getContext("2d"), w = width, h = height
                c.reset()
                c.fillStyle = "#d64545"
                // The needle starts below the N, which stands clear of it in the ring.
                c.beginPath(); c.moveTo(w / 2, 17); c.lineTo(w / 2 - 7, h / 2); c.lineTo(w / 2 + 7, h / 2); c.closePath(); c.fill()
                c.fillStyle = "#5b6b78"
                c.beginPath(); c.moveTo(w / 2, h - 9); c.lineTo(w / 2 - 7, h / 2); c.lineTo(w / 2 + 7, h / 2); c.closePath(); c.fill()
            }
        }
        Text {
            text: qsTr("N")
            font.bold: true
            font.pixelSize: 11
            color: "#d64545"
            anchors { horizontalCenter: parent.horizontalCenter; top: parent.top; topMargin: 2 }
        }
    }
    MouseArea {
        id: area
        anchors.fill: parent
        hoverEnabled: true
        cursorShape: Qt.PointingHandCursor
        onClicked: root.northUpRequested()
    }
    ToolTip.visible: area.containsMouse
    ToolTip.delay: 500
    ToolTip.text: qsTr("Click: north up")
}
