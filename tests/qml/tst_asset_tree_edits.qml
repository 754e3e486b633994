// The asset tree keeps its open branches and the selected row through an edit and a save (QA:
// it fell back to its first level after each, losing the row one was editing).
import QtQuick
import QtQuick.Controls
import QtTest
import ParkTwin
import ParkTwinTest

Item {
    id: top
    width: 400
    height: 800

    AssetTreePanel {
        id: panel
        anchors.fill: parent
        onActivated: (objectId) => ParkController.selection.select(objectId)
    }

    // Hall with the line "cast" and its machine group "cells", three levels down; a store.
    function miniPark() {
        return JSON.stringify({
            format: "parktwin-park/1", id: "tree", name: { zh: "树园区", en: "Tree park" },
            latitude_deg: 29.5, longitude_deg: 106.5, land_area_mu: 100, grid_emission_t_per_mwh: 0.57,
            buildings: [
                { id: "hall", name: { zh: "车间", en: "Hall" }, kind: "plant", position: { x_m: 50, y_m: 50 },
                  width_m: 60, depth_m: 30, height_m: 12 },
                { id: "store", name: { zh: "仓库", en: "Store" }, kind: "warehouse", position: { x_m: 150, y_m: 50 },
                  width_m: 40, depth_m: 20, height_m: 10 }
            ],
            lines: [
                { id: "cast", name: { zh: "铸造线", en: "Casting" }, kind: "die_casting", building: "hall",
                  capacity_t_per_year: 5000,
                  machines: [{ id: "cells", name: { zh: "压铸岛", en: "Cells" }, kind: "die_casting_cell",
                               count: 6, rows: 2, pitch_x_m: 10, pitch_y_m: 12, width_m: 5, depth_m: 5, height_m: 4 }] }
            ]
        }, null, 2)
    }
    // The row's delegate when its branch is open and laid out, else null.
    function rowItem(objectId) {
        const index = ParkController.assetTree.indexOfObject(objectId)
        if (!index.valid) return null
        const cell = panel.tree.cellAtIndex(index)
        return cell.y < 0 ? null : panel.tree.itemAtCell(cell)
    }

    TestCase {
        name: "AssetTreeEdits"
        when: windowShown

        function init() {
            verify(ParkDocument.open(Fixture.writeFile("tree.park.json", top.miniPark())))
            ParkEditor.editing = true
        }
        function cleanup() {
            ParkEditor.editing = false
            ParkDocument.resolvePending("cancel")
            ParkController.loadPark(Fixture.beiduPath)
        }

        // The group's branch is open, the store selected: the selection alone would open the
        // tree to the store again after a rebuild, not the group's branch.
        function test_an_edit_and_a_save_keep_the_open_branches_and_the_selection() {
            ParkController.selection.select("cells")  // opens the tree down to the group
            ParkController.selection.select("store")
            waitForRendering(panel.tree)
            verify(top.rowItem("cells") !== null, "the group's row shown before the edit")
            verify(ObjectForms.setValue("/lines/0/machines/0/count", "integer", 8))
            compare(ParkEditor.lastError, "")
            waitForRendering(panel.tree)
            verify(top.rowItem("cells") !== null, "the group's row still shown after the edit")
            verify(top.rowItem("store") !== null && top.rowItem("store").highlighted, "the store still the selected row")
            verify(ParkDocument.save())
            waitForRendering(panel.tree)
            verify(top.rowItem("cells") !== null, "and after the save")
        }
    }
}
