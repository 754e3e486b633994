// The park's flow KPIs at design capacities, for a year of average hours (from the flow layer).
// Names and labels are the KPI table's (twin/flow kpi_table.hpp) through the translations, in
// the window's language; the full label, with what a ratio divides by, shows on hover. The
// cards are rows kept across replay steps (FlowController.kpiCards): a step changes the text of
// a card, it builds no card again.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import ParkTwin

Rectangle {
    id: root
    readonly property int count: ParkController.flows.kpiCards.count
    width: row.implicitWidth + 24
    height: row.implicitHeight + 14
    radius: 6
    color: "#ee1f3347"
    RowLayout {
        id: row
        anchors.centerIn: parent
        spacing: 18
        Repeater {
            model: ParkController.flows.kpiCards
            Column {
                id: card
                objectName: "kpi_" + model.key
                Layout.alignment: Qt.AlignBottom  // the values on one line when a name takes two
                // What the card reads (tests find a card by its objectName and read these).
                readonly property string kpiName: model.name
                readonly property string kpiText: model.text
                Text {
                    // Long names ("Electricity per tonne delivered") wrap rather than widen the bar.
                    width: Math.min(implicitWidth, 130)
                    wrapMode: Text.Wrap
                    text: card.kpiName
                    color: "#9fd3ff"; font.pixelSize: 11
                }
                Text {
                    objectName: "value"
                    text: card.kpiText
                    color: "white"; font.pixelSize: 15; font.bold: true
                }
                HoverHandler { id: hover }
                ToolTip.visible: hover.hovered
                ToolTip.text: model.label
            }
        }
    }
}
