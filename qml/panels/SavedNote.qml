// A short note that the park was saved ("Saved beidu.park.json"), at the foot of the window
// for a few seconds: nothing else said a save had happened (QA). It takes no keys or clicks.
import QtQuick
import QtQuick.Controls

Popup {
    id: root
    objectName: "savedNote"
    property string text: ""
    modal: false
    focus: false
    closePolicy: Popup.NoAutoClose
    x: parent ? (parent.width - width) / 2 : 0
    y: parent ? parent.height - height - 48 : 0
    padding: 10
    background: Rectangle { color: "#1b2733"; opacity: 0.9; radius: 6 }
    contentItem: Label {
        objectName: "savedNoteText"
        text: root.text
        color: "white"
    }

    function show(fileName) {
        text = qsTr("Saved %1").arg(fileName)
        open()
        hideTimer.restart()
    }
    Timer {
        id: hideTimer
        interval: 3000
        onTriggered: root.close()
    }
}
