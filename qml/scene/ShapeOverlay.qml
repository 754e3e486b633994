// What the shape tools (ShapeTools.qml) show over the 3D view: the zone or road being drawn up
// to the pointer, the rubber band of a link drag, the handles of the selected zone or road,
// and the link form once a link drag ends on a second object. Drawn in view pixels, projected
// from park metres again whenever the camera or the drawing changes.
import QtQuick
import ParkTwin

Item {
    id: root
    required property Item scene
    required property QtObject tools
    readonly property alias linkForm: linkForm

    Canvas {
        id: canvas
        anchors.fill: parent
        // Repaint on anything a preview depends on.
        readonly property var inputs: [root.scene.cameraRevision, ShapeEditor.draft, ShapeEditor.tool,
                                       root.tools.pointerAt, root.tools.linkFrom]
        onInputsChanged: requestPaint()
        onPaint: {
            const ctx = getContext("2d")
            ctx.reset()
            const points = Array.from(ShapeEditor.draft).map(p => root.tools.project(p.x, p.y))
            if (points.length > 0) {
                if (root.tools.pointerInside) points.push(root.tools.pointerAt)
                ctx.beginPath()
                ctx.moveTo(points[0].x, points[0].y)
                for (const p of points.slice(1)) ctx.lineTo(p.x, p.y)
                if (ShapeEditor.tool === "zone") {
                    ctx.closePath()
                    ctx.fillStyle = "rgba(255, 170, 0, 0.25)"
                    ctx.fill()
                }
                ctx.lineWidth = 2
                ctx.strokeStyle = "#ff8c00"
                ctx.stroke()
            }
            if (root.tools.linkFrom !== "") {
                ctx.beginPath()
                ctx.moveTo(root.tools.linkStart.x, root.tools.linkStart.y)
                ctx.lineTo(root.tools.pointerAt.x, root.tools.pointerAt.y)
                ctx.lineWidth = 3
                ctx.strokeStyle = "#1f78d1"
                ctx.stroke()
            }
        }
    }

    Repeater {
        model: ParkEditor.editing ? ShapeEditor.handles : []
        Rectangle {
            required property var modelData
            required property int index
            objectName: "shapeHandle"
            readonly property point at: root.scene.cameraRevision >= 0 ? root.tools.project(modelData.xM, modelData.yM) : Qt.point(0, 0)
            x: at.x - width / 2
            y: at.y - height / 2
            width: 12
            height: 12
            radius: 2
            color: root.tools.handleIndex === index ? "#ff8c00" : "white"
            border.color: "#1f3347"
            border.width: 2
        }
    }

    LinkForm {
        id: linkForm
        parent: root
        anchors.centerIn: parent
    }
    Connections {
        target: root.tools
        function onLinkRequested(from, to) { linkForm.ask(from, to) }
    }

    Shortcut {
        sequences: ["Return", "Enter"]
        enabled: ParkEditor.editing && ShapeEditor.draft.length > 0
        onActivated: ShapeEditor.finishDraft()
    }
    Shortcut {
        sequence: "Esc"
        enabled: ParkEditor.editing && ShapeEditor.tool !== ""
        onActivated: ShapeEditor.draft.length > 0 ? ShapeEditor.cancelDraft() : ShapeEditor.tool = ""
    }
    Shortcut {
        sequence: "Delete"
        enabled: ParkEditor.editing && ShapeEditor.shape.id !== undefined
        onActivated: ShapeEditor.removeSelected()
    }
}
