// Alarm rules fire on replayed values: the alarm is listed (and pinned in the scene) when the
// replayed value breaks the rule, gone when it does not, and acknowledging it with a comment
// stores an event in the historian.
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

        function test_1_alarm_fires_on_the_replayed_value_and_is_listed() {
            timeline.seek(Fixture.alarmOnMs)
            tryVerify(() => activeIds().includes("test-current-high"), 15000, "alarm active at alarmOnMs")
            const message = findChild(panel, "alarmMessage")
            verify(message !== null, "the panel lists it")
            compare(message.text, "Potline 1 current high")
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
        }

        function test_3_alarm_clears_when_the_value_is_back() {
            timeline.seek(Fixture.alarmOffMs)
            tryVerify(() => !activeIds().includes("test-current-high"), 15000, "alarm gone at alarmOffMs")
        }
    }
}
