// qml/scene/ModelProblems.qml against the stand-in ParkController (fake_module): many lines keep
// to six lines' height and scroll, a "+N more" line under them; × closes the notice until the
// lines change; presenting and recording a video hide it (it sat on the tour's title, QA round 18).
import QtQuick
import QtTest
import ParkTwin

Item {
    id: window
    width: 1200; height: 700
    ModelProblems { id: problems; anchors { left: parent.left; top: parent.top; margins: 14 } }

    TestCase {
        name: "ModelProblems"
        when: windowShown

        function init() {
            ParkController.presenting = false
            ViewState.recording = false
            ParkController.scene.modelProblems = ["models/hall.glb (Hall): no such model file"]
            problems.closedOn = ""
        }

        function lines(count) {
            const out = []
            for (let i = 0; i < count; ++i) out.push("models/m" + i + ".glb (" + (i + 2) + " objects): no such model file")
            return out
        }

        function test_one_line_shows_whole() {
            verify(problems.visible)
            const scroller = findChild(problems, "modelProblemLines")
            tryVerify(() => scroller.contentHeight > 0 && scroller.contentHeight < 40, 2000, "one line: " + scroller.contentHeight)
            compare(scroller.height, scroller.contentHeight)
            verify(!findChild(problems, "moreModelProblems").visible)
        }

        function test_many_lines_keep_to_six_lines_and_scroll() {
            ParkController.scene.modelProblems = lines(35)
            const scroller = findChild(problems, "modelProblemLines")
            tryVerify(() => scroller.contentHeight > 30 * 14, 2000, "35 lines laid out: " + scroller.contentHeight)
            verify(scroller.height > 5 * 14 && scroller.height < scroller.contentHeight / 4, scroller.height + " of " + scroller.contentHeight)
            verify(problems.height < window.height * 0.3, "the notice is " + problems.height + " px high")
            compare(problems.linesBelow, 29)
            const more = findChild(problems, "moreModelProblems")
            verify(more.visible)
            compare(more.text, "+29 more (scroll)")
            scroller.contentY = scroller.contentHeight - scroller.height  // scrolled to the last line
            tryCompare(problems, "linesBelow", 0)
            verify(!more.visible)
        }

        function test_close_hides_until_the_problems_change() {
            const close = findChild(problems, "closeModelProblems")
            mouseClick(close)
            verify(!problems.visible)
            ParkController.scene.modelProblems = ParkController.scene.modelProblems.slice()  // the same lines again
            verify(!problems.visible)
            ParkController.scene.modelProblems = ["models/hall.glb (2 objects): no such model file"]
            verify(problems.visible)
        }

        function test_hidden_while_presenting_or_recording() {
            verify(problems.visible)
            ParkController.presenting = true
            verify(!problems.visible)
            ParkController.presenting = false
            verify(problems.visible)
            ViewState.recording = true
            verify(!problems.visible)
        }
    }
}
