// The edit history's rows (QA pass 4, Q16): each entry's text stands in the middle of its row,
// not on the lower edge of its shaded band. Oracle: the text's ink in a grab of the row, its
// margin above and below.
import QtQuick
import QtTest
import ParkTwin
import ParkTwinTest

Item {
    id: top
    width: 320
    height: 300

    // Hall 60 x 30 m at (50, 50).
    function miniPark() {
        return JSON.stringify({
            format: "parktwin-park/1", id: "rows", name: { zh: "行园区", en: "Rows park" },
            latitude_deg: 29.5, longitude_deg: 106.5, land_area_mu: 100, grid_emission_t_per_mwh: 0.57,
            buildings: [{ id: "hall", name: { zh: "车间", en: "Hall" }, kind: "plant", position: { x_m: 50, y_m: 50 },
                          width_m: 60, depth_m: 30, height_m: 12 }]
        }, null, 2)
    }

    Rectangle { anchors.fill: parent; color: "white" }
    EditHistory { id: history; anchors.fill: parent }

    TestCase {
        name: "EditHistoryRows"
        when: windowShown

        function init() {
            verify(ParkDocument.open(Fixture.writeFile("rows.park.json", top.miniPark())))
            ParkEditor.editing = true
            verify(ParkEditor.moveBuilding("hall", 10, 10))
        }
        function cleanup() {
            ParkEditor.editing = false
            ParkDocument.resolvePending("cancel")
            ParkController.loadPark(Fixture.beiduPath)
        }

        // The first and last pixel rows of `item` with dark (text) pixels, as the window shows
        // them (one grab of the window; an item's own grab is cropped at its place in its parent).
        function inkRows(item) {
            const points = []
            for (let y = 0; y < item.height; ++y)
                for (let x = 0; x < item.width; ++x) points.push(Qt.point(x + 0.5, y + 0.5))
            const colours = Fixture.windowPixels(item, points)
            let first = -1, last = -1
            for (let k = 0; k < colours.length; ++k) {
                const c = colours[k], y = Math.floor(k / item.width)
                if (c.r + c.g + c.b < 1.2) {
                    if (first < 0) first = y
                    last = y
                }
            }
            return {first: first, last: last}
        }

        function test_each_row_s_text_is_centred_in_its_row() {
            const list = findChild(history, "historyList")
            tryCompare(list, "count", 2)
            waitForRendering(list)
            for (let i = 0; i < list.count; ++i) {
                const row = list.itemAtIndex(i)
                verify(row, "row " + i + " is laid out")
                const ink = inkRows(row)
                verify(ink.first >= 0, "row " + i + " shows its text")
                const above = ink.first, below = row.height - 1 - ink.last
                verify(Math.abs(above - below) <= 3,
                       "row " + i + " (" + row.modelData + "): " + above + " px above the text, " + below + " px below")
            }
        }
    }
}
