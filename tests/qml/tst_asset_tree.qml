// The asset tree and the 3D view select the same objects: clicking a tree row selects it,
// selecting in the scene expands the tree to the object, and clicking a building on screen
// picks it.
import QtQuick
import QtQuick.Controls
import QtTest
import ParkTwin

Item {
    id: root
    width: 1400
    height: 800

    AssetTreePanel {
        id: panel
        width: 320
        height: parent.height
        onActivated: (objectId) => ParkController.selection.select(objectId)
    }
    ParkView {
        id: parkView
        x: 320
        width: parent.width - 320
        height: parent.height
        onObjectPicked: (objectId) => ParkController.selection.select(objectId)
    }

    function rowItem(objectId) {
        // The delegate TreeView shows for the object's row, if that row is expanded and laid out.
        const index = ParkController.assetTree.indexOfObject(objectId)
        if (!index.valid) return null
        const cell = panel.tree.cellAtIndex(index)
        return cell.y < 0 ? null : panel.tree.itemAtCell(cell)
    }

    TestCase {
        name: "AssetTree"
        when: windowShown

        function init() { ParkController.selection.select("") }

        function underALabel(point) {
            const labels = findChild(parkView, "labelLayer").children
            for (let i = 0; i < labels.length; ++i) {
                const l = labels[i]
                if (l.visible && point.x >= l.x && point.x <= l.x + l.width && point.y >= l.y && point.y <= l.y + l.height)
                    return true
            }
            return false
        }

        function test_clicking_a_row_selects_the_enterprise() {
            tryVerify(() => rowItem("youlisen") !== null, 15000, "Youlisen row is shown at the first level")
            const row = rowItem("youlisen")
            mouseClick(row, 40, row.height / 2)
            compare(ParkController.selection.objectId, "youlisen")
            compare(ParkController.selection.type, "enterprise")
            compare(ParkController.selection.name, "Youlisen Auto Tech")
            verify(ParkController.selection.inspector.some(r => r.value === "120 mu"), "inspector shows the land area")
        }

        function test_inspector_shows_a_lines_share_of_the_flows() {
            // Youlisen's chassis line casts 30,000 t/yr (park file), all of it from molten metal
            // in the average year: 30,000 t x 300 yuan/t = 9.0 M yuan of remelting avoided.
            ParkController.selection.select("youlisen-chassis")
            const rows = ParkController.selection.inspector
            const value = (label) => (rows.find(r => r.label === label) || {value: ""}).value
            verify(/saves 9\.0 M yuan$/.test(value("Molten aluminium direct")), JSON.stringify(rows))
            compare(value("Utilisation"), "100 %")
            verify(/ kWh\/t$/.test(value("Energy per t of its material")), JSON.stringify(rows))
            ParkController.selection.select("qineng")
            verify(/^3\d\d,\d\d\d t\/yr$/.test(ParkController.selection.inspector.find(r => r.label === "Material entering (avg. year)").value),
                   "the smelter's 340 kt/yr, less what the holding furnaces round off: " + JSON.stringify(ParkController.selection.inspector))
        }

        function test_selecting_a_machine_group_expands_the_tree_to_it() {
            verify(rowItem("potline-2-pots") === null, "pots start hidden in a collapsed branch")
            ParkController.selection.select("potline-2-pots")
            tryVerify(() => rowItem("potline-2-pots") !== null, 15000, "tree expanded down to the pots")
            verify(rowItem("potline-2-pots").highlighted, "the row is highlighted")
            compare(ParkController.selection.building, "potroom-2")
        }

        function test_clicking_a_building_on_screen_picks_it() {
            parkView.fitPark(true)
            const casthouse = ParkController.scene.buildings.find(b => b.id === "casthouse")
            let point
            // The camera's new placement reaches the 3D scene on the next sync: wait until the
            // casthouse's projected centre is what a ray through that pixel hits.
            tryVerify(() => {
                point = parkView.view.mapFrom3DScene(Qt.vector3d(casthouse.position.x, casthouse.size.y * 0.5, casthouse.position.z))
                const hit = parkView.view.pick(point.x, point.y)
                return point.z > 0 && hit.objectHit !== null && hit.objectHit.objectId === "casthouse"
            }, 15000, "casthouse is in front of the camera")
            mouseClick(parkView, point.x, point.y)
            compare(ParkController.selection.objectId, "casthouse")
            compare(ParkController.selection.name, "Qineng casthouse")
        }

        function test_clicking_a_machine_selects_its_group() {
            // From the park file: press of extrusion line 1 sits at offset (-82, 0) in the
            // hall at (380, 520); it is 6 m high. Scene frame: x east, y up, z south.
            ParkController.selection.select("")
            parkView.flyTo(ParkController.selection.focusOf("xinlv-extrusion"), true)
            // A point along the press (8 x 40 m) that no scene label covers: labels take clicks.
            let point
            tryVerify(() => {
                for (const along of [0, -12, 12, -6, 6, -18, 18]) {
                    point = parkView.view.mapFrom3DScene(Qt.vector3d(380 - 82, 5.5, -520 + along))
                    if (point.z > 0 && !underALabel(point) && parkView.objectAt(point.x, point.y) === "xinlv-extrusion-1-press")
                        return true
                }
                return false
            }, 15000, "the press is under its projected position")
            mouseClick(parkView, point.x, point.y)
            compare(ParkController.selection.objectId, "xinlv-extrusion-1-press")
            compare(ParkController.selection.type, "machines")
            compare(ParkController.selection.name, "Line 1 press")
            compare(ParkController.selection.building, "xinlv-extrusion")
        }

        function test_hovering_a_building_names_it() {
            parkView.fitPark(true)
            const casthouse = ParkController.scene.buildings.find(b => b.id === "casthouse")
            let point
            tryVerify(() => {
                point = parkView.view.mapFrom3DScene(Qt.vector3d(casthouse.position.x, casthouse.size.y * 0.5, casthouse.position.z))
                return parkView.objectAt(point.x, point.y) !== ""
            }, 15000)
            // In from the tree panel in one move, then resting: entering the view is the only
            // event the view gets (this once showed no tooltip).
            mouseMove(panel, panel.width / 2, panel.height / 2)
            mouseMove(parkView, point.x, point.y)
            const tip = findChild(parkView, "hoverTooltip")
            tryVerify(() => tip.parent.visible, 15000, "tooltip shown after the pointer rests")
            // Picked now, not before the move: a pick reads the last frame drawn.
            const expected = parkView.objectAt(point.x, point.y)  // the casthouse or a machine inside it
            compare(tip.text, ParkController.selection.describe(expected))
            verify(tip.text.indexOf(expected === "casthouse" ? "Qineng casthouse" : "\n") >= 0, tip.text)
            mouseMove(parkView, 2, parkView.height - 2)
            tryVerify(() => !tip.parent.visible, 15000, "no tooltip over empty ground")
        }

        // Whether Qt paints item `a` over item `b` (Item.z: among siblings the higher z is drawn
        // later, at equal z the later child): compared where their lines of parents meet.
        function paintsAbove(a, b) {
            const line = (item) => { const out = []; for (let i = item; i; i = i.parent) out.unshift(i); return out }
            const la = line(a), lb = line(b)
            let k = 0
            while (k < la.length && k < lb.length && la[k] === lb[k]) ++k
            verify(k > 0 && k < la.length && k < lb.length, "neither holds the other")
            const sa = la[k], sb = lb[k], siblings = la[k - 1].children
            if (sa.z !== sb.z) return sa.z > sb.z
            return Array.prototype.indexOf.call(siblings, sa) > Array.prototype.indexOf.call(siblings, sb)
        }

        // QA pass 4, Q13: the tooltip naming a building was drawn under another building's label.
        function test_the_hover_tooltip_is_drawn_over_the_labels() {
            const tip = findChild(parkView, "hoverTooltip").parent
            verify(paintsAbove(tip, findChild(parkView, "labelLayer")), "the tooltip is painted after the labels")
            verify(paintsAbove(tip, findChild(parkView, "compass")), "and after the view's other overlays")
        }

        function test_switching_language_changes_visible_labels() {
            tryVerify(() => rowItem("youlisen") !== null, 15000)
            const rowText = () => rowItem("youlisen") !== null ? rowItem("youlisen").contentItem.text : ""
            tryVerify(() => rowText() === "Youlisen Auto Tech", 15000, rowText())
            ParkController.language = "zh"
            tryVerify(() => rowText() === "重庆友利森汽车科技", 15000, rowText())
            // A string from Qt Linguist (assets/i18n/parktwin_zh_CN.ts):
            ParkController.selection.select("youlisen")
            verify(ParkController.selection.inspector.some(r => r.label === "用地面积" && r.value === "120 亩"),
                   JSON.stringify(ParkController.selection.inspector))
            ParkController.language = "en"
            tryVerify(() => rowText() === "Youlisen Auto Tech", 15000, rowText())
        }

        function test_clicking_empty_ground_clears_the_selection() {
            ParkController.selection.select("casthouse")
            parkView.fitPark(true)
            mouseClick(parkView, 5, parkView.height - 5)
            compare(ParkController.selection.objectId, "")
        }
    }
}
