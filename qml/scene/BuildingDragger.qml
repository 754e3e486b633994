// Edit mode's drag of a building on the ground (ParkEditor): a press on a building grabs it
// where the pointer holds it; each move asks the editor for the snapped place (Shift: no
// snapping); the release ends the drag, one history entry. The scene follows the park.
import QtQuick
import ParkTwin

QtObject {
    id: root
    required property Item scene  // the ParkView
    property string buildingId: ""
    property point grab  // building centre minus the ground point pressed, park metres
    readonly property bool dragging: buildingId !== ""

    // Where the ray through a view position meets the ground, in park metres (x east, y north).
    function groundAt(x, y) {
        const near = scene.view.mapTo3DScene(Qt.vector3d(x, y, 0))
        const far = scene.view.mapTo3DScene(Qt.vector3d(x, y, 1))
        if (Math.abs(near.y - far.y) < 1e-6) return null
        const t = near.y / (near.y - far.y)
        return Qt.point(near.x + (far.x - near.x) * t, -(near.z + (far.z - near.z) * t))
    }
    function buildingAt(x, y) {
        const hit = scene.view.pick(x, y)
        const id = hit.objectHit && hit.objectHit.objectId !== undefined ? hit.objectHit.objectId : ""
        return ParkController.scene.buildings.some(b => b.id === id) ? id : ""
    }
    // True when the press grabbed a building (the pointer then drags it, not the camera).
    function begin(x, y) {
        if (!ParkEditor.editing) return false
        const id = buildingAt(x, y)
        const ground = groundAt(x, y)
        if (id === "" || ground === null) return false
        ParkController.selection.select(id)
        const b = ParkEditor.building
        grab = Qt.point(b.xM - ground.x, b.yM - ground.y)
        buildingId = id
        return true
    }
    function move(x, y, modifiers) {
        const ground = groundAt(x, y)
        if (!dragging || ground === null) return
        ParkEditor.dragTo(buildingId, ground.x + grab.x, ground.y + grab.y, !(modifiers & Qt.ShiftModifier))
    }
    function end() {
        if (!dragging) return
        ParkEditor.endDrag()
        buildingId = ""
    }
}
