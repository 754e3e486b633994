// Where the twin's data comes from: replay a historian file, or connect to a live MQTT feed
// (optionally recording it). The same choices as --replay and --mqtt on the command line.
// With a connections file open its parts do not all fit a 1280x720 window: the dialog is never
// taller than the window and its content scrolls, so every part stays reachable.
import QtQuick
import QtQuick.Controls
import QtQuick.Dialogs
import QtQuick.Layouts
import ParkTwin

Dialog {
    id: root
    title: qsTr("Data source")
    modal: true
    // Our own Close button, not standardButtons: Qt's standard button texts come from Qt's own
    // translations, which this package does not ship, so a Chinese window showed "Close".
    footer: DialogButtonBox {
        Button {
            objectName: "closeDialogButton"
            text: qsTr("Close")
            DialogButtonBox.buttonRole: DialogButtonBox.RejectRole
        }
    }
    width: 640
    height: Math.min(implicitHeight, parent ? parent.height - 2 * roomMargin : implicitHeight)
    readonly property int roomMargin: 12
    readonly property var timeline: ParkController.timeline
    // The part scrolled to by showPart(), kept at the top while the content above it or its
    // own rows change, until the user scrolls.
    property string shownPart: ""

    // Opens the dialog scrolled to one part: "replay", "mqtt", "connections" or "server".
    function showPart(name) {
        shownPart = name
        if (!opened) open()
        else placeShownPart()
    }
    function headingOf(name) {
        return {replay: replayHeading, mqtt: mqttHeading, connections: connectionsPart.heading,
                server: serverPart.heading}[name]
    }
    function placeShownPart() {
        const heading = headingOf(shownPart)
        if (!heading) return
        const flick = scroller.contentItem
        const top = heading.mapToItem(parts, 0, 0).y
        flick.contentY = Math.max(0, Math.min(top, parts.implicitHeight - flick.height))
    }
    onOpened: if (shownPart !== "") placeShownPart()
    onClosed: shownPart = ""

    ScrollView {
        id: scroller
        objectName: "dataScroller"
        anchors.fill: parent
        contentWidth: availableWidth
        contentHeight: parts.implicitHeight
        clip: true
        Connections {
            target: scroller.contentItem
            function onMovementStarted() { root.shownPart = "" }
        }

        ColumnLayout {
            id: parts
            width: scroller.availableWidth
            spacing: 10
            onImplicitHeightChanged: if (root.opened && root.shownPart !== "") Qt.callLater(root.placeShownPart)

            Label { id: replayHeading; objectName: "replayHeading"; text: qsTr("Replay history"); font.bold: true }
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

            Label { id: mqttHeading; objectName: "mqttHeading"; text: qsTr("Live data (MQTT)"); font.bold: true; Layout.topMargin: 8 }
            GridLayout {
                columns: 2
                Layout.fillWidth: true
                // "MQTT broker", not a bare "Server" (服务器) right above the ParkTwin server's
                // own part and its address: two different servers in one dialog (QA).
                Label { objectName: "brokerLabel"; text: qsTr("MQTT broker") }
                TextField {
                    id: broker
                    objectName: "brokerField"
                    Layout.fillWidth: true
                    placeholderText: qsTr("host:port")
                    // The broker the window reads through (--mqtt, an OPC UA gateway's with
                    // --connections), once it has one (QA: empty); kept after a disconnect, so
                    // that Connect goes back to it.
                    function showConnected() { if (root.timeline.broker !== "") text = root.timeline.broker }
                    Component.onCompleted: showConnected()
                    Connections {
                        target: root.timeline
                        function onSourceChanged() { broker.showConnected() }
                    }
                }
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
            ConnectionsPart { id: connectionsPart; Layout.fillWidth: true; recordFile: recordTo.text; gatewayBroker: broker.text }
            ServerPart { id: serverPart; Layout.fillWidth: true }
            Label {
                text: root.timeline.status
                color: "#5b6b78"
                wrapMode: Text.Wrap
                Layout.fillWidth: true
            }
        }
    }

    FileDialog {
        id: fileDialog
        nameFilters: [qsTr("Historian files (*.db)"), qsTr("All files (*)")]
        onAccepted: replayPath.text = decodeURIComponent(selectedFile.toString().replace(/^file:\/\//, ""))
    }
}
