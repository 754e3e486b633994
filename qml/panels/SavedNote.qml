// A short note that the park was saved ("Saved beidu.park.json"), at the foot of the window
// for a few seconds: nothing else said a save had happened (QA). It takes no keys or clicks.
// A plain item, not a Popup nor one put into the window's content item: either, in a main
// window closed and destroyed, crashed Qt 6.4 when the next park came in (qml_tests,
// tst_edit_history_layout makes the window twice).
import QtQuick
import QtQuick.Controls

Rectangle {
    id: root
    objectName: "savedNote"
    readonly property alias contentItem: label
    visible: false
    z: 1000
    // FileActions, its parent, stands at the window's top left with no size: placed by the window.
    x: (Window.width - width) / 2
    y: Window.height - height - 80
    width: label.implicitWidth + 20
    height: label.implicitHeight + 20
    color: "#e61b2733"
    radius: 6

    Label {
        id: label
        objectName: "savedNoteText"
        anchors.centerIn: parent
        color: "white"
    }

    function show(fileName) {
        label.text = qsTr("Saved %1").arg(fileName)
        visible = true
        hideTimer.restart()
    }
    function close() { visible = false }
    Timer {
        id: hideTimer
        interval: 3000
        onTriggered: root.close()
    }
}
