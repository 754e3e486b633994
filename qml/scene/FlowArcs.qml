// Material (above) and energy (below) flows: width by flow, colour by product or carrier, the
// bottleneck (minimum cut) in red, the selected arc in yellow; dashes move from
// source to consumer, faster where more flows. Links to externals end at their markers
// (ExternalMarker.qml), at the park's edge for those far outside.
//
// All arcs are one instanced Model (FlowArcInstancing, fed from the rows): one draw call, one
// material whose shader draws each arc's moving dashes from its length and speed and one time
// uniform. With a Model, a translucent material and a moving texture per arc (FlowArcModels.qml,
// kept as the benchmark's baseline) half the frames of a replay at 600x went over 33 ms on
// llvmpipe (docs/flow.md). Qt 6.4 does not pick instances: pick() finds the arc under a ray.
import QtQuick
import QtQuick3D
import ParkTwin

Node {
    id: root
    // FlowController.arcRows, or null for none. A replay step changes the rows of the arcs whose
    // flow changed; the table is rebuilt from them (one buffer, no QML object per arc).
    property StableRowsModel arcRows: null
    property real clock: 0  // seconds, drives the dashes
    readonly property int drawing: ViewState.flowArcsDrawing
    readonly property bool instanced: drawing === ViewState.Instanced || drawing === ViewState.InstancedOpaque
    // The arcs' instance table (tests read it; ParkView picks through it).
    readonly property alias arcTable: arcTable

    // The arc a ray from `origin` along `direction` (scene frame) hits first:
    // {objectId, distance}, or empty.
    function pick(origin, direction) {
        return instanced && visible ? arcTable.pick(origin, direction) : ({})
    }

    Model {
        visible: root.instanced && arcTable.count > 0
        // Each arc is drawn as the top face of its box (the instance table's size: length,
        // height, width; picking and the tests use that box): #Rectangle laid flat, facing up,
        // lifted to the box's top by the vertex shader. The box's sides were slivers
        // a pixel or two high from the window's camera, but llvmpipe shades in 4x4 blocks, so
        // they cost as much as the tops: in a replay at 600x the frames with the flows cost
        // 4-7 % less CPU as top faces (docs/flow.md, "Arcs drawn as their top faces").
        source: "#Rectangle"
        eulerRotation.x: -90
        castsShadows: false
        receivesShadows: false
        instancing: FlowArcInstancing {
            id: arcTable
            rows: root.instanced ? root.arcRows : null
            selectedId: ParkController.selection.objectId
        }
        materials: CustomMaterial {
            readonly property bool opaque: root.drawing === ViewState.InstancedOpaque
            shadingMode: CustomMaterial.Unshaded
            // A face, not a box: seen from below its top (a camera low and close), it would be
            // culled and the arc vanish while still picked.
            cullMode: Material.NoCulling
            // Links without flow at this step show faint (25 %); the others let a little of the
            // ground through (85 %), as before.
            sourceBlend: opaque ? CustomMaterial.NoBlend : CustomMaterial.SrcAlpha
            destinationBlend: opaque ? CustomMaterial.NoBlend : CustomMaterial.OneMinusSrcAlpha
            vertexShader: "shaders/flow_arc.vert"
            fragmentShader: "shaders/flow_arc.frag"
            property real time: root.clock  // the one value that changes every frame
        }
    }

    FlowArcModels {
        arcRows: root.instanced ? null : root.arcRows
        clock: root.clock
        still: root.drawing === ViewState.ModelsStill
        opaque: root.drawing === ViewState.ModelsOpaque
    }
}
