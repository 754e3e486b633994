// One option of a two- or three-way switch (Material | Energy): the chosen one filled in the
// header's blue with white text, the others light with dark text, so both stay readable.
import QtQuick
import QtQuick.Controls

Button {
    id: control
    checkable: true
    autoExclusive: true
    padding: 6
    leftPadding: 12
    rightPadding: 12
    contentItem: Label {
        text: control.text
        color: control.checked ? "white" : "#1b2733"
        font.pixelSize: 13
        font.bold: control.checked
        horizontalAlignment: Text.AlignHCenter
        verticalAlignment: Text.AlignVCenter
    }
    background: Rectangle {
        implicitHeight: 28
        radius: 4
        color: control.checked ? "#1f6fb2" : control.hovered ? "#dde5ec" : "#eef2f5"
        border.color: control.checked ? "#1f6fb2" : "#b8c4cf"
    }
}
