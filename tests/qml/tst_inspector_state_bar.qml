// The inspector's state bar stays in view with a line's sparklines shown (QA: in the window at
// 1600x900, and more so at 1280x720, the sparklines pushed the bar, last in the inspector, out of
// the panel's visible area, under the alarm list). Potline 1, the line of the report, with its
// six values, each with its last hour drawn, at the fixture's probe time, an hour into the file.
import QtQuick
import QtTest
import ParkTwin
import ParkTwinTest

Item {
    TestCase {
        name: "InspectorStateBar"
        when: windowShown
        readonly property var timeline: ParkController.timeline

        function initTestCase() {
            verify(ParkController.loadPark(Fixture.beiduPath))
            verify(timeline.openReplay(Fixture.dbPath), timeline.status)
        }
        function cleanupTestCase() {
            ParkController.selection.select("")
            timeline.close()
        }

        function itemsNamed(item, name, out) {
            if (item.objectName === name) out.push(item)
            const kids = item.children || []
            for (let k = 0; k < kids.length; ++k) itemsNamed(kids[k], name, out)
            return out
        }
        function rectIn(item, root) {
            const p = item.mapToItem(root, 0, 0)
            return {x: p.x, y: p.y, w: item.width, h: item.height}
        }
        function meet(a, b) {
            const x = Math.max(a.x, b.x), y = Math.max(a.y, b.y)
            return {x: x, y: y, w: Math.min(a.x + a.w, b.x + b.w) - x, h: Math.min(a.y + a.h, b.y + b.h) - y}
        }
        function within(a, b) {
            return a.x >= b.x - 0.5 && a.y >= b.y - 0.5 && a.x + a.w <= b.x + b.w + 0.5 && a.y + a.h <= b.y + b.h + 0.5
        }
        // What can be seen of `item`'s area: the window's, cut by every ancestor that clips.
        function visibleRect(item, root) {
            let shown = {x: 0, y: 0, w: root.width, h: root.height}
            for (let a = item; a && a !== root; a = a.parent) {
                if (a.clip || a === item) shown = meet(shown, rectIn(a, root))
            }
            return shown
        }

        function test_the_state_bar_stays_in_view_data() {
            return [{tag: "1600x900", width: 1600, height: 900}, {tag: "1280x720", width: 1280, height: 720}]
        }
        function test_the_state_bar_stays_in_view(data) {
            const component = Qt.createComponent("qrc:/ParkTwin/Main.qml")
            compare(component.status, Component.Ready, component.errorString())
            const win = component.createObject(null, {width: data.width, height: data.height})
            verify(win)
            const root = win.contentItem
            timeline.seek(Fixture.probeMs)
            ParkController.selection.select("potline-1")
            const panel = findChild(root, "inspectorPanel")
            const strip = findChild(panel, "stateStrip")
            const shares = findChild(panel, "stateShares")
            tryVerify(() => strip.visible && shares.visible && shares.text !== "", 15000, "the state bar is shown")
            tryVerify(() => itemsNamed(panel, "sparkline", []).some(s => s.visible), 15000, "a sparkline is shown")
            waitForRendering(root)
            const inspector = visibleRect(panel, root)
            verify(inspector.h > 0, "the inspector is in view: " + JSON.stringify(inspector))
            for (const item of [strip, shares]) {
                const box = rectIn(item, root)
                verify(within(box, inspector), item.objectName + " " + JSON.stringify(box) + " outside the inspector's visible "
                       + JSON.stringify(inspector))
                verify(within(box, visibleRect(item, root)), item.objectName + " is clipped: " + JSON.stringify(box)
                       + " shows as " + JSON.stringify(visibleRect(item, root)))
            }
            ParkController.selection.select("")
            win.close()  // a window destroyed while shown leaves its 3D view's renderer behind (ASan, Qt 6.4)
            win.destroy()
            wait(0)  // gone before the next size's window
        }
    }
}
