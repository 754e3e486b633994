// Presenting during a replay (QA F24, the user guide's `--replay day.db --speed 600 --present`):
// the presentation bar lay over the middle of the replay's timeline, both half hidden. Now the
// bar, and the caption above it, stand above the timeline, which stays whole and usable.
import QtQuick
import QtTest
import ParkTwin
import ParkTwinTest

Item {
    TestCase {
        name: "PresentReplay"
        when: windowShown

        function rectOf(item, root) {
            const p = item.mapToItem(root, 0, 0)
            return { x: p.x, y: p.y, w: item.width, h: item.height }
        }
        function overlaps(a, b) {
            return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h
        }

        function test_the_bar_stands_above_the_timeline() {
            verify(ParkController.loadPark(Fixture.beiduPath))
            verify(ParkController.timeline.openReplay(Fixture.dbPath), ParkController.timeline.status)
            const component = Qt.createComponent("qrc:/ParkTwin/Main.qml")
            compare(component.status, Component.Ready, component.errorString())
            const win = component.createObject(null, { width: 1600, height: 900 })
            verify(win)
            const fullScreen = ViewState.allowFullScreen
            ViewState.allowFullScreen = false  // the window keeps the size the test measures
            ParkController.presenting = true
            const root = win.contentItem
            const controls = findChild(root, "presentationControls")
            const caption = findChild(root, "captionBox")
            const timeline = findChild(root, "playButton").parent.parent  // its row, then the bar
            tryVerify(() => controls.visible && timeline.visible && caption.visible)
            waitForRendering(root)
            const bar = rectOf(timeline, root)
            verify(!overlaps(rectOf(controls, root), bar), "bar " + JSON.stringify(rectOf(controls, root)) + " timeline " + JSON.stringify(bar))
            verify(!overlaps(rectOf(caption, root), bar), "the caption clears it too")
            verify(rectOf(controls, root).y + controls.height <= bar.y, "the bar is above the timeline")
            ParkController.presenting = false
            ViewState.allowFullScreen = fullScreen
            ParkController.timeline.close()
            win.close()  // a window destroyed while shown leaves its 3D view's renderer behind (ASan, Qt 6.4)
            win.destroy()
            wait(0)  // gone before the next test loads a park
        }
    }
}
