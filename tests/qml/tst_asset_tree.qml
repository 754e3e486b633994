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
        onActivated: (objectId) => ParkController.select(objectId)
    }
    ParkView {
        id: parkView
        x: 320
        width: parent.width - 320
        height: parent.height
        onObjectPicked: (objectId) => ParkController.select(objectId)
    }

    function rowItem(objectId) {
        // Delegates that TreeView has created for visible rows.
        const items = panel.tree.contentItem.children
        for (let i = 0; i < items.length; ++i) {
            if (items[i].model !== undefined && items[i].model.objectId === objectId && items[i].visible) return items[i]
        }
        return null
    }

    TestCase {
        name: "AssetTree"
        when: windowShown

        function init() { ParkController.select("") }

        function test_clicking_a_row_selects_the_enterprise() {
            tryVerify(() => rowItem("youlisen") !== null, 5000, "Youlisen row is shown at the first level")
            const row = rowItem("youlisen")
            mouseClick(row, 40, row.height / 2)
            compare(ParkController.selectedId, "youlisen")
            compare(ParkController.selectedType, "enterprise")
            compare(ParkController.selectedName, "Youlisen Auto Tech")
            verify(ParkController.inspector.some(r => r.value === "120 mu"), "inspector shows the land area")
        }

        function test_selecting_a_machine_group_expands_the_tree_to_it() {
            verify(rowItem("potline-2-pots") === null, "pots start hidden in a collapsed branch")
            ParkController.select("potline-2-pots")
            tryVerify(() => rowItem("potline-2-pots") !== null, 5000, "tree expanded down to the pots")
            verify(rowItem("potline-2-pots").highlighted, "the row is highlighted")
            compare(ParkController.selectedBuilding, "potroom-2")
        }

        function test_clicking_a_building_on_screen_picks_it() {
            parkView.fitPark(true)
            const casthouse = ParkController.buildings.find(b => b.id === "casthouse")
            let point
            // The camera's new placement reaches the 3D scene on the next sync: wait until the
            // casthouse's projected centre is what a ray through that pixel hits.
            tryVerify(() => {
                point = parkView.view.mapFrom3DScene(Qt.vector3d(casthouse.position.x, casthouse.size.y * 0.5, casthouse.position.z))
                const hit = parkView.view.pick(point.x, point.y)
                return point.z > 0 && hit.objectHit !== null && hit.objectHit.objectId === "casthouse"
            }, 5000, "casthouse is in front of the camera")
            mouseClick(parkView, point.x, point.y)
            compare(ParkController.selectedId, "casthouse")
            compare(ParkController.selectedName, "Qineng casthouse")
        }

        function test_clicking_empty_ground_clears_the_selection() {
            ParkController.select("casthouse")
            parkView.fitPark(true)
            mouseClick(parkView, 5, parkView.height - 5)
            compare(ParkController.selectedId, "")
        }
    }
}
