// The pointer over the 3D view: drag to orbit, right-drag or shift-drag to pan, wheel to zoom,
// click to pick, and a tooltip naming what the pointer rests on.
import QtQuick
import ParkTwin
import "camera_fit.js" as CameraFit

Item {
    id: root
    required property Item scene  // the ParkView it steers
    readonly property alias dragger: dragger
    readonly property alias tools: tools
    BuildingDragger { id: dragger; scene: root.scene }
    ShapeTools { id: tools; scene: root.scene; dragger: dragger }
    ShapeOverlay { anchors.fill: parent; scene: root.scene; tools: tools }

    MouseArea {
        anchors.fill: parent
        acceptedButtons: Qt.LeftButton | Qt.RightButton
        hoverEnabled: true
        property point last
        property point pressedAt
        property bool panning: false
        onPressed: (event) => {
            last = Qt.point(event.x, event.y)
            pressedAt = last
            panning = event.button === Qt.RightButton || (event.modifiers & Qt.ShiftModifier)
            scene.stopMotion()
            scene.forceActiveFocus()
            if (event.button === Qt.LeftButton && !tools.press(event.x, event.y) && tools.idle) dragger.begin(event.x, event.y)
        }
        onPositionChanged: (event) => {
            if (tools.move(event.x, event.y, event.modifiers)) return
            if (!pressed) {
                // Qt re-delivers hover at the same position on frames where the scene moves
                // (a replay, moving flows): only a real move restarts the tooltip's wait.
                if (event.x === hover.at.x && event.y === hover.at.y && (hover.running || tooltip.visible)) return
                hover.waitAt(event.x, event.y)
                return
            }
            tooltip.visible = false
            if (dragger.dragging) return dragger.move(event.x, event.y, event.modifiers)
            const dx = event.x - last.x, dy = event.y - last.y
            last = Qt.point(event.x, event.y)
            if (panning) {
                // The ground under the pointer follows it: a pixel across is metresPerPixel at
                // the target, a pixel up is that over sin(pitch) along the tilted ground.
                const a = CameraFit.axes(scene.yaw, scene.pitch)
                const up = a.ahead.times(dy / Math.max(0.2, a.sinPitch))
                scene.target = scene.target.minus(a.right.times(dx).minus(up).times(scene.metresPerPixel()))
            } else {
                scene.yaw -= dx * 0.3
                scene.pitch = Math.max(8, Math.min(89, scene.pitch + dy * 0.2))
            }
        }
        onReleased: (event) => {
            if (tools.release(event.x, event.y)) return
            dragger.end()
            if (Math.abs(event.x - pressedAt.x) + Math.abs(event.y - pressedAt.y) < 4 && event.button === Qt.LeftButton
                && !tools.click(event.x, event.y, event.modifiers)) {
                scene.objectPicked(scene.objectAt(event.x, event.y))
            }
        }
        onDoubleClicked: tools.finish()
        // Entering delivers no position change: a pointer that comes in from a panel in one move
        // and rests would otherwise never get its tooltip.
        onEntered: hover.waitAt(mouseX, mouseY)
        onExited: { hover.stop(); tooltip.visible = false }
        onWheel: (event) => {
            scene.stopMotion()
            scene.distance = Math.max(30, Math.min(20000, scene.distance * Math.pow(1.0015, -event.angleDelta.y)))
        }
    }

    // Hover: what is under the pointer, once it rests for a moment (picking is not free).
    Timer {
        id: hover
        property point at
        interval: 120
        function waitAt(x, y) {
            at = Qt.point(x, y)
            restart()
        }
        onTriggered: {
            const id = ParkController.presenting ? "" : scene.objectAt(at.x, at.y)
            tooltip.text = ParkController.selection.describe(id)
            tooltip.x = Math.min(at.x + 14, root.width - tooltip.width - 4)
            tooltip.y = Math.max(4, at.y - tooltip.height - 8)
            tooltip.visible = id !== ""
        }
    }
    // Drawn by the view itself, over its labels and other overlays, which come after this item
    // (QA: a building's label covered the tooltip). The view and this item share their geometry.
    Rectangle {
        id: tooltip
        property alias text: tooltipText.text
        parent: root.scene
        visible: false
        z: 1000
        width: tooltipText.implicitWidth + 16
        height: tooltipText.implicitHeight + 10
        radius: 4
        color: "#1f3347"  // opaque: a label under it must not show through
        Text {
            id: tooltipText
            objectName: "hoverTooltip"
            anchors.centerIn: parent
            color: "white"
            font.pixelSize: 12
        }
    }
}
