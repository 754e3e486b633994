// Data… → Server: the window as a client of parktwin-server (docs/server.md). Live values and
// alarms come from the server; acknowledgements go to it with the token's user. The address
// and token are remembered (QSettings); the token is never shown in clear.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import ParkTwin

ColumnLayout {
    id: root
    readonly property var timeline: ParkController.timeline
    spacing: 6

    Label { text: qsTr("ParkTwin server"); font.bold: true; Layout.topMargin: 4 }
    // One row: the Data dialog is already tall (it must fit a 1280x720 window).
    RowLayout {
        Layout.fillWidth: true
        Label { text: qsTr("Address") }
        TextField {
            id: serverUrl
            objectName: "serverUrlField"
            Layout.fillWidth: true
            placeholderText: "http://127.0.0.1:8600"
            text: root.timeline.rememberedServerUrl()
        }
        Label { text: qsTr("Token") }
        TextField {
            id: serverToken
            objectName: "serverTokenField"
            Layout.preferredWidth: 150
            echoMode: TextInput.Password
            placeholderText: qsTr("from the server's administrator")
            text: root.timeline.rememberedServerToken()
        }
        Button {
            objectName: "serverConnectButton"
            text: qsTr("Connect to server")
            enabled: serverUrl.text.trim() !== ""
            onClicked: root.timeline.connectServer(serverUrl.text, serverToken.text, ParkController.parkId)
        }
        Button {  // the server's stored history on the timeline, as a replayed file (docs/server.md)
            objectName: "serverReplayButton"
            text: qsTr("Replay history")
            enabled: serverUrl.text.trim() !== ""
            onClicked: root.timeline.replayServer(serverUrl.text, serverToken.text, ParkController.parkId)
        }
    }
    Label {
        objectName: "serverState"
        Layout.fillWidth: true
        wrapMode: Text.Wrap
        visible: root.timeline.fromServer
        color: root.timeline.serverProblem !== "" ? "#b03030" : "#2e7d4f"
        text: root.timeline.serverProblem !== "" ? qsTr("Not connected: %1").arg(root.timeline.serverProblem)
                                                 : root.timeline.connected ? qsTr("Connected") : qsTr("Connecting…")
    }
}
