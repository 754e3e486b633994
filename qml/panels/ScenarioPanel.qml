// What-if scenarios: pick one of the park's scenarios (or open a file), run baseline and
// scenario with progress and cancel, then compare: KPI delta cards, the main hourly series of
// both runs on one axis, and a switch that replays either run on the timeline. The buildings
// the scenario changes are highlighted in the 3D scene meanwhile.
import QtQuick
import QtQuick.Controls
import QtQuick.Dialogs
import QtQuick.Layouts
import ParkTwin

Pane {
    id: root
    objectName: "scenarioPanel"
    readonly property var model: ParkController.scenarios
    readonly property bool running: model.state === "running"
    property string path: picker.currentIndex >= 0 && picker.currentIndex < model.available.length
                          ? model.available[picker.currentIndex].path : ""
    signal closeRequested()

    background: Rectangle { color: "#f7f9fb"; border.color: "#d5dde5" }

    // A run started elsewhere (--scenario, a file) shows as the picked scenario when listed.
    Connections {
        target: root.model
        function onStateChanged() {
            const i = root.model.available.findIndex(a => a.path === root.model.runPath)
            if (i >= 0) picker.currentIndex = i
        }
    }

    FileDialog {
        id: fileDialog
        title: qsTr("Open a scenario file")
        nameFilters: [qsTr("Scenario files (*.json)")]
        onAccepted: root.model.run(decodeURIComponent(selectedFile.toString().replace(/^file:\/\//, "")))
    }

    ScrollView {
        anchors.fill: parent
        contentWidth: availableWidth
        clip: true

        ColumnLayout {
            width: parent.width
            spacing: 10

            RowLayout {
                Layout.fillWidth: true
                Label { text: qsTr("What-if scenarios"); font.bold: true; font.pixelSize: 16; Layout.fillWidth: true }
                ToolButton { text: "×"; onClicked: root.closeRequested() }
            }
            ComboBox {
                id: picker
                objectName: "scenarioPicker"
                Layout.fillWidth: true
                model: root.model.available
                textRole: "name"
                enabled: !root.running
            }
            Label {
                Layout.fillWidth: true
                wrapMode: Text.Wrap
                color: "#33414e"
                text: picker.currentIndex >= 0 && picker.currentIndex < root.model.available.length
                      ? root.model.available[picker.currentIndex].explanation : qsTr("No scenarios for this park.")
            }
            CheckBox {
                objectName: "quickCheck"
                text: qsTr("Quick look: 3 days around the change")
                checked: root.model.quick
                enabled: !root.running
                onToggled: root.model.quick = checked
            }
            RowLayout {
                Layout.fillWidth: true
                Button {
                    objectName: "runScenarioButton"
                    text: qsTr("Run")
                    enabled: !root.running && root.path !== ""
                    onClicked: root.model.run(root.path)
                }
                Button {
                    text: qsTr("Open file…")
                    enabled: !root.running
                    onClicked: fileDialog.open()
                }
                Button {
                    objectName: "cancelScenarioButton"
                    text: qsTr("Cancel")
                    enabled: root.running
                    onClicked: root.model.cancel()
                }
                ProgressBar {
                    objectName: "scenarioProgress"
                    Layout.fillWidth: true
                    value: root.model.progress
                    visible: root.running
                }
            }
            Label {
                objectName: "scenarioMessage"
                Layout.fillWidth: true
                wrapMode: Text.Wrap
                visible: text !== ""
                text: root.model.message
                color: root.model.state === "failed" ? "#b03030" : "#5b6b78"
            }

            // --- the result ---
            Label {
                visible: root.model.deltas.length > 0
                text: root.model.title
                font.bold: true
                Layout.fillWidth: true
                wrapMode: Text.Wrap
            }
            Label {
                objectName: "scenarioPeriod"
                visible: root.model.deltas.length > 0
                text: root.model.period
                color: "#5b6b78"
                Layout.fillWidth: true
                wrapMode: Text.Wrap
            }
            Label {
                // The park's tags the runs left out (measured only), in the window's language.
                objectName: "scenarioNote"
                visible: text !== ""
                text: root.model.note
                color: "#5b6b78"
                Layout.fillWidth: true
                wrapMode: Text.Wrap
            }
            RowLayout {
                visible: root.model.deltas.length > 0
                Label { text: qsTr("Replay on the timeline:") }
                Button {
                    objectName: "showBaselineButton"
                    text: qsTr("Baseline")
                    checkable: true
                    checked: root.model.showing === "baseline"
                    onClicked: root.model.show("baseline")
                }
                Button {
                    objectName: "showScenarioButton"
                    text: qsTr("Scenario")
                    checkable: true
                    checked: root.model.showing === "scenario"
                    onClicked: root.model.show("scenario")
                }
            }
            ComboBox {
                id: seriesPicker
                visible: root.model.series.length > 0
                Layout.fillWidth: true
                model: root.model.series
                textRole: "label"
            }
            SeriesChart {
                objectName: "seriesChart"
                visible: root.model.series.length > 0
                Layout.fillWidth: true
                Layout.preferredHeight: 134
                readonly property var s: root.model.series[seriesPicker.currentIndex] || ({})
                baselineValues: s.baseline || []
                scenarioValues: s.scenario || []
                unit: s.unit || ""
                timeLabels: root.model.seriesTimes
            }
            RowLayout {
                visible: root.model.series.length > 0
                spacing: 12
                Rectangle { width: 14; height: 3; color: "#7b8794" }
                Label { text: qsTr("Baseline"); color: "#5b6b78" }
                Rectangle { width: 14; height: 3; color: "#e8590c" }
                Label { text: qsTr("Scenario"); color: "#5b6b78" }
            }
            GridLayout {
                Layout.fillWidth: true
                columns: 2
                columnSpacing: 8
                rowSpacing: 8
                Repeater {
                    // Figures a run has (twin's rule, as the CLI's table): a park that makes no aluminium
                    // gets no aluminium cards, nor a "– → –" one for a ratio neither run has.
                    model: root.model.deltas.filter(d => d.shown)
                    delegate: Rectangle {
                        required property var modelData
                        objectName: "delta_" + modelData.key
                        property var delta: modelData.delta
                        Layout.fillWidth: true
                        Layout.preferredWidth: 1
                        implicitHeight: card.implicitHeight + 14
                        radius: 6
                        color: modelData.direction > 0 ? "#e6f4ea" : modelData.direction < 0 ? "#fdecea" : "#eef2f5"
                        border.color: modelData.direction > 0 ? "#5aa469" : modelData.direction < 0 ? "#d64545" : "#c5ced6"
                        ColumnLayout {
                            id: card
                            anchors { left: parent.left; right: parent.right; top: parent.top; margins: 7 }
                            spacing: 2
                            Label { text: modelData.label; wrapMode: Text.Wrap; Layout.fillWidth: true; font.pixelSize: 11; color: "#33414e" }
                            Label {
                                objectName: "deltaValue"
                                text: modelData.unchanged ? qsTr("No change")
                                                          : modelData.deltaText + (isFinite(modelData.delta) ? " " + modelData.deltaUnit : "")
                                font.bold: true
                                font.pixelSize: 15
                                color: modelData.direction > 0 ? "#1e7b34" : modelData.direction < 0 ? "#a61b1b" : "#33414e"
                            }
                            Label {
                                text: modelData.baselineText + " → " + modelData.scenarioText
                                      + (modelData.comparable ? "  (" + (modelData.deltaPercent > 0 ? "+" : "") + Number(modelData.deltaPercent).toFixed(1) + " %)" : "")
                                font.pixelSize: 11
                                color: "#5b6b78"
                            }
                        }
                    }
                }
            }
        }
    }
}
