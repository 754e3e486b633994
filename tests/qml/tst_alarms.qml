// Alarm rules fire on replayed values: the alarm is listed (and pinned in the scene, its
// object's label red, amber once acknowledged) when the replayed value breaks the rule, gone
// when it does not, and acknowledging it with a comment stores an event in the historian.
import QtQuick
import QtTest
import ParkTwin
import ParkTwinTest

Item {
    width: 1200
    height: 700

    AlarmPanel {
        id: panel
        width: 360
        height: parent.height
    }
    ParkView {
        id: parkView
        x: 360
        width: 840
        height: parent.height
    }

    // The listed alarm's sinceMs (-1 while not listed): tryCompare reports what it was.
    QtObject {
        id: alarmSince
        readonly property real ms: {
            const a = ParkController.alarms.active.find(a => a.id === "test-current-high")
            return a ? a.sinceMs : -1
        }
    }

    TestCase {
        name: "Alarms"
        when: windowShown
        readonly property var timeline: ParkController.timeline

        function initTestCase() {
            verify(ParkController.loadPark(Fixture.alarmParkPath), ParkController.errorText)
            verify(timeline.openReplay(Fixture.dbPath), timeline.status)
            verify(Fixture.alarmOnMs > 0 && Fixture.alarmOffMs > 0, "the fixture found on and off times")
        }
        function cleanupTestCase() {
            timeline.close()
            verify(ParkController.loadPark(Fixture.beiduPath))
        }

        function activeIds() { return ParkController.alarms.active.map(a => a.id) }
        // The scene's label of an object: its item, when shown.
        function labelOf(objectId) {
            const items = findChild(parkView, "labelLayer").children
            for (let i = 0; i < items.length; ++i) {
                if (items[i].objectId === objectId && items[i].visible) return items[i]
            }
            return null
        }
        // The rule's tag is potline-1's, which stands in potroom-1 (assets/parks/beidu.json): the
        // label that names the alarm is the potroom's (QA: the pin lay under that label, unseen).
        function potroomLabelIs(alarm, fill) {
            tryVerify(() => labelOf("potroom-1") !== null && labelOf("potroom-1").alarm === alarm, 15000,
                      "potroom-1's label: " + (labelOf("potroom-1") ? labelOf("potroom-1").alarm : "not shown"))
            compare(String(labelOf("potroom-1").color), fill)
        }

        function test_1_alarm_fires_on_the_replayed_value_and_is_listed() {
            timeline.seek(Fixture.alarmOnMs)
            tryVerify(() => activeIds().includes("test-current-high"), 15000, "alarm active at alarmOnMs")
            const message = findChild(panel, "alarmMessage")
            verify(message !== null, "the panel lists it")
            compare(message.text, "Potline 1 current high")
            potroomLabelIs("raised", "#e02f2f")
            // QA: the pin covered the label. The pin runs from 15 m below its position (the
            // cone's tip: 30 m tall, turned down) to 29 m above it (the ball: 7 m round at 22 m,
            // AlarmPins.qml); no point of its axis shows inside the label's box.
            parkView.fitPark(true)
            waitForRendering(parkView)
            const label = labelOf("potroom-1")
            const pin = ParkController.alarms.active[0].position
            for (let up = -15; up <= 29; up += 1) {
                const s = parkView.view.mapFrom3DScene(pin.plus(Qt.vector3d(0, up, 0)))
                const at = parkView.view.mapToItem(label.parent, s.x, s.y)
                verify(at.x < label.x || at.x > label.x + label.width || at.y < label.y || at.y > label.y + label.height,
                       "the pin at " + up + " m shows at " + at + " inside the label " + [label.x, label.y, label.width, label.height])
            }
        }

        // Presentation mode is read-only: no acknowledgement, no other park, whatever calls it.
        function test_1b_presentation_mode_is_read_only() {
            ParkController.presenting = true
            const field = findChild(panel, "ackComment")
            field.text = "from the audience"
            verify(!findChild(panel, "ackButton").enabled, "the button is off while presenting")
            verify(!ParkController.alarms.acknowledge("test-current-high", "from the audience"))
            compare(Fixture.countEvents("alarm_ack"), 0, "nothing stored")
            verify(!ParkController.alarms.active[0].acknowledged)
            compare(ParkController.alarms.active[0].severity, Kinds.Critical, "the rule's severity, as QML compares it")
            verify(!ParkController.loadPark(Fixture.beiduPath), "no other park while presenting")
            compare(ParkController.parkFile, Fixture.alarmParkPath)
            ParkController.presenting = false
            field.text = ""
        }

        function test_2_acknowledging_stores_an_event() {
            compare(Fixture.countEvents("alarm_ack"), 0)
            const field = findChild(panel, "ackComment")
            const button = findChild(panel, "ackButton")
            verify(!button.enabled, "no acknowledgement without a comment")
            field.text = "checked anode effect"
            mouseClick(button)
            tryVerify(() => ParkController.alarms.active.length > 0 && ParkController.alarms.active[0].acknowledged, 15000)
            compare(ParkController.alarms.active[0].comment, "checked anode effect")
            compare(Fixture.countEvents("alarm_ack"), 1)
            verify(timeline.markers.some(m => m.kind === "alarm_ack"), "shown on the timeline")
            potroomLabelIs("acknowledged", "#e8a200")
        }

        function test_3_alarm_clears_when_the_value_is_back() {
            timeline.seek(Fixture.alarmOffMs)
            tryVerify(() => !activeIds().includes("test-current-high"), 15000, "alarm gone at alarmOffMs")
            potroomLabelIs("", "#e6ffffff")
        }

        function activeAlarm(id) { return ParkController.alarms.active.find(a => a.id === id) }

        // QA: an alarm active at the time seeked to showed "since" that time. It began at the
        // first sample over the limit (the fixture finds it in the samples it wrote), also when
        // the seek jumps over a spell back under the limit from an alarm already shown.
        function test_4_since_is_when_the_value_crossed_the_limit_not_the_seek() {
            compare(Fixture.alarmRuns.length, 2, "the fixture found two runs over the limit")
            for (const run of Fixture.alarmRuns) {
                verify(run.start < run.probe - 20000, "the crossing is well before the seek")
                timeline.seek(run.probe)
                compare(timeline.timeMs, run.probe)
                tryCompare(alarmSince, "ms", run.start, 15000)  // the read at the probe is on a thread of its own
                compare(activeAlarm("test-current-high").since, timeline.formatTime(run.start))
            }
        }
    }
}
