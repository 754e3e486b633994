// The park's material and energy balance as a Sankey diagram: objects in columns from where
// metal or power enters (potlines, grid, PV) to where it ends (processors, markets, loads),
// bands as wide as the solved flow between them (design capacity, the average hour of a year).
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import QtQuick.Shapes
import ParkTwin

Pane {
    id: root
    objectName: "sankeyPanel"
    property string side: "material"
    // The diagram's frame; its nodes and bands are rows kept across replay steps (a step moves
    // and resizes them, it rebuilds no Shape or label), and none while the panel is hidden.
    readonly property var diagram: ParkController.flows.sankeyFrame[side] || ({columns: 0, height: 0, total: 0, unit: ""})
    readonly property var nodeRows: !visible ? null : side === "energy" ? ParkController.flows.energyNodes : ParkController.flows.materialNodes
    readonly property var bandRows: !visible ? null : side === "energy" ? ParkController.flows.energyBands : ParkController.flows.materialBands
    signal closeRequested()

    background: Rectangle { color: "#f7f9fb"; border.color: "#d5dde5" }

    function nodeName(n) {
        if (n.merged > 0) return qsTr("%n other(s)", "", n.merged)
        if (n.id === "losses") return qsTr("Line and transformer losses")
        const base = n.id.split("#")[0]
        const found = ParkController.nameOf(base)
        const name = found !== "" && found !== base ? found : n.name
        return n.id.indexOf("#out") > 0 ? qsTr("%1 (returned)").arg(name) : name
    }
    function amount(v) {
        // Under 1 MW in kW: a 15 kW loss is not "0.0 MW".
        if (diagram.unit === "kW" && v < 1000) return qsTr("%1 kW").arg(Number(v).toLocaleString(Qt.locale(), "f", 0))
        if (diagram.unit === "kW") return qsTr("%1 MW").arg(Number(v / 1000).toLocaleString(Qt.locale(), "f", v >= 10000 ? 0 : 1))
        return qsTr("%1 t/h").arg(Number(v).toLocaleString(Qt.locale(), "f", v >= 10 ? 0 : 1))
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: 8
        RowLayout {
            Layout.fillWidth: true
            Label {
                text: qsTr("Material and energy balance")
                font.bold: true
                font.pixelSize: 16
            }
            Row {
                Layout.leftMargin: 12
                spacing: 2
                SegmentButton {
                    objectName: "materialTab"
                    text: qsTr("Material")
                    checked: root.side !== "energy"
                    onClicked: root.side = "material"
                }
                SegmentButton {
                    objectName: "energyTab"
                    text: qsTr("Energy")
                    checked: root.side === "energy"
                    onClicked: root.side = "energy"
                }
            }
            Label {
                Layout.fillWidth: true
                horizontalAlignment: Text.AlignRight
                color: "#5b6b78"
                text: qsTr("Average hour of a year at design capacity · total %1").arg(root.amount(root.diagram.total || 0))
                elide: Text.ElideLeft
            }
            ToolButton { text: "×"; onClicked: root.closeRequested() }
        }

        Item {
            id: canvas
            objectName: "sankeyCanvas"
            Layout.fillWidth: true
            Layout.fillHeight: true
            readonly property real barWidth: 12
            readonly property real lastLabelRoom: 180
            readonly property real spacing: root.diagram.columns > 1
                ? (width - barWidth - 8 - lastLabelRoom) / (root.diagram.columns - 1) : 0
            // Flow units to pixels: the tallest column fills the panel, but a diagram of fewer
            // than minBands bands is drawn as if it had that many, each band as thick as it
            // would be: one flow is a quarter of the panel (QA: it filled it all), two are half.
            // The bundled parks' diagrams have 5 bands and more, and fill the panel as before.
            readonly property int minBands: 4
            readonly property real scale: root.diagram.height > 0
                ? (height - 8) / (root.diagram.height * Math.max(1, minBands / Math.max(1, root.diagram.bandCount || 0))) : 0
            // A diagram shorter than the panel stands in its middle.
            readonly property real diagramTop: 4 + Math.max(0, (height - 8 - root.diagram.height * scale) / 2)
            function columnX(column) { return 8 + column * spacing }

            // A park whose flows cannot be solved: why, where the diagram would be.
            Label {
                objectName: "sankeyProblem"
                visible: root.diagram.columns === 0 && ParkController.flows.problem !== ""
                anchors.centerIn: parent
                width: Math.min(implicitWidth, parent.width - 32)
                wrapMode: Text.Wrap
                horizontalAlignment: Text.AlignHCenter
                textFormat: Text.PlainText
                text: qsTr("The flows cannot be shown:") + "\n" + ParkController.flows.problem
                color: "#8a1f1f"
            }
            Repeater {
                model: root.bandRows
                delegate: Shape {
                    objectName: "sankeyBand"
                    anchors.fill: parent
                    readonly property real x0: canvas.columnX(model.fromColumn) + canvas.barWidth
                    readonly property real x1: canvas.columnX(model.toColumn)
                    readonly property real y0: canvas.diagramTop + model.fromY * canvas.scale
                    readonly property real y1: canvas.diagramTop + model.toY * canvas.scale
                    readonly property real w: Math.max(1, model.value * canvas.scale)
                    readonly property real mid: (x0 + x1) / 2
                    ShapePath {
                        strokeWidth: -1
                        fillColor: Qt.rgba(model.color.r, model.color.g, model.color.b, 0.45)
                        startX: x0; startY: y0
                        PathCubic { x: x1; y: y1; control1X: mid; control1Y: y0; control2X: mid; control2Y: y1 }
                        PathLine { x: x1; y: y1 + w }
                        PathCubic { x: x0; y: y0 + w; control1X: mid; control1Y: y1 + w; control2X: mid; control2Y: y0 + w }
                        PathLine { x: x0; y: y0 }
                    }
                }
            }
            Repeater {
                model: root.nodeRows
                delegate: Item {
                    id: node
                    // The row's values under the names nodeName() and amount() read.
                    readonly property var row: ({id: model.id, name: model.name, merged: model.merged, value: model.value})
                    readonly property bool last: model.column === root.diagram.columns - 1
                    // Thin bars keep their label only where it says something the others do not:
                    // "others" and the losses (always their own node, however small).
                    readonly property bool showLabel: height >= 9 || node.row.merged > 0 || node.row.id === "losses"
                    readonly property string labelName: root.nodeName(row)
                    readonly property string labelAmount: root.amount(row.value)
                    x: canvas.columnX(model.column)
                    y: canvas.diagramTop + model.y * canvas.scale
                    width: canvas.barWidth
                    height: Math.max(2, node.row.value * canvas.scale)
                    Rectangle { anchors.fill: parent; color: node.row.merged > 0 ? "#9aa5b1" : "#1f3347"; radius: 2 }
                    // Every label to the right of its bar, on a light plate over the bands.
                    Rectangle {
                        visible: parent.showLabel
                        x: parent.width + 4
                        anchors.verticalCenter: parent.verticalCenter
                        width: label.width + 8
                        height: label.implicitHeight + 2
                        radius: 3
                        color: "#d9f7f9fb"
                        // One line when it fits beside the next column, else the amount goes
                        // under the name and a long name wraps: never cut off.
                        TextMetrics {
                            id: oneLine
                            font: label.font
                            text: node.labelName + "  " + node.labelAmount
                        }
                        Label {
                            id: label
                            objectName: "sankeyLabel"
                            readonly property string objectId: node.row.id
                            readonly property real room: (parent.parent.last ? canvas.lastLabelRoom : canvas.spacing - canvas.barWidth) - 16
                            anchors.centerIn: parent
                            width: Math.min(Math.ceil(oneLine.advanceWidth) + 1, room)
                            // Not oneLine.text: reading it here is a binding loop (Qt 6.4).
                            text: node.labelName + (oneLine.advanceWidth < room ? "  " : "\n") + node.labelAmount
                            wrapMode: Text.Wrap
                            font.pixelSize: 11
                            color: "#1b2733"
                        }
                    }
                }
            }
        }
    }
}
