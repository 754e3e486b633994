// The timeline's status line is a property the window binds to: it must announce a change only
// when the text changes, not at each of the 20 ticks a second (a live feed used to, whatever
// happened).
import QtQuick
import QtTest
import ParkTwin
import ParkTwinTest

Item {
    width: 400
    height: 300

    TestCase {
        name: "TimelineStatus"
        when: windowShown
        readonly property var timeline: ParkController.timeline

        SignalSpy { id: statusSpy; target: ParkController.timeline; signalName: "statusChanged" }
        SignalSpy { id: valuesSpy; target: ParkController.timeline; signalName: "valuesChanged" }
        SignalSpy { id: timeSpy; target: ParkController.timeline; signalName: "timeChanged" }

        function cleanup() { timeline.close() }

        // Port 1 refuses at once: the feed keeps retrying and the status stays "Reconnecting".
        // Every live tick publishes the values, so ten valuesChanged are ten ticks.
        function test_a_live_status_that_does_not_change_is_not_announced_again() {
            verify(timeline.connectLive("127.0.0.1:1", "beidu"))
            valuesSpy.clear()
            tryVerify(() => valuesSpy.count >= 1, 5000, "the first tick")
            const status = timeline.status
            verify(status.indexOf("127.0.0.1:1") >= 0, status)
            verify(!timeline.connected)
            statusSpy.clear()
            valuesSpy.clear()
            tryVerify(() => valuesSpy.count >= 10, 5000, "ten ticks")
            compare(statusSpy.count, 0, "statusChanged over ten ticks of an unchanged status")
            compare(timeline.status, status)

            // A real change is still announced.
            verify(timeline.connectLive("127.0.0.1:2", "beidu"))
            verify(statusSpy.count >= 1, "a new address is a new status")
            verify(timeline.status.indexOf("127.0.0.1:2") >= 0, timeline.status)
        }

        function test_a_replay_does_not_announce_its_status_at_each_tick() {
            verify(timeline.openReplay(Fixture.dbPath), timeline.status)
            const status = timeline.status
            statusSpy.clear()
            timeSpy.clear()
            timeline.setSpeed(60)
            timeline.play()
            tryVerify(() => timeSpy.count >= 10, 5000, "ten ticks that moved the clock")
            timeline.pause()
            compare(statusSpy.count, 0)
            compare(timeline.status, status)
        }
    }
}
