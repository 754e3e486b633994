// A flat button for the dark header bar.
import QtQuick
import QtQuick.Controls

Button {
    id: control
    flat: true
    padding: 8
    leftPadding: 6   // the header's room goes to the park's title (Main.qml)
    rightPadding: 6
    contentItem: Label {
        text: control.text
        color: control.enabled ? "white" : "#8a9bab"  // a button that does nothing now looks it
        font.pixelSize: 14
        horizontalAlignment: Text.AlignHCenter
        verticalAlignment: Text.AlignVCenter
    }
    background: Rectangle {
        implicitHeight: 30
        radius: 4
        color: control.down || control.checked ? "#35516d" : control.hovered ? "#2c4660" : "transparent"
        border.color: "#5a7894"
    }
}
