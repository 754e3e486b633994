// The timeline under the 3D view: play/pause, step, speed, a scrubber with failure markers,
// the time in park civil time (its time_zone), and a live indicator when fed by MQTT or a server.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import ParkTwin

Rectangle {
    id: root
    readonly property var timeline: ParkController.timeline
    visible: timeline.mode !== "design"
    height: 52
    color: "#f0ffffff"
    border.color: "#8095a5"
    radius: 6

    RowLayout {
        anchors.fill: parent
        anchors.margins: 8
        spacing: 8

        component BarButton: Button {
            implicitHeight: 34
            leftPadding: 10
            rightPadding: 10
        }
        BarButton {
            objectName: "playButton"
            visible: root.timeline.mode === "replay"
            text: root.timeline.playing ? qsTr("Pause") : qsTr("Play")
            onClicked: root.timeline.togglePlay()
        }
        BarButton {
            visible: root.timeline.mode === "replay"
            text: qsTr("−1 min")
            onClicked: root.timeline.step(-60)
        }
        BarButton {
            visible: root.timeline.mode === "replay"
            text: qsTr("+1 min")
            onClicked: root.timeline.step(60)
        }
        ComboBox {
            id: speedBox
            objectName: "speedBox"
            visible: root.timeline.mode === "replay"
            implicitWidth: 100
            model: [0.1, 1, 10, 60, 600, 3600, 10000]
            // The clock's own speed (--speed 120 starts at 120×), and the nearest step of the
            // list as the chosen one: the box never says 1× while the replay runs at 60×.
            displayText: qsTr("%1×").arg(Number(root.timeline.speed.toPrecision(4)))
            currentIndex: nearestStep(root.timeline.speed)
            onActivated: root.timeline.setSpeed(currentValue)
            function nearestStep(speed) {
                const distance = i => Math.abs(Math.log(model[i] / speed))
                let best = 0
                for (let i = 1; i < model.length; ++i) {
                    if (distance(i) < distance(best)) best = i
                }
                return best
            }
        }
        Item {
            Layout.fillWidth: true
            Layout.fillHeight: true
            visible: root.timeline.mode === "replay"
            Slider {
                id: scrubber
                objectName: "scrubber"
                anchors.fill: parent
                from: root.timeline.startMs
                to: Math.max(root.timeline.startMs + 1, root.timeline.endMs)
                value: root.timeline.timeMs
                live: true
                onMoved: root.timeline.seek(value)
            }
            Repeater {
                model: root.timeline.markers
                Rectangle {
                    readonly property real f: (modelData.t - root.timeline.startMs)
                                              / Math.max(1, root.timeline.endMs - root.timeline.startMs)
                    x: scrubber.leftPadding + f * scrubber.availableWidth - 1
                    y: 4
                    width: 2
                    height: 8
                    color: "#d64545"
                }
            }
        }
        Item { Layout.fillWidth: true; visible: root.timeline.mode === "live" }
        // A server's window moves between its live values and its stored history.
        BarButton {
            objectName: "serverHistoryButton"
            visible: root.timeline.fromServer
            text: root.timeline.replayingServer ? qsTr("Back to live") : qsTr("Replay history")
            onClicked: root.timeline.replayingServer
                       ? root.timeline.connectServer(root.timeline.rememberedServerUrl(), root.timeline.rememberedServerToken(), ParkController.parkId, root.timeline.rememberedServerCaFile())
                       : root.timeline.replayServer(root.timeline.rememberedServerUrl(), root.timeline.rememberedServerToken(), ParkController.parkId, root.timeline.rememberedServerCaFile())
        }
        Rectangle {
            visible: root.timeline.mode === "live" || root.timeline.replayingServer
            width: 12; height: 12; radius: 6
            color: root.timeline.connected ? "#2eb872" : "#d64545"
        }
        Label {
            objectName: "timeLabel"
            text: root.timeline.formatTime(root.timeline.timeMs)
            font.family: "monospace"
        }
    }
}
