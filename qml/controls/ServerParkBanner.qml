// The park the twin server serves differs from the one open here (ParkController's
// serverParkDifference names how); the button takes the server's park, its 3D models fetched
// first (ParkDocument.useServerPark). Placed at the top of the view, below the clear-text
// warning when that shows, left of the compass; the scene's labels keep clear of it.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import ParkTwin

Rectangle {
    // The banner shown above this one, if any (the live feed's clear-text warning).
    property Item below: null

    objectName: "serverParkBanner"
    visible: ParkController.serverParkDifference !== "" && !ParkController.presenting
    anchors { left: parent.left; right: parent.right; margins: 12; rightMargin: 100 }
    anchors.top: below && below.visible ? below.bottom : parent.top
    anchors.topMargin: 12
    height: serverParkRow.implicitHeight + 16
    radius: 6
    color: "#fff4e5"
    border.color: "#e08a00"
    RowLayout {
        id: serverParkRow
        anchors { fill: parent; margins: 8 }
        Label {
            Layout.fillWidth: true
            text: ParkController.serverParkDifference
            wrapMode: Text.Wrap
            color: "#7a4a00"
        }
        Button {  // asks first where this park has unsaved changes
            objectName: "useServerParkButton"
            text: ParkDocument.fetchingServerModels ? qsTr("Fetching the server's 3D models…") : qsTr("Use the server's park")
            enabled: !ParkDocument.fetchingServerModels
            onClicked: ParkDocument.useServerPark()
        }
    }
}
