// Edit mode's pointer tools over the 3D view (ShapeEditor.tool): "zone" and "road" add a point
// per click (1 m grid; Shift: no snapping), a double-click or Enter finishes, Esc cancels;
// "link" presses on one object and releases on another, then asks product or carrier
// (linkRequested). With no tool, a press near a handle of the selected zone or road drags that
// vertex (one history entry per drag), and a click on bare ground selects the zone or road
// there. ScenePointer calls press / move / release / click / finish; true means "mine".
import QtQuick
import ParkTwin

QtObject {
    id: root
    required property Item scene        // the ParkView
    required property QtObject dragger  // BuildingDragger: its groundAt
    property int handleIndex: -1        // the handle being dragged
    property string linkFrom: ""        // the object a link drag started on
    property point linkStart            // where it started, view pixels
    property point pointerAt            // the pointer, view pixels (previews)
    property bool pointerInside: false
    // The release that ends a double-click comes after it: it must not start a new drawing.
    property bool justFinished: false
    readonly property bool active: ParkEditor.editing
    // No tool in use: a press on a building drags it (BuildingDragger), not while drawing.
    readonly property bool idle: ShapeEditor.tool === ""
    signal linkRequested(string from, string to)

    // Park metres to view pixels (x east, y north; the scene's z is south).
    function project(xM, yM) {
        const p = scene.view.mapFrom3DScene(Qt.vector3d(xM, 0, -yM))
        return Qt.point(p.x, p.y)
    }
    function handleAt(x, y) {
        const handles = ShapeEditor.handles
        for (let i = 0; i < handles.length; ++i) {
            const p = project(handles[i].xM, handles[i].yM)
            if (Math.abs(p.x - x) <= 9 && Math.abs(p.y - y) <= 9) return i
        }
        return -1
    }
    function press(x, y) {
        if (!active) return false
        if (ShapeEditor.tool === "link") {
            linkFrom = LinkEditor.endpointOf(scene.objectAt(x, y))
            linkStart = Qt.point(x, y)
            pointerAt = linkStart
            return linkFrom !== ""
        }
        if (ShapeEditor.tool !== "") return false  // drawing: a drag still turns the camera
        handleIndex = handleAt(x, y)
        return handleIndex >= 0
    }
    function move(x, y, modifiers) {
        // Only previews follow the pointer (each change repaints the overlay).
        if (ShapeEditor.draft.length > 0 || linkFrom !== "") {
            pointerAt = Qt.point(x, y)
            pointerInside = true
        }
        if (handleIndex < 0) return linkFrom !== ""
        const g = dragger.groundAt(x, y)
        if (g !== null) ShapeEditor.dragHandle(handleIndex, g.x, g.y, !(modifiers & Qt.ShiftModifier))
        return true
    }
    function release(x, y) {
        if (handleIndex >= 0) {
            ShapeEditor.endDrag()
            handleIndex = -1
            return true
        }
        if (linkFrom === "") return false
        const to = LinkEditor.endpointOf(scene.objectAt(x, y))
        const from = linkFrom
        linkFrom = ""
        if (to !== "" && to !== from) linkRequested(from, to)
        return true
    }
    // A click without a drag: a point of the drawing, or the zone or road on bare ground.
    function click(x, y, modifiers) {
        if (!active) return false
        const tool = ShapeEditor.tool
        if (tool === "zone" || tool === "road") {
            if (justFinished) {
                justFinished = false
                return true
            }
            const g = dragger.groundAt(x, y)
            if (g !== null) ShapeEditor.addDraftPoint(g.x, g.y, !(modifiers & Qt.ShiftModifier))
            pointerAt = Qt.point(x, y)
            pointerInside = true
            return true
        }
        if (tool !== "" || scene.objectAt(x, y) !== "") return false
        const g = dragger.groundAt(x, y)
        return g !== null && ShapeEditor.selectAt(g.x, g.y) !== ""
    }
    function finish() {
        if (!active || ShapeEditor.draft.length === 0) return false
        ShapeEditor.finishDraft()
        justFinished = true
        return true
    }
}
