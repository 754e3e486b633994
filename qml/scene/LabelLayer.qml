// Screen-space labels over the 3D view: always upright and readable at any zoom. Labels are
// placed by priority (bigger buildings first) and a label that would overlap one already
// placed is hidden until the camera moves closer.
import QtQuick
import ParkTwin

Item {
    id: root
    required property var view
    property int revision: 0
    property var placements: []
    clip: true

    onRevisionChanged: Qt.callLater(layout)
    onWidthChanged: Qt.callLater(layout)
    Component.onCompleted: Qt.callLater(layout)

    function layout() {
        const labels = ParkController.labels
        const order = labels.map((l, i) => i).sort((a, b) => labels[b].priority - labels[a].priority)
        const placed = []
        const result = new Array(labels.length)
        for (const i of order) {
            const p = view.mapFrom3DScene(labels[i].position)
            const w = metrics.advanceWidth(labels[i].text) + 16, h = 22
            const rect = {x: p.x - w / 2, y: p.y - h - 6, w: w, h: h}
            const onScreen = p.z > 0 && rect.x >= 0 && rect.y >= 0 && rect.x + w <= width && rect.y + h <= height
            const free = placed.every(o => rect.x + rect.w + 4 < o.x || o.x + o.w + 4 < rect.x
                                         || rect.y + rect.h + 2 < o.y || o.y + o.h + 2 < rect.y)
            const visible = onScreen && free
            if (visible) placed.push(rect)
            result[i] = {x: rect.x, y: rect.y, w: w, visible: visible}
        }
        placements = result
    }

    FontMetrics { id: metrics; font.pixelSize: 12 }

    Repeater {
        model: ParkController.labels
        Rectangle {
            readonly property var placement: root.placements[index]
            visible: placement !== undefined && placement.visible
            x: placement ? placement.x : 0
            y: placement ? placement.y : 0
            width: placement ? placement.w : 0
            height: 22
            radius: 4
            color: modelData.planned ? "#e6fff8e1" : "#e6ffffff"
            border.color: ParkController.selectedId === modelData.id ? "#e8a200" : "#8095a5"
            border.width: ParkController.selectedId === modelData.id ? 2 : 1
            Text {
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
                onClicked: ParkController.select(modelData.id)
            }
        }
    }
}
