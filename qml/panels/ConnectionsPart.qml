// The Data dialog's Connections part: a connections file (docs/connections.md) checked against
// the open park, its sources started and stopped as the live feed, each source's counters and
// each tag's last value with the source it came from.
import QtQuick
import QtQuick.Controls
import QtQuick.Dialogs
import QtQuick.Layouts
import ParkTwin

ColumnLayout {
    id: root
    objectName: "connectionsPart"
    spacing: 6
    readonly property var connections: ParkController.connections
    // The dialog's "Record to" and broker: the historian file to record into, and the broker an
    // OPC UA source's gateway hands its values over (both optional).
    property string recordFile
    property string gatewayBroker

    // The part's heading: the Data dialog scrolls to it (DataSourceDialog.showPart).
    readonly property Item heading: headingLabel
    Label { id: headingLabel; objectName: "connectionsHeading"; text: qsTr("Connections file"); font.bold: true; Layout.topMargin: 8 }
    RowLayout {
        Layout.fillWidth: true
        TextField {
            id: connectionsPath
            objectName: "connectionsPath"
            Layout.fillWidth: true
            placeholderText: qsTr("Connections file (.json)")
            text: root.connections.path
        }
        Button { text: qsTr("Browse…"); onClicked: connectionsDialog.open() }
        Button {
            objectName: "connectionsOpenButton"
            text: qsTr("Open")
            enabled: connectionsPath.text !== ""
            onClicked: root.connections.open(connectionsPath.text)
        }
        Button {
            objectName: "connectionsStartButton"
            text: root.connections.running ? qsTr("Stop") : qsTr("Start")
            enabled: root.connections.loaded
            onClicked: root.connections.running ? root.connections.stop() : root.connections.start(root.recordFile, root.gatewayBroker)
        }
    }
    Repeater {
        objectName: "connectionsProblems"
        model: root.connections.problems.concat(root.connections.failures)
        delegate: Label {
            required property string modelData
            text: modelData
            color: "#b03030"
            wrapMode: Text.Wrap
            Layout.fillWidth: true
        }
    }
    Column {
        objectName: "connectionsSources"
        visible: root.connections.running
        spacing: 4
        Layout.fillWidth: true
        SourceRow {
            header: true
            source: ({id: qsTr("Source"), kind: qsTr("Kind"), rate: qsTr("Values/s"), errors: qsTr("Errors"), lastError: ""})
        }
        Repeater {
            model: root.connections.sources
            delegate: SourceRow {
                required property var modelData
                source: ({id: modelData.id, kind: modelData.kindName, connected: modelData.connected,
                          rate: Number(modelData.valuesPerSecond).toLocaleString(Qt.locale(), "f", 1),
                          errors: String(modelData.errors), lastError: modelData.lastError,
                          firstError: modelData.firstError})
            }
        }
    }
    Label {
        visible: root.connections.tags.length > 0
        text: qsTr("Last values")
        color: "#5b6b78"
    }
    Repeater {
        objectName: "connectionsTags"
        // A short list: the dialog is no table of every tag.
        model: root.connections.tags.slice(0, 8)
        // The park's names for the tag, its id small beside them (QA: ids alone), then the value.
        delegate: RowLayout {
            required property var modelData
            readonly property color textColor: modelData.stale ? "#9aa5ae" : palette.text
            Layout.fillWidth: true
            spacing: 6
            Label {
                objectName: "tagName"
                text: modelData.label
                color: parent.textColor
                elide: Text.ElideRight
                Layout.maximumWidth: root.width / 2
            }
            Label { objectName: "tagId"; text: modelData.tag; color: "#5b6b78"; font.pixelSize: 11 }
            Label {
                objectName: "tagValue"
                text: (modelData.stale ? qsTr("= %1 (from %2, stale)") : qsTr("= %1 (from %2)"))
                      .arg(modelData.text).arg(modelData.source)
                color: parent.textColor
                elide: Text.ElideRight
                Layout.fillWidth: true
            }
        }
    }

    // One source's line of the table (or, with `header`, the column names), and under it its
    // last error in full, wrapped: the cause ("Illegal data address", "Connection refused") is
    // at the end of the text, where a column would cut it off.
    component SourceRow: Column {
        property var source
        property bool header: false
        width: parent ? parent.width : 0  // null while a removed row is torn down
        spacing: 2
        Row {
            spacing: 10
            Row {
                width: 150
                spacing: 6
                Rectangle {
                    visible: !header
                    width: 10; height: 10; radius: 5
                    anchors.verticalCenter: parent.verticalCenter
                    color: source.connected ? "#2e9d57" : "#c0392b"
                }
                Label { text: source.id; color: header ? "#5b6b78" : palette.text; width: 130; elide: Text.ElideRight }
            }
            Label { width: 80; text: source.kind; color: header ? "#5b6b78" : palette.text }
            Label { width: 70; text: source.rate; color: header ? "#5b6b78" : palette.text }
            Label { width: 50; text: source.errors; color: header ? "#5b6b78" : palette.text }
        }
        Label {
            objectName: "sourceLastError"
            visible: !header && source.lastError !== ""
            x: 16
            width: parent.width - x
            wrapMode: Text.Wrap
            color: "#b03030"
            text: qsTr("Last error: %1").arg(source.lastError)
        }
        Label {
            objectName: "sourceFirstError"
            visible: !header && (source.firstError || "") !== ""
            x: 16
            width: parent.width - x
            wrapMode: Text.Wrap
            color: "#b03030"
            text: qsTr("First error: %1").arg(source.firstError || "")
        }
    }

    FileDialog {
        id: connectionsDialog
        nameFilters: [qsTr("Connections files (*.json)"), qsTr("All files (*)")]
        onAccepted: root.connections.open(selectedFile)
    }
}
