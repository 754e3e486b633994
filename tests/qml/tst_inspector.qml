// The inspector keeps every text inside its panel, at the panel's width in the window, for
// the longest Chinese and English names of both bundled parks.
import QtQuick
import QtTest
import ParkTwin
import ParkTwinTest

Item {
    width: 1200
    height: 900

    InspectorPanel {
        id: panel
        width: 220  // the narrowest the window's split view lets it be
        height: 900
    }

    TestCase {
        name: "Inspector"
        when: windowShown

        function cleanup() {
            ParkController.language = "en"
            ParkController.loadPark(Fixture.beiduPath)
        }

        function labelsIn(item, out) {
            if (item.visible === false) return out
            if (item.text !== undefined && item.font !== undefined && item.text !== "") out.push(item)
            const kids = item.children || []
            for (let k = 0; k < kids.length; ++k) labelsIn(kids[k], out)
            return out
        }

        function checkFits(context) {
            const right = panel.width - panel.rightPadding + 1
            const labels = labelsIn(panel.contentItem, [])
            verify(labels.length >= 4, context + ": the inspector shows rows")
            for (const label of labels) {
                const x = label.mapToItem(panel, label.width, 0).x
                verify(x <= right, context + ": \"" + label.text + "\" ends at " + x + " px, past the panel's " + right)
                verify(!label.truncated, context + ": \"" + label.text + "\" is cut off")
            }
        }

        // Every building, line, enterprise and machine group of a park, longest name first.
        function objectIds() {
            const ids = ParkController.scene.buildings.map(b => b.id)
            const visit = (index) => {
                const model = ParkController.assetTree
                for (let r = 0; r < model.rowCount(index); ++r) {
                    const child = model.index(r, 0, index)
                    const id = model.data(child, Qt.UserRole + 1)
                    if (id && ids.indexOf(id) < 0) ids.push(id)
                    visit(child)
                }
            }
            visit(ParkController.assetTree.index(-1, -1))
            return ids.sort((a, b) => ParkController.nameOf(b).length - ParkController.nameOf(a).length)
        }

        function test_long_names_stay_inside_the_panel_data() {
            return [{park: "beidu", lang: "zh"}, {park: "beidu", lang: "en"},
                    {park: "jiulong", lang: "zh"}, {park: "jiulong", lang: "en"}]
        }
        function test_long_names_stay_inside_the_panel(data) {
            verify(ParkController.loadPark(Fixture.beiduPath.replace("beidu.json", data.park + ".json")))
            ParkController.language = data.lang
            const ids = objectIds()
            verify(ids.length > 10, "objects to inspect: " + ids.length)
            for (const id of ids.slice(0, 25)) {
                ParkController.selection.select(id)
                compare(ParkController.selection.objectId, id)
                waitForRendering(panel)
                checkFits(data.park + "/" + data.lang + "/" + id)
            }
        }

        // Bath temperature is stored as "degC" in the park file and shown as °C.
        function test_units_read_as_people_write_them() {
            verify(ParkController.timeline.openReplay(Fixture.dbPath))
            ParkController.timeline.seek(Fixture.probeMs)
            ParkController.selection.select("potline-1")
            tryVerify(() => ParkController.selection.liveRows.some(r => r.value.indexOf("°C") > 0), 15000,
                      JSON.stringify(ParkController.selection.liveRows))
            verify(!ParkController.selection.liveRows.some(r => r.value.indexOf("degC") >= 0))
            ParkController.timeline.close()
        }
    }
}
