// A scale bar with a round length (1, 2 or 5 × 10^n metres) about 120 px long.
import QtQuick

Item {
    id: root
    property real metresPerPixel: 1
    readonly property real niceMetres: {
        const raw = 120 * metresPerPixel
        const p = Math.pow(10, Math.floor(Math.log(raw) / Math.LN10))
        const m = raw / p
        return (m >= 5 ? 5 : m >= 2 ? 2 : 1) * p
    }
    width: bar.width + 12
    height: 34
    Rectangle { anchors.fill: parent; radius: 4; color: "#d0ffffff"; border.color: "#8095a5" }
    Rectangle {
        id: bar
        x: 6; y: 22
        width: root.niceMetres / Math.max(1e-6, root.metresPerPixel)
        height: 4
        color: "#1b2733"
    }
    Text {
        x: 6; y: 4
        font.pixelSize: 11
        color: "#1b2733"
        text: root.niceMetres >= 1000 ? qsTr("%1 km").arg(root.niceMetres / 1000) : qsTr("%1 m").arg(root.niceMetres)
    }
}
