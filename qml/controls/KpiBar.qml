// The park's flow KPIs at design capacities, for a year of average hours (from the flow layer).
// Names and labels are the KPI table's (twin/flow kpi_table.hpp) through the translations, in
// the window's language; the full label, with what a ratio divides by, shows on hover.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import ParkTwin

Rectangle {
    id: root
    readonly property var cards: ParkController.flows.kpis.cards || []
    width: row.implicitWidth + 24
    height: row.implicitHeight + 14
    radius: 6
    color: "#ee1f3347"
    RowLayout {
        id: row
        anchors.centerIn: parent
        spacing: 18
        Repeater {
            model: root.cards
            Column {
                id: card
                required property var modelData
                objectName: "kpi_" + modelData.key
                Text {
                    // Long names ("Electricity per tonne delivered") wrap rather than widen the bar.
                    width: Math.min(implicitWidth, 130)
                    wrapMode: Text.Wrap
                    text: card.modelData.name
                    color: "#9fd3ff"; font.pixelSize: 11
                }
                Text {
                    objectName: "value"
                    text: card.modelData.text
                    color: "white"; font.pixelSize: 15; font.bold: true
                }
                HoverHandler { id: hover }
                ToolTip.visible: hover.hovered
                ToolTip.text: card.modelData.label
            }
        }
    }
}
