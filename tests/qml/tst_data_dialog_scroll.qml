// The Data dialog at 1280x720 with a connections file running (its source and tag rows make the
// dialog taller than the window): the dialog stays inside the window and its content scrolls, so
// every part's heading can be brought into the visible area, by showPart() (what --show-menu
// data:PART uses) and by the mouse wheel as a person would. The oracle is the window's size.
import QtQuick
import QtTest
import ParkTwin
import ParkTwinTest

Item {
    id: window
    width: 1280
    height: 720

    DataSourceDialog { id: dialog; anchors.centerIn: parent }

    TestCase {
        name: "DataDialogScroll"
        when: windowShown
        readonly property var connections: ParkController.connections
        readonly property var parts: ["replay", "mqtt", "connections", "server"]

        function cleanup() {
            dialog.close()
            connections.stop()
            ParkController.timeline.close()
            LiveFixture.stopBroker()
        }

        function startConnections() {
            const port = LiveFixture.startBroker()
            verify(port > 0, "mosquitto started")
            verify(LiveFixture.publishRetained("plant/potline-1/amps", "{\"a\": 4015}"))
            verify(LiveFixture.publishRetained("plant/potline-2/amps", "{\"a\": 3990}"))
            const file = {format: "parktwin-connections/1", park: "beidu",
                          sources: [{id: "plant-mqtt", kind: "mqtt", broker: {host: "127.0.0.1", port: port},
                                     subscriptions: [{topic: "plant/{line}/amps", payload: "json",
                                                      values: [{pointer: "/a", tag: "{line}.current"}]}]}]}
            verify(connections.open(LiveFixture.writeFile("scroll.json", JSON.stringify(file))), connections.problems.join("\n"))
            verify(connections.start(""), connections.failures.join("\n"))
            tryVerify(() => connections.tags.length >= 2, 15000, "both lines' values listed")
        }

        function openDialog() {
            dialog.open()
            tryVerify(() => dialog.opened, 15000)
            return findChild(dialog.contentItem, "dataScroller")
        }

        // The visible part of the scrolled content, in window coordinates.
        function shownInWindow(scroller, item) {
            const view = scroller.mapToItem(window, 0, 0)
            const at = item.mapToItem(window, 0, 0)
            return at.y >= view.y && at.y + item.height <= view.y + scroller.height
                && at.y >= 0 && at.y + item.height <= window.height
        }

        function headingOf(name) { return findChild(dialog.contentItem, name + "Heading") }
        // The server part's last row (its CA file): what the dialog cut off before it scrolled.
        function lastRow() { return findChild(dialog.contentItem, "serverCaField") }

        function test_every_part_can_be_scrolled_into_view_at_1280x720() {
            startConnections()
            const scroller = openDialog()
            verify(dialog.y >= 0 && dialog.y + dialog.height <= window.height,
                   "the dialog inside the window: y " + dialog.y + ", height " + dialog.height)
            verify(scroller.contentItem.contentHeight > scroller.height,
                   "with a connections file running the parts do not all fit (this test needs a scroll): content "
                   + scroller.contentItem.contentHeight + ", view " + scroller.height)
            verify(!shownInWindow(scroller, lastRow()), "the server part starts cut off (its last row out of view)")
            for (const name of parts) {
                dialog.showPart(name)
                verify(shownInWindow(scroller, headingOf(name)), name + " heading in view after showPart")
            }
        }

        function test_the_mouse_wheel_reaches_the_end_of_the_server_part() {
            startConnections()
            const scroller = openDialog()
            verify(!shownInWindow(scroller, lastRow()))
            const flick = scroller.contentItem
            for (let i = 0; i < 40 && !shownInWindow(scroller, lastRow()); ++i) {
                const before = flick.contentY
                mouseWheel(scroller, scroller.width / 2, scroller.height / 2, 0, -120)
                tryVerify(() => flick.contentY > before || flick.atYEnd, 5000, "the wheel moves the content down")
            }
            verify(shownInWindow(scroller, lastRow()), "scrolled by the wheel to the server part's last row")
            verify(shownInWindow(scroller, findChild(dialog.contentItem, "serverConnectButton")))
        }
    }
}
