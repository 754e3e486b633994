// The timeline's speed box says the speed the replay plays at (QA pass 3, F2: `--speed 60`
// played at 60× under a box that said 1×).
import QtQuick
import QtTest
import ParkTwin
import ParkTwinTest

Item {
    width: 1200
    height: 200

    TimelineBar { id: bar; width: 1100 }

    TestCase {
        name: "SpeedBox"
        when: windowShown
        readonly property var timeline: ParkController.timeline

        function cleanup() {
            timeline.pause()
            timeline.setSpeed(1)
            timeline.close()
        }

        function test_the_box_shows_the_speed_set_at_start_data() {
            // The speed as --speed gives it (startup.cpp: setSpeed, then play), the box's words.
            return [{speed: 60, text: "60×", step: 60}, {speed: 600, text: "600×", step: 600},
                    {speed: 120, text: "120×", step: 60}, {speed: 0.1, text: "0.1×", step: 0.1}]
        }
        function test_the_box_shows_the_speed_set_at_start(data) {
            verify(timeline.openReplay(Fixture.dbPath), timeline.status)
            timeline.setSpeed(data.speed)
            timeline.play()
            const box = findChild(bar, "speedBox")
            tryVerify(() => box.visible, 5000)
            compare(box.displayText, data.text)
            compare(box.currentValue, data.step, "the nearest step is the chosen one")
        }

        // Choosing in the box still sets the speed, and the box follows it.
        function test_choosing_a_speed_in_the_box() {
            verify(timeline.openReplay(Fixture.dbPath), timeline.status)
            timeline.setSpeed(60)
            const box = findChild(bar, "speedBox")
            tryVerify(() => box.visible, 5000)
            box.forceActiveFocus()
            keyClick(Qt.Key_Down)  // the next step, as a person steps through the box
            compare(timeline.speed, 600)
            compare(box.displayText, "600×")
            // And it still follows a speed set elsewhere afterwards.
            timeline.setSpeed(10)
            compare(box.displayText, "10×")
            compare(box.currentValue, 10)
        }
    }
}
