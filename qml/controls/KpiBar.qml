// The park's flow KPIs at design capacities (an average hour of a year, from the flow layer).
import QtQuick
import QtQuick.Layouts
import ParkTwin

Rectangle {
    id: root
    readonly property var k: ParkController.flowKpis
    width: row.implicitWidth + 24
    height: row.implicitHeight + 14
    radius: 6
    color: "#ee1f3347"
    function fmt(v, digits) { return Number(v).toLocaleString(Qt.locale(), "f", digits) }
    RowLayout {
        id: row
        anchors.centerIn: parent
        spacing: 18
        Repeater {
            model: [
                {label: qsTr("Throughput"), value: qsTr("%1 kt/yr").arg(root.fmt((root.k.throughputTPerYear || 0) / 1000, 0))},
                {label: qsTr("Energy"), value: qsTr("%1 kWh/t").arg(root.fmt(root.k.energyKwhPerT || 0, 0))},
                {label: qsTr("CO2"), value: qsTr("%1 Mt/yr").arg(root.fmt((root.k.co2TPerYear || 0) / 1e6, 2))},
                {label: qsTr("Self-sufficiency"), value: root.fmt((root.k.selfSufficiency || 0) * 100, 1) + " %"},
                {label: qsTr("Remelting avoided"), value: qsTr("%1 M yuan/yr").arg(root.fmt((root.k.remeltAvoidedYuan || 0) / 1e6, 0))}
            ]
            Column {
                Text { text: modelData.label; color: "#9fd3ff"; font.pixelSize: 11 }
                Text { text: modelData.value; color: "white"; font.pixelSize: 15; font.bold: true }
            }
        }
    }
}
