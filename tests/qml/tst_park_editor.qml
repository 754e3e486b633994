// Edit mode (ParkEditor with the editor panel, the 3D view and the Problems panel): a real
// drag of a building with the mouse on the 3D view, snapping, R / Shift+R, undo of each back
// to the original file, a bad height typed in the inspector listed in Problems with its JSON
// path, the unsaved mark, the history list, and no editing while presenting.
// Oracles: a park written here by hand, hand-computed snapped coordinates, the ground point
// under the pointer from Qt's own mapTo3DScene, Python's json module on the saved file, and
// the saved file's bytes against the file saved before the edits.
import QtQuick
import QtQuick.Controls
import QtTest
import ParkTwin
import ParkTwinTest

Item {
    id: top
    width: 1400
    height: 1000

    ParkView {
        id: view
        x: 0
        width: 900
        height: 800
    }
    EditorPanel {
        id: editor
        x: 900
        width: 500
        height: 520
    }
    ProblemsPanel {
        id: problemsPanel
        x: 900
        y: 520
        width: 500
        height: 280
    }
    // The history stands under the asset tree in the window (EditHistory); here on its own.
    EditHistory {
        id: history
        y: 800
        width: 500
        height: 200
    }
    FileActions { id: actions }
    EditShortcuts {}

    // Hall 60 x 30 m at (50, 50); store 40 x 20 m at (150, 50).
    function miniPark() {
        return JSON.stringify({
            format: "parktwin-park/1", id: "edit", name: { zh: "编辑园区", en: "Edit park" },
            latitude_deg: 29.5, longitude_deg: 106.5, land_area_mu: 100, grid_emission_t_per_mwh: 0.57,
            buildings: [
                { id: "hall", name: { zh: "车间", en: "Hall" }, kind: "plant", position: { x_m: 50, y_m: 50 },
                  width_m: 60, depth_m: 30, height_m: 12 },
                { id: "store", name: { zh: "仓库", en: "Store" }, kind: "warehouse", position: { x_m: 150, y_m: 50 },
                  width_m: 40, depth_m: 20, height_m: 10 }
            ]
        }, null, 2)
    }
    function sceneBuilding(id) { return ParkController.scene.buildings.find(b => b.id === id) }
    // The ground point under a view position, by Qt's projection: park metres.
    function groundAt(x, y) {
        const near = view.view.mapTo3DScene(Qt.vector3d(x, y, 0))
        const far = view.view.mapTo3DScene(Qt.vector3d(x, y, 1))
        const t = near.y / (near.y - far.y)
        return Qt.point(near.x + (far.x - near.x) * t, -(near.z + (far.z - near.z) * t))
    }

    // Where the hall's centre may align with the store (40 x 20 m at 150, 50), by hand: the
    // store's edges and axis (x 130, 150, 170; y 40, 50, 60) less the hall's offsets to its own
    // edges and axis (x -30, 0, 30; y -15, 0, 15).
    readonly property var alignX: [160, 180, 200, 130, 150, 170, 100, 120, 140]
    readonly property var alignY: [55, 65, 75, 40, 50, 60, 25, 35, 45]
    // The nearest alignment within 1.5 m, else the 1 m grid.
    function snappedByHand(wanted, aligns) {
        let best = null
        for (const a of aligns) {
            if (Math.abs(a - wanted) <= 1.5 && (best === null || Math.abs(a - wanted) < Math.abs(best - wanted))) best = a
        }
        return best !== null ? best : Math.round(wanted)
    }

    property string path
    property string original

    TestCase {
        name: "ParkEditor"
        when: windowShown

        function init() {
            top.path = Fixture.writeFile("edit.park.json", top.miniPark())
            verify(ParkDocument.open(top.path))
            // Once through the writer, so the file is in the canonical layout saves produce.
            verify(ParkDocument.save())
            top.original = Fixture.readText(top.path)
            verify(top.original.length > 100)
            ParkEditor.editing = true
            verify(ParkEditor.editing)
            view.flyTo({position: Qt.vector3d(100, 0, -50), radius: 90}, true)
            view.yaw = 0
            view.pitch = 89
            tryVerify(() => view.sceneReady, 5000)
            waitForRendering(view)
        }
        function cleanup() {
            ParkEditor.editing = false
            ParkDocument.resolvePending("cancel")
            ParkController.loadPark(Fixture.beiduPath)
        }

        function test_snapping_by_hand() {
            // x 50.4: no edge or axis of the store within 1.5 m -> grid 50. y 63.8: the hall's
            // south edge (63.8 - 15) comes 1.2 m from the store's axis y 50 -> centre 65.
            const p = ParkEditor.snapped("hall", 50.4, 63.8)
            compare(p.xM, 50)
            compare(p.yM, 65)
            // x 89.3: the hall's east edge (119.3) is 10.7 m from the store's west edge 130: the
            // grid, 89. x 100.8: its east edge 130.8 is 0.8 m from 130 -> centre 100. y 20.2: the
            // nearest alignment (south edge 5.2 on ... centre 25) is 4.8 m away: the grid, 20.
            compare(ParkEditor.snapped("hall", 89.3, 20.2).xM, 89)
            compare(ParkEditor.snapped("hall", 100.8, 20.2).xM, 100)
            compare(ParkEditor.snapped("hall", 100.8, 20.2).yM, 20)
        }

        function test_real_drag_moves_the_building_snapped() {
            const start = view.projectedBuildings().find(b => b.id === "hall")
            verify(start.inFront)
            const from = view.mapFromItem(null, start.x, start.y)
            const to = Qt.point(from.x - 61, from.y + 47)
            const a = top.groundAt(from.x, from.y), b = top.groundAt(to.x, to.y)
            const wanted = Qt.point(50 + b.x - a.x, 50 + b.y - a.y)
            const expected = Qt.point(top.snappedByHand(wanted.x, top.alignX), top.snappedByHand(wanted.y, top.alignY))
            verify(Math.abs(wanted.x - 50) > 3 && Math.abs(wanted.y - 50) > 3)  // really moved
            mousePress(view, from.x, from.y, Qt.LeftButton)
            for (let i = 1; i <= 10; ++i) {
                mouseMove(view, from.x + (to.x - from.x) * i / 10, from.y + (to.y - from.y) * i / 10, -1, Qt.LeftButton)
            }
            mouseRelease(view, to.x, to.y, Qt.LeftButton)
            compare(ParkController.selection.objectId, "hall")
            compare(ParkEditor.building.xM, expected.x)
            compare(ParkEditor.building.yM, expected.y)
            // The scene item: x east, z south.
            compare(top.sceneBuilding("hall").position.x, expected.x)
            compare(top.sceneBuilding("hall").position.z, -expected.y)
            // One drag, one history entry, and the unsaved mark.
            compare(ParkEditor.undoCount, 1)
            verify(ParkDocument.modified)
            verify(actions.windowTitle.startsWith("•"))
            verify(ParkDocument.save())
            compare(Fixture.pythonBuilding(top.path, "hall"), expected.x + " " + expected.y + " 0 12 2")
            // Undone: the saved file is the original, byte for byte.
            verify(ParkEditor.undo())
            verify(ParkDocument.save())
            compare(Fixture.readText(top.path), top.original)
        }

        function test_a_building_moved_onto_another_is_listed_as_an_overlap() {
            const list = findChild(editor, "overlapList")
            verify(!list.visible)
            compare(ParkEditor.overlaps.length, 0)
            // The store (40 x 20) centred at x 95 spans 75..115: 5 m into the hall's 20..80.
            verify(ParkEditor.moveBuilding("store", 95, 50))
            compare(ParkEditor.overlaps.length, 1)
            compare(ParkEditor.overlaps[0].text, "Store and Hall overlap by 5 m")
            tryVerify(() => list.visible)
            const row = findChild(list, "overlapRow")
            compare(row.text, "Store and Hall overlap by 5 m")
            mouseClick(row)
            compare(ParkController.selection.objectId, "store")
            // A shared wall (the store's west edge on the hall's east edge, x 80) is no overlap.
            verify(ParkEditor.moveBuilding("store", 100, 50))
            compare(ParkEditor.overlaps.length, 0)
            verify(!list.visible)
            verify(ParkEditor.undo())
            compare(ParkEditor.overlaps.length, 1)
        }

        function test_rotate_with_keys_and_undo_each() {
            ParkController.selection.select("hall")
            view.forceActiveFocus()
            keyClick(Qt.Key_R)
            compare(ParkEditor.building.rotationDeg, 15)
            keyClick(Qt.Key_R, Qt.ShiftModifier)
            compare(ParkEditor.building.rotationDeg, 16)
            compare(top.sceneBuilding("hall").rotation, 16)
            verify(ParkDocument.save())
            compare(Fixture.pythonBuilding(top.path, "hall"), "50 50 16 12 2")
            compare(ParkEditor.undoCount, 2)
            keyClick(Qt.Key_Z, Qt.ControlModifier)
            compare(ParkEditor.building.rotationDeg, 15)
            keyClick(Qt.Key_Z, Qt.ControlModifier)
            compare(ParkEditor.building.rotationDeg, 0)
            keyClick(Qt.Key_Z, Qt.ControlModifier | Qt.ShiftModifier)
            compare(ParkEditor.building.rotationDeg, 15)
            verify(ParkEditor.undo())
            verify(ParkDocument.save())
            compare(Fixture.readText(top.path), top.original)
        }

        function test_bad_height_in_the_inspector_shows_in_problems() {
            ParkController.selection.select("hall")
            const field = findChild(editor, "heightField")
            verify(field)
            compare(Number(field.text), 12)
            field.text = "0"
            field.editingFinished()
            compare(ParkEditor.building.heightM, 0)
            verify(ParkDocument.problems.length >= 1)
            const p = ParkDocument.problems[0]
            compare(p.path, "/buildings/0/height_m")
            compare(p.message, "expected a positive number, got 0")
            compare(p.objectId, "hall")
            const list = problemsPanel.list
            verify(list.count >= 1)
            list.forceLayout()
            compare(findChild(list.itemAtIndex(0), "problemPath").text, "/buildings/0/height_m")
            // Undone: the problem goes with it.
            verify(ParkDocument.modified)
            verify(ParkEditor.undo())
            compare(ParkDocument.problems.length, 0)
            compare(ParkEditor.building.heightM, 12)
            // Back to what the file holds: the unsaved mark goes too.
            verify(!ParkDocument.modified)
            verify(!actions.windowTitle.startsWith("•"))
        }

        // Nothing invalid is saved without a warning naming the problems: Ctrl+S on a park with
        // a height of 0 asks first and writes nothing; Cancel keeps the file; Save anyway writes it.
        function test_save_with_problems_asks_first() {
            verify(ParkEditor.resize("hall", 60, 30, 0))
            verify(!ParkDocument.save())
            const dialog = actions.problemsDialog
            tryVerify(() => dialog.opened, 2000)
            compare(dialog.count, 1)
            verify(dialog.summary.indexOf("/buildings/0/height_m") === 0, dialog.summary)
            compare(Fixture.readText(top.path), top.original)
            mouseClick(dialog.cancelButton)
            tryVerify(() => !dialog.visible, 2000)
            compare(Fixture.readText(top.path), top.original)
            verify(ParkDocument.modified)
            verify(!ParkDocument.save())
            tryVerify(() => dialog.opened, 2000)
            waitForRendering(dialog.contentItem)
            mouseClick(dialog.saveAnywayButton)
            tryVerify(() => !dialog.visible, 2000)
            verify(Fixture.readText(top.path) !== top.original)
            tryVerify(() => !ParkDocument.modified, 2000)
            // Python's json reads the written height: the park was saved as it stands.
            compare(Fixture.pythonBuilding(top.path, "hall"), "50 50 0 0 2")
            verify(ParkDocument.problems.length >= 1)
        }

        function test_history_list_click_goes_back() {
            verify(ParkEditor.moveBuilding("hall", 10, 10))
            verify(ParkEditor.rotateBy("hall", 15))
            ParkController.selection.select("store")
            verify(ParkEditor.resize("store", 44, 20, 10))
            compare(ParkEditor.history.length, 3)
            compare(ParkEditor.history[0], "Move building Hall")
            const list = findChild(history, "historyList")
            list.forceLayout()
            compare(list.count, 4)
            const row1 = list.itemAtIndex(1)
            mouseClick(row1)
            compare(ParkEditor.undoCount, 1)
            compare(top.sceneBuilding("hall").position.x, 10)
            mouseClick(list.itemAtIndex(0))
            compare(ParkEditor.undoCount, 0)
            verify(ParkDocument.save())
            compare(Fixture.readText(top.path), top.original)
        }

        function test_add_duplicate_delete() {
            const id = ParkEditor.addBuilding("warehouse", 300.4, -20.6)
            compare(id, "warehouse-1")
            compare(ParkController.scene.buildings.length, 3)
            compare(top.sceneBuilding(id).position.x, 300)
            compare(top.sceneBuilding(id).position.z, 21)
            const copy = ParkEditor.duplicate(id)
            verify(copy !== "")
            compare(ParkController.scene.buildings.length, 4)
            verify(ParkEditor.remove("store"))
            compare(ParkController.scene.buildings.length, 3)
            verify(!top.sceneBuilding("store"))
            ParkEditor.undoTo(0)
            compare(ParkController.scene.buildings.length, 2)
        }

        // QA: a new park's palette offered a smelter, and a second Add building landed on the
        // first. The palette starts at the generic workshop; the view centre here is (0, 0).
        // The first new 40 x 30 m building stands there (the hall's wall is 35 m north, over the
        // 10 m gap); the second would be 40 m north, where the hall stands within the gap, so it
        // goes 40 m south: walls 10 m apart, no overlap.
        function test_palette_defaults_to_a_workshop_and_adds_beside_the_last() {
            const palette = findChild(editor, "paletteKind")
            compare(palette.currentText, "workshop")
            const button = findChild(editor, "addBuildingButton")
            mouseClick(button)
            compare(ParkController.scene.buildings.length, 3)
            button.clicked()  // (a second synthetic click in a moment reads as a double click)
            compare(ParkController.scene.buildings.length, 4)
            compare(top.sceneBuilding("workshop-1").position.x, 0)
            compare(top.sceneBuilding("workshop-1").position.z, 0)
            compare(top.sceneBuilding("workshop-2").position.x, 0)
            compare(top.sceneBuilding("workshop-2").position.z, 40)  // scene z is -y
            compare(ParkEditor.overlaps.length, 0)
        }

        function test_presentation_never_edits() {
            ParkController.presenting = true
            verify(!ParkEditor.editing)
            ParkEditor.editing = true
            verify(!ParkEditor.editing)
            verify(!ParkEditor.moveBuilding("hall", 0, 0))
            ParkController.presenting = false
        }
    }
}
