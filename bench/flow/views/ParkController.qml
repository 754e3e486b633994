pragma Singleton
import QtQuick
// Stand-in for the app's ParkController in the flow views' benchmark: only what FlowArcs,
// KpiBar and SankeyPanel read, of both the rows (this branch) and the lists (before), fed by
// the benchmark's `steps` object.
QtObject {
    property QtObject flows: QtObject {
        readonly property var arcRows: steps.arcRows
        readonly property var kpiCards: steps.kpiCards
        readonly property var materialNodes: steps.materialNodes
        readonly property var materialBands: steps.materialBands
        readonly property var energyNodes: steps.energyNodes
        readonly property var energyBands: steps.energyBands
        readonly property var sankeyFrame: steps.sankeyFrame
        readonly property string problem: ""
        readonly property var arcs: steps.arcs
        readonly property var kpis: steps.kpis
        readonly property var sankey: steps.sankey
    }
    property QtObject selection: QtObject { property string objectId: "" }
    function nameOf(id) { return "Name of " + id }
}
