// Data… → Server: the window as a client of parktwin-server (docs/server.md). Live values and
// alarms come from the server; acknowledgements go to it with the token's user. The address
// and token are remembered (QSettings); the token is never shown in clear. For https:// the
// server's certificate must be signed by a CA this computer trusts or by the CA file given here.
import QtQuick
import QtQuick.Controls
import QtQuick.Dialogs
import QtQuick.Layouts
import ParkTwin

ColumnLayout {
    id: root
    readonly property var timeline: ParkController.timeline
    spacing: 6

    readonly property Item heading: headingLabel  // the Data dialog scrolls to it (showPart)
    Label { id: headingLabel; objectName: "serverHeading"; text: qsTr("ParkTwin server"); font.bold: true; Layout.topMargin: 4 }
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
    }
    RowLayout {  // on a row of their own: the address keeps the whole width (QA: it was cut short)
        Layout.fillWidth: true
        Label { text: qsTr("Token") }
        // The row's width, and small dots: a token as docs/server.md makes one (48 characters)
        // is shown whole. In 150 px its dots ran off the field's left edge, one cut in half (QA).
        TextField {
            id: serverToken
            objectName: "serverTokenField"
            Layout.fillWidth: true
            echoMode: TextInput.Password
            passwordCharacter: "•"
            clip: true
            placeholderText: qsTr("from the server's administrator")
            text: root.timeline.rememberedServerToken()
        }
    }
    RowLayout {
        Layout.fillWidth: true
        Item { Layout.fillWidth: true }
        Button {
            objectName: "serverConnectButton"
            text: qsTr("Connect to server")
            enabled: serverUrl.text.trim() !== ""
            onClicked: root.timeline.connectServer(serverUrl.text, serverToken.text, ParkController.parkId, serverCa.text)
        }
        Button {  // the server's stored history on the timeline, as a replayed file (docs/server.md)
            objectName: "serverReplayButton"
            text: qsTr("Replay history")
            enabled: serverUrl.text.trim() !== ""
            onClicked: root.timeline.replayServer(serverUrl.text, serverToken.text, ParkController.parkId, serverCa.text)
        }
    }
    RowLayout {
        Layout.fillWidth: true
        Label { text: qsTr("CA file (https)") }
        TextField {
            id: serverCa
            objectName: "serverCaField"
            Layout.fillWidth: true
            placeholderText: qsTr("empty: the certificates this computer trusts")
            text: root.timeline.rememberedServerCaFile()
        }
        Button { text: qsTr("Browse…"); onClicked: caDialog.open() }
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

    FileDialog {
        id: caDialog
        nameFilters: [qsTr("Certificates (*.pem *.crt)"), qsTr("All files (*)")]
        onAccepted: serverCa.text = decodeURIComponent(selectedFile.toString().replace(/^file:\/\//, ""))
    }
}
