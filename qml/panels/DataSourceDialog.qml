// Where the twin's data comes from: replay a historian file, or connect to a live MQTT feed
// (optionally recording it). The same choices as --replay and --mqtt on the command line.
import QtQuick
import QtQuick.Controls
import QtQuick.Dialogs
import QtQuick.Layouts
import ParkTwin

Dialog {
    id: root
    title: qsTr("Data source")
    modal: true
    standardButtons: Dialog.Close
    width: 640
    readonly property var timeline: ParkController.timeline

    ColumnLayout {
        anchors.fill: parent
        spacing: 10

        Label { text: qsTr("Replay history"); font.bold: true }
        RowLayout {
            Layout.fillWidth: true
            TextField {
                id: replayPath
                objectName: "replayPath"
                Layout.fillWidth: true
                placeholderText: qsTr("Historian file (.db)")
            }
            Button { text: qsTr("Browse…"); onClicked: fileDialog.open() }
            Button {
                objectName: "openReplayButton"
                text: qsTr("Open")
                enabled: replayPath.text !== ""
                onClicked: if (root.timeline.openReplay(replayPath.text)) root.close()
            }
        }

        Label { text: qsTr("Live data (MQTT)"); font.bold: true; Layout.topMargin: 8 }
        GridLayout {
            columns: 2
            Layout.fillWidth: true
            Label { text: qsTr("Broker") }
            TextField { id: broker; objectName: "brokerField"; Layout.fillWidth: true; placeholderText: "host:port" }
            Label { text: qsTr("User") }
            TextField { id: user; Layout.fillWidth: true }
            Label { text: qsTr("Password") }
            TextField { id: password; Layout.fillWidth: true; echoMode: TextInput.Password }
            Label { text: qsTr("CA file (TLS)") }
            TextField { id: caFile; Layout.fillWidth: true; placeholderText: qsTr("empty: no TLS") }
            Label { text: qsTr("Record to") }
            TextField { id: recordTo; Layout.fillWidth: true; placeholderText: qsTr("historian file, optional") }
        }
        Label {
            objectName: "inTheClearWarning"
            visible: caFile.text === "" && broker.text !== "" && !root.timeline.isLoopbackHost(broker.text)
            text: qsTr("Warning: without TLS the feed and the password cross the network unencrypted.")
            color: "#b03030"
            wrapMode: Text.Wrap
            Layout.fillWidth: true
        }
        RowLayout {
            Button {
                objectName: "connectButton"
                text: qsTr("Connect")
                enabled: broker.text !== ""
                onClicked: if (root.timeline.connectLive(broker.text, ParkController.parkId, user.text, password.text,
                                                          caFile.text, recordTo.text, ParkController.tagIds())) root.close()
            }
            Button {
                text: qsTr("Disconnect / close replay")
                enabled: root.timeline.mode !== "design"
                onClicked: root.timeline.close()
            }
        }
        ConnectionsPart { Layout.fillWidth: true; recordFile: recordTo.text; gatewayBroker: broker.text }
        ServerPart { Layout.fillWidth: true }
        Label {
            text: root.timeline.status
            color: "#5b6b78"
            wrapMode: Text.Wrap
            Layout.fillWidth: true
        }
    }

    FileDialog {
        id: fileDialog
        nameFilters: [qsTr("Historian files (*.db)"), qsTr("All files (*)")]
        onAccepted: replayPath.text = decodeURIComponent(selectedFile.toString().replace(/^file:\/\//, ""))
    }
}
