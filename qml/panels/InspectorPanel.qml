// Properties of the selected object.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import ParkTwin

Pane {
    id: root
    ColumnLayout {
        anchors.fill: parent
        spacing: 8
        Label {
            text: qsTr("Inspector")
            font.bold: true
            Layout.minimumHeight: implicitHeight
        }
        Label {
            objectName: "inspectorTitle"
            Layout.fillWidth: true
            text: ParkController.selection.name !== "" ? ParkController.selection.name : qsTr("Click a building, line or machine group")
            wrapMode: Text.Wrap
            font.pixelSize: 16
            color: ParkController.selection.name !== "" ? "#1b2733" : "#6b7785"
            Layout.minimumHeight: implicitHeight
        }
        // The object's rows and values scroll; its state bar below them stays in view. A line's
        // sparklines made the rows taller than the panel, and the state bar, last in the column,
        // was pushed out of the panel's visible area (QA: at 1600x900 and 1280x720).
        Flickable {
            id: details
            objectName: "inspectorDetails"
            Layout.fillWidth: true
            Layout.fillHeight: true
            // As tall as the rows when they fit, so the state bar sits right under them; shorter,
            // and scrolled, when they do not: the only part of the panel that gives up height (the
            // other parts' minimum is their own height).
            Layout.preferredHeight: rows.implicitHeight
            Layout.maximumHeight: rows.implicitHeight
            contentWidth: width
            contentHeight: rows.implicitHeight
            clip: true
            boundsBehavior: Flickable.StopAtBounds
            ScrollBar.vertical: ScrollBar {
                id: detailsScrollBar
                policy: details.contentHeight > details.height + 1 ? ScrollBar.AlwaysOn : ScrollBar.AlwaysOff
            }
            ColumnLayout {
                id: rows
                // Clear of the scroll bar, shown or not: a width that followed it changed the rows'
                // wrapping, so their height, so whether the bar shows (a polish loop, then a crash).
                width: details.width - detailsScrollBar.implicitWidth - 4
                spacing: 8
                GridLayout {
                    Layout.fillWidth: true
                    columns: 2
                    columnSpacing: 10
                    rowSpacing: 4
                    Repeater {
                        model: ParkController.selection.inspector
                        delegate: Label {
                            required property var modelData
                            required property int index
                            Layout.row: index
                            Layout.column: 0
                            text: modelData.label
                            color: "#5b6b78"
                        }
                    }
                    Repeater {
                        model: ParkController.selection.inspector
                        delegate: Label {
                            required property var modelData
                            required property int index
                            Layout.row: index
                            Layout.column: 1
                            Layout.fillWidth: true
                            text: modelData.value
                            wrapMode: Text.Wrap
                        }
                    }
                }
                Label {
                    visible: ParkController.selection.liveRows.length > 0
                    text: ParkController.timeline.mode === "live" ? qsTr("Live values") : qsTr("Values at %1").arg(ParkController.timeline.formatTime(ParkController.timeline.timeMs))
                    font.bold: true
                    Layout.topMargin: 8
                }
                GridLayout {
                    objectName: "liveValues"
                    Layout.fillWidth: true
                    columns: 2
                    columnSpacing: 10
                    rowSpacing: 4
                    Repeater {
                        model: ParkController.selection.liveRows
                        delegate: Label {
                            required property var modelData
                            required property int index
                            objectName: "liveLabel"
                            Layout.row: index
                            Layout.column: 0
                            Layout.fillWidth: true
                            // On the value's line, not centred on the value and its sparkline below it.
                            Layout.alignment: Qt.AlignLeft | Qt.AlignTop
                            text: modelData.label
                            color: "#5b6b78"
                            wrapMode: Text.Wrap
                        }
                    }
                    Repeater {
                        model: ParkController.selection.liveRows
                        delegate: Column {
                            required property var modelData
                            required property int index
                            Layout.row: index
                            Layout.column: 1
                            Layout.alignment: Qt.AlignLeft | Qt.AlignTop
                            // A value whose source died (a Sparkplug death) stays, greyed, until a newer one.
                            Label {
                                objectName: "liveValue"
                                text: modelData.value
                                font.bold: true
                                color: modelData.stale ? "#9aa5ae" : palette.text
                            }
                            Label {
                                objectName: "valueStale"
                                visible: modelData.stale === true
                                text: qsTr("stale: the source went offline")
                                color: "#9aa5ae"
                                font.pixelSize: 11
                            }
                            // Running from a connections file: where the value came from.
                            Label {
                                objectName: "valueSource"
                                visible: (modelData.source || "") !== ""
                                text: qsTr("from %1").arg(modelData.source || "")
                                color: "#5b6b78"
                                font.pixelSize: 11
                            }
                            // Without two values in the hour there is no line: no empty box either.
                            Sparkline {
                                objectName: "sparkline"
                                visible: pointCount > 1
                                width: 110
                                height: 22
                                values: ParkController.timeline.sparklines[modelData.tag] || []
                            }
                        }
                    }
                }
            }
        }
        // The selected line's states over the last hour of data (replay or recording).
        Label {
            readonly property var history: ParkController.timeline.stateHistory
            visible: (history.spans || []).length > 0
            text: qsTr("State, last hour")
            font.bold: true
            Layout.topMargin: 8
            Layout.minimumHeight: implicitHeight
        }
        Item {
            id: stateStrip
            objectName: "stateStrip"
            readonly property var history: ParkController.timeline.stateHistory
            readonly property var spans: history.spans || []
            readonly property double span: (history.to || 0) - (history.from || 0)
            // Share per state of the time with a known state, largest first (store::stateShares).
            readonly property var shares: history.shares || []
            visible: spans.length > 0
            Layout.fillWidth: true
            implicitHeight: 14
            Layout.minimumHeight: implicitHeight
            Rectangle { anchors.fill: parent; color: "#e9edf1" }  // time before the first report
            Repeater {
                model: stateStrip.spans
                delegate: Rectangle {
                    required property var modelData
                    x: stateStrip.width * (modelData.from - stateStrip.history.from) / stateStrip.span
                    width: Math.max(1, stateStrip.width * (modelData.to - modelData.from) / stateStrip.span)
                    height: stateStrip.height
                    color: ParkController.selection.stateColorOf(modelData.state)
                }
            }
        }
        Label {
            objectName: "stateShares"
            visible: stateStrip.visible
            Layout.fillWidth: true
            wrapMode: Text.Wrap
            Layout.minimumHeight: implicitHeight
            color: "#5b6b78"
            text: stateStrip.shares.map(e => qsTr("%1 %2 %").arg(ParkController.selection.stateName(e.state)).arg(Math.round(e.share * 100))).join(" · ")
        }
        Item { Layout.fillHeight: true }
    }
}
