// Screen-space labels over the 3D view: always upright and readable at any zoom. Labels are
// placed by priority (bigger buildings first) and a label that would overlap one already
// placed is hidden until the camera moves closer.
import QtQuick
import ParkTwin

Item {
    id: root
    required property var view
    property int revision: 0
    // Items drawn over the view (KPI cards, compass, a tour's call-outs): no label goes under one.
    property var keepOut: []
    clip: true

    // Read once per park or language, not per frame: the layout runs on every camera move.
    readonly property var labels: ParkController.scene.labels
    readonly property var order: labels.map((l, i) => i).sort((a, b) => labels[b].priority - labels[a].priority)
    readonly property var widths: labels.map(l => metrics.advanceWidth(l.text) + 16)

    onRevisionChanged: Qt.callLater(layout)
    onWidthChanged: Qt.callLater(layout)
    onVisibleChanged: Qt.callLater(layout)
    onLabelsChanged: Qt.callLater(layout)
    onKeepOutChanged: Qt.callLater(layout)
    Component.onCompleted: Qt.callLater(layout)

    // Moves the label items directly: rebinding every delegate each frame costs more than drawing.
    function layout() {
        if (!visible || repeater.count !== labels.length) return
        const h = 22
        const placed = keepOut.filter(o => o && o.visible && o.width > 0).map(o => {
            const p = o.mapToItem(root, 0, 0)
            return {x: p.x, y: p.y, w: o.width, h: o.height}
        })
        for (const i of order) {
            const item = repeater.itemAt(i)
            const p = view.mapFrom3DScene(labels[i].position)
            const w = widths[i]
            // A label whose point is in view is kept in view: slid in from the edge rather than
            // hidden, so a fitted park's outermost buildings and externals stay named.
            const x = Math.max(0, Math.min(p.x - w / 2, width - w)), y = Math.max(0, p.y - h - 6)
            const onScreen = p.z > 0 && p.x >= 0 && p.x <= width && p.y >= 0 && y + h <= height
            const free = onScreen && placed.every(o => x + w + 4 < o.x || o.x + o.w + 4 < x
                                                     || y + h + 2 < o.y || o.y + o.h + 2 < y)
            if (free) placed.push({x: x, y: y, w: w, h: h})
            item.x = x
            item.y = y
            item.width = w
            item.visible = free
        }
    }

    FontMetrics { id: metrics; font.pixelSize: 12 }

    Repeater {
        id: repeater
        // A count, not the list: a drag step gives new label positions, not new label items.
        model: root.labels.length
        onCountChanged: Qt.callLater(root.layout)
        Rectangle {
            required property int index
            readonly property var modelData: root.labels[index] || ({id: "", text: "", planned: false})
            readonly property string objectId: modelData.id
            readonly property alias text: caption.text
            visible: false
            height: 22
            radius: 4
            color: modelData.planned ? "#e6fff8e1" : "#e6ffffff"
            border.color: ParkController.selection.objectId === modelData.id ? "#e8a200" : "#8095a5"
            border.width: ParkController.selection.objectId === modelData.id ? 2 : 1
            Text {
                id: caption
                anchors.centerIn: parent
                text: modelData.text
                font.pixelSize: 12
                font.italic: modelData.planned
                color: "#1b2733"
            }
            // Leader line from the label down to the object.
            Rectangle {
                width: 1; height: 6
                anchors { top: parent.bottom; horizontalCenter: parent.horizontalCenter }
                color: "#8095a5"
            }
            MouseArea {
                anchors.fill: parent
                onClicked: ParkController.selection.select(modelData.id)
            }
        }
    }
}
