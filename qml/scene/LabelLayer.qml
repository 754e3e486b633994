// Screen-space labels over the 3D view: always upright and readable at any zoom. Labels are
// placed by priority (bigger buildings first) and a label that would overlap one already
// placed is hidden until the camera moves closer. Road names come last: small grey text beside
// the road and along it, shown where it fits along the road clear of every other label.
import QtQuick
import ParkTwin
import "road_labels.js" as RoadLabels

Item {
    id: root
    required property var view
    property int revision: 0
    // Items drawn over the view (KPI cards, compass, a tour's call-outs): no label goes under one.
    property var keepOut: []
    // The alarm pins (AlarmPins.qml): only an alarm's label may cover one. Asked at each layout,
    // when the camera has moved, not bound (a binding could read the camera before it moved).
    property var alarmPins: null
    clip: true

    // Read once per park or language, not per frame: the layout runs on every camera move.
    readonly property var labels: ParkController.scene.labels
    readonly property var order: labels.map((l, i) => i).sort((a, b) => labels[b].priority - labels[a].priority)
    readonly property var widths: labels.map(l => l.road ? roadMetrics.advanceWidth(l.text) + 8 : metrics.advanceWidth(l.text) + 16)
    // The labels of places in alarm (AlarmPinList.pins: a building, or an object standing
    // alone), by label id: "raised" (red) or, once every alarm there is acknowledged,
    // "acknowledged" (amber), the colours of the scene's pins and the alarm list; none while
    // presenting a replay. Placed before any other, so an alarm is never named by a label hidden
    // behind a bigger one.
    readonly property var alarmed: AlarmPinList.pins.reduce((out, p) => {
        out[p.place] = p.acknowledged ? "acknowledged" : "raised"
        return out
    }, {})
    // Where the label naming an alarm stands: above its pin, where AlarmPins says (it owns the
    // pin's height), not on its object, where the pin covered it (QA).
    readonly property var alarmAnchors: alarmPins ? AlarmPinList.pins.reduce((out, p) => {
        out[p.place] = alarmPins.labelAnchor(p)
        return out
    }, {}) : ({})
    onAlarmedChanged: Qt.callLater(layout)

    onRevisionChanged: Qt.callLater(layout)
    onWidthChanged: Qt.callLater(layout)
    onVisibleChanged: Qt.callLater(layout)
    onLabelsChanged: Qt.callLater(layout)
    onKeepOutChanged: Qt.callLater(layout)
    Component.onCompleted: Qt.callLater(layout)

    // Moves the label items directly: rebinding every delegate each frame costs more than drawing.
    function layout() {
        if (!visible || repeater.count !== labels.length) return
        const placed = keepOut.filter(o => o && o.visible && o.width > 0).map(o => {
            const p = o.mapToItem(root, 0, 0)
            return {x: p.x, y: p.y, w: o.width, h: o.height}
        })
        // The alarms' names first, just above their pins; then every other label, off the pins.
        order.filter(i => alarmed[labels[i].id]).forEach(i => place(i, placed))
        if (alarmPins) placed.push(...alarmPins.screenBoxes(view))
        order.filter(i => !alarmed[labels[i].id]).forEach(i => place(i, placed))
    }
    // Lays label i at its first free spot, or hides it.
    function place(i, placed) {
        const item = repeater.itemAt(i)
        // A zone has spots besides its middle: where buildings' names took the middle, its
        // name goes to the first free one.
        const spots = alarmAnchors[labels[i].id] ? [alarmAnchors[labels[i].id]] : labels[i].spots || [labels[i].position]
        let at = null
        for (let s = 0; s < spots.length && !at; ++s) {
            at = labels[i].road ? RoadLabels.freeSpot(view, width, height, widths[i], spots[s], placed)
                                : freeSpot(labels[i], widths[i], spots[s], placed)
        }
        if (at) {
            placed.push(at)
            // A road's name is turned along the road: `at` is the box round it, `at.item` the
            // label itself before its turn about its centre.
            const box = at.item || {x: at.x, y: at.y, w: at.w, angle: 0}
            item.x = box.x
            item.y = box.y
            item.width = box.w
            item.rotation = box.angle
        }
        item.visible = at !== null
    }

    // The label's box at `position`, or null where it is out of view or overlaps one placed.
    function freeSpot(label, w, position, placed) {
        const h = 22
        const p = view.mapFrom3DScene(position)
        // A label whose point is in view is kept in view: slid in from the edge rather than
        // hidden, so a fitted park's outermost buildings and externals stay named.
        const x = Math.max(0, Math.min(p.x - w / 2, width - w))
        const y = Math.max(0, label.zone ? p.y - h / 2 : p.y - h - 6)  // a zone's name on its ground
        const onScreen = p.z > 0 && p.x >= 0 && p.x <= width && p.y >= 0 && y + h <= height
        const free = onScreen && placed.every(o => x + w + 4 < o.x || o.x + o.w + 4 < x
                                                 || y + h + 2 < o.y || o.y + o.h + 2 < y)
        return free ? {x: x, y: y, w: w, h: h} : null
    }

    FontMetrics { id: metrics; font.pixelSize: 12 }
    FontMetrics { id: roadMetrics; font.pixelSize: RoadLabels.fontPixels }

    Repeater {
        id: repeater
        // A count, not the list: a drag step gives new label positions, not new label items.
        model: root.labels.length
        onCountChanged: Qt.callLater(root.layout)
        Rectangle {
            required property int index
            readonly property var modelData: root.labels[index] || ({id: "", text: "", planned: false, zone: false, road: false})
            readonly property string objectId: modelData.id
            readonly property alias text: caption.text
            readonly property bool selected: ParkController.selection.objectId === modelData.id
            readonly property string alarm: root.alarmed[modelData.id] || ""
            visible: false
            height: modelData.road ? RoadLabels.height : 22
            radius: 4
            // A zone's name lies on the ground it names: no box, no leader, set apart from the
            // boxed names of what stands there.
            readonly property bool onGround: modelData.zone === true || modelData.road === true
            color: alarm === "raised" ? "#e02f2f" : alarm === "acknowledged" ? "#e8a200"
                 : onGround ? "transparent" : modelData.planned ? "#e6fff8e1" : "#e6ffffff"
            border.color: selected ? "#e8a200" : onGround ? "transparent" : "#8095a5"
            border.width: selected ? 2 : 1
            Text {
                id: caption
                anchors.centerIn: parent
                text: modelData.text
                font.pixelSize: modelData.road ? RoadLabels.fontPixels : 12
                font.italic: modelData.planned
                font.bold: modelData.zone
                style: parent.onGround ? Text.Outline : Text.Normal
                styleColor: "#ccffffff"
                color: alarm === "raised" ? "white" : modelData.road ? RoadLabels.color
                     : modelData.zone ? "#2f4a5f" : "#1b2733"
            }
            // Leader line from the label down to the object.
            Rectangle {
                visible: !parent.onGround
                width: 1; height: 6
                anchors { top: parent.bottom; horizontalCenter: parent.horizontalCenter }
                color: "#8095a5"
            }
            MouseArea {
                anchors.fill: parent
                // A road's name is part of the map: a click on it is a click on the road.
                enabled: !modelData.road
                onClicked: ParkController.selection.select(modelData.id)
            }
        }
    }
}
