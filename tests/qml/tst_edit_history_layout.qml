// The edit history in the whole window (QA: at 1366x768, beside a building's fields, it got one
// row). With a building selected and three edits made, the list has room for five rows at least
// (26 px each), shows all four entries, and the editor's column still shows all of the editor
// panel's content. Oracle: the row height the list is drawn with and the entries made here.
// No 3D view of its own beside the window's (two on one scene item crash Qt 6.4).
import QtQuick
import QtTest
import ParkTwin
import ParkTwinTest

Item {
    id: top
    width: 400
    height: 300

    // Hall 60 x 30 m at (50, 50).
    function miniPark() {
        return JSON.stringify({
            format: "parktwin-park/1", id: "layout", name: { zh: "布局园区", en: "Layout park" },
            latitude_deg: 29.5, longitude_deg: 106.5, land_area_mu: 100, grid_emission_t_per_mwh: 0.57,
            buildings: [{ id: "hall", name: { zh: "车间", en: "Hall" }, kind: "plant", position: { x_m: 50, y_m: 50 },
                          width_m: 60, depth_m: 30, height_m: 12 }]
        }, null, 2)
    }

    TestCase {
        name: "EditHistoryLayout"
        when: windowShown

        function init() {
            verify(ParkDocument.open(Fixture.writeFile("layout.park.json", top.miniPark())))
            ParkEditor.editing = true
            verify(ParkEditor.moveBuilding("hall", 10, 10))
            verify(ParkEditor.moveBuilding("hall", 20, 10))
            verify(ParkEditor.moveBuilding("hall", 30, 10))
            ParkController.selection.select("hall")
        }
        function cleanup() {
            ParkEditor.editing = false
            ParkDocument.resolvePending("cancel")
            ParkController.loadPark(Fixture.beiduPath)
        }

        // What the window shows at `width` x `height` in edit mode.
        function shownAt(width, height) {
            const component = Qt.createComponent("qrc:/ParkTwin/Main.qml")
            compare(component.status, Component.Ready, component.errorString())
            const win = component.createObject(null, { width: width, height: height })
            verify(win)
            tryCompare(win, "visible", true)
            waitForRendering(win.contentItem)
            const list = findChild(win.contentItem, "historyList")
            const panel = findChild(win.contentItem, "editorPanel")
            const shown = { rows: list.height / 26, count: list.count, listShown: list.visible && list.height > 0,
                            treeHeight: findChild(win.contentItem, "assetTree").height,
                            editorHeight: panel.height, editorContent: panel.implicitHeight,
                            fieldsShown: findChild(panel, "buildingFields").visible }
            win.close()  // a window destroyed while shown leaves its 3D view's renderer behind (ASan, Qt 6.4)
            win.destroy()
            wait(0)  // gone before the next park loads: a Repeater3D of a dying window crashes Qt 6.4
            return shown
        }

        function test_history_has_five_rows_at_1366x768() {
            const shown = shownAt(1366, 768)
            verify(shown.fieldsShown, "a building's fields are shown")
            verify(shown.listShown)
            compare(shown.count, 4)  // Opened park and three moves
            verify(shown.rows >= 5, JSON.stringify(shown))
            verify(shown.editorHeight >= shown.editorContent - 1, "the editor panel is cut off: " + JSON.stringify(shown))
            verify(shown.treeHeight >= 10 * 28, "the asset tree keeps ten rows: " + JSON.stringify(shown))
        }

        function test_history_has_five_rows_at_1600x900() {
            const shown = shownAt(1600, 900)
            verify(shown.rows >= 5, JSON.stringify(shown))
            verify(shown.editorHeight >= shown.editorContent - 1, "the editor panel is cut off: " + JSON.stringify(shown))
            verify(shown.treeHeight >= 10 * 28, "the asset tree keeps ten rows: " + JSON.stringify(shown))
        }
    }
}
