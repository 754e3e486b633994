// Edit mode's handles on the selected building, drawn over the 3D view: a rotate handle out
// from the building's north edge (its local +y side), and width and depth handles on the
// middles of its four edges. A drag turns the building to face the pointer or resizes it
// about its centre (1 m and 1° steps; Shift: 0.1 m and 0.1°); the steps of one drag make one
// history entry (ParkEditor.dragRotation / dragSize, then endDrag).
import QtQuick
import ParkTwin

Item {
    id: root
    required property Item scene  // the ParkView
    readonly property var building: ParkEditor.building
    readonly property bool active: ParkEditor.editing && building.id !== undefined
    // Screen points (this item's coordinates), re-projected after every camera move or edit;
    // later in the event loop, as LabelLayer does, once the camera's nodes have followed.
    property var frame: null
    function relayout() { frame = active ? project(building) : null }
    onBuildingChanged: Qt.callLater(relayout)
    onActiveChanged: Qt.callLater(relayout)
    onWidthChanged: Qt.callLater(relayout)
    onHeightChanged: Qt.callLater(relayout)
    Connections {
        target: root.scene
        function onCameraRevisionChanged() { Qt.callLater(root.relayout) }
    }
    readonly property real rotateStandoffPx: 34
    // Each size handle sits just outside its edge, so a small building (a new 40 × 30 m hall at
    // the whole park's zoom) keeps its middle free to be grabbed and moved (QA: four handles on
    // its edges covered it).
    readonly property real edgeStandoffPx: 10

    // Park metres (x east, y north) at height hM to this item's coordinates; the scene's z is
    // -north. The handles sit on the roof's edges, where the eye sees the building's outline.
    function toScreen(xM, yM, hM) {
        const p = scene.view.mapFrom3DScene(Qt.vector3d(xM, hM, -yM))
        return scene.view.mapToItem(root, p.x, p.y)
    }
    // Where the ray through a screen point meets the roof's plane, park metres (null if never).
    function roofPointAt(x, y) {
        const v = root.mapToItem(scene.view, x, y)
        const near = scene.view.mapTo3DScene(Qt.vector3d(v.x, v.y, 0))
        const far = scene.view.mapTo3DScene(Qt.vector3d(v.x, v.y, 1))
        if (Math.abs(near.y - far.y) < 1e-6) return null
        const t = (near.y - building.heightM) / (near.y - far.y)
        return Qt.point(near.x + (far.x - near.x) * t, -(near.z + (far.z - near.z) * t))
    }
    function project(b) {
        const r = b.rotationDeg * Math.PI / 180
        const ux = Qt.point(Math.cos(r), Math.sin(r)), uy = Qt.point(-Math.sin(r), Math.cos(r))
        const at = (a, c) => toScreen(b.xM + ux.x * a + uy.x * c, b.yM + ux.y * a + uy.y * c, b.heightM)
        const centre = at(0, 0)
        // `px` further out from the centre than the screen point p.
        const beyond = (p, px) => {
            const dx = p.x - centre.x, dy = p.y - centre.y, len = Math.max(1, Math.hypot(dx, dy))
            return Qt.point(p.x + dx / len * px, p.y + dy / len * px)
        }
        const edges = {east: at(b.widthM / 2, 0), west: at(-b.widthM / 2, 0), north: at(0, b.depthM / 2),
                       south: at(0, -b.depthM / 2)}
        const handles = {}
        for (const side in edges) handles[side] = beyond(edges[side], edgeStandoffPx)
        return {edges: edges, handles: handles, rotate: beyond(edges.north, rotateStandoffPx)}
    }
    function step(value, modifiers) {
        const unit = (modifiers & Qt.ShiftModifier) ? 0.1 : 1
        return Math.round(value / unit) * unit
    }
    // The handle's local +y side faces the pointer: the building's rotation is the pointer's
    // bearing from the centre less 90°.
    function rotateTowards(x, y, modifiers) {
        const g = roofPointAt(x, y)
        if (g === null) return
        const bearing = Math.atan2(g.y - building.yM, g.x - building.xM) * 180 / Math.PI
        ParkEditor.dragRotation(building.id, step(bearing - 90, modifiers))
    }
    // Twice the pointer's distance from the centre along the handle's axis, at least 1 m.
    function resizeTowards(axis, x, y, modifiers) {
        const g = roofPointAt(x, y)
        if (g === null) return
        const r = building.rotationDeg * Math.PI / 180
        const dx = g.x - building.xM, dy = g.y - building.yM
        const along = axis === "width" ? dx * Math.cos(r) + dy * Math.sin(r) : -dx * Math.sin(r) + dy * Math.cos(r)
        const size = Math.max(1, step(2 * Math.abs(along), modifiers))
        if (axis === "width") ParkEditor.dragSize(building.id, size, building.depthM)
        else ParkEditor.dragSize(building.id, building.widthM, size)
    }

    component Handle: Rectangle {
        id: handle
        property string side  // "east", "west", "north", "south"; "" for the rotate handle
        readonly property point at: !root.frame ? Qt.point(0, 0) : side === "" ? root.frame.rotate : root.frame.handles[side]
        // The edge it moves: the pointer's offset from it at the press is kept through the drag,
        // so grabbing the handle (out from the edge) does not jump the size by that offset.
        readonly property point edge: !root.frame || side === "" ? at : root.frame.edges[side]
        property point grab: Qt.point(0, 0)
        readonly property string axis: side === "" ? "rotate" : side === "east" || side === "west" ? "width" : "depth"
        visible: root.frame !== null
        x: at.x - width / 2
        y: at.y - height / 2
        width: 14
        height: 14
        radius: axis === "rotate" ? 7 : 2
        color: area.pressed ? "#ffb000" : (axis === "rotate" ? "#2f80ed" : "white")
        border.color: "#1f3347"
        border.width: 2
        MouseArea {
            id: area
            anchors.fill: parent
            anchors.margins: -4  // a little more than the dot to grab
            preventStealing: true
            cursorShape: handle.axis === "rotate" ? Qt.CrossCursor : (handle.axis === "width" ? Qt.SizeHorCursor : Qt.SizeVerCursor)
            onPressed: (event) => {
                const p = mapToItem(root, event.x, event.y)
                handle.grab = Qt.point(p.x - handle.edge.x, p.y - handle.edge.y)
            }
            onPositionChanged: (event) => {
                const p = mapToItem(root, event.x - handle.grab.x, event.y - handle.grab.y)
                if (handle.axis === "rotate") root.rotateTowards(p.x, p.y, event.modifiers)
                else root.resizeTowards(handle.axis, p.x, p.y, event.modifiers)
            }
            onReleased: ParkEditor.endDrag()
            onCanceled: ParkEditor.endDrag()
        }
    }

    Rectangle {  // the rotate handle's stem, from the north edge
        visible: root.frame !== null
        readonly property point from: root.frame ? root.frame.edges.north : Qt.point(0, 0)
        readonly property point to: root.frame ? root.frame.rotate : Qt.point(0, 0)
        x: from.x
        y: from.y - height / 2
        width: Math.hypot(to.x - from.x, to.y - from.y)
        height: 2
        color: "#2f80ed"
        transformOrigin: Item.Left
        rotation: Math.atan2(to.y - from.y, to.x - from.x) * 180 / Math.PI
    }
    Handle { objectName: "rotateHandle"; side: "" }
    Handle { objectName: "widthHandleEast"; side: "east" }
    Handle { objectName: "widthHandleWest"; side: "west" }
    Handle { objectName: "depthHandleNorth"; side: "north" }
    Handle { objectName: "depthHandleSouth"; side: "south" }
}
