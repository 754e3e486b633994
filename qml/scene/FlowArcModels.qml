// The flow arcs drawn the way before FlowArcs.qml instanced them, kept as the benchmark's
// baseline (--bench-flow-arcs models, models-still, models-opaque): each arc its own Model with
// a translucent PrincipledMaterial and a dash texture whose offset moves every frame.
import QtQuick
import QtQuick3D
import ParkTwin

Node {
    id: root
    property var arcRows: null
    property real clock: 0  // seconds, drives the dashes
    // Variants of the benchmark: dashes that do not move, and no blending.
    property bool still: false
    property bool opaque: false
    readonly property alias arcModels: arcRepeater

    Repeater3D {
        id: arcRepeater
        model: root.arcRows
        Model {
            property string objectId: model.id
            pickable: true
            source: "#Cube"
            position: model.position
            eulerRotation.y: model.angle
            scale: Qt.vector3d(model.length / 100, (model.bottleneck ? 2.5 : 0.8) / 100, model.width / 100)
            castsShadows: false
            materials: PrincipledMaterial {
                baseColor: ParkController.selection.objectId === model.id ? "#ffd43b" : model.color
                opacity: root.opaque ? 1 : model.active ? 0.85 : 0.25
                alphaMode: root.opaque ? PrincipledMaterial.Opaque : PrincipledMaterial.Blend
                lighting: PrincipledMaterial.NoLighting
                baseColorMap: Texture {
                    source: "textures/flow-dash.png"
                    tilingModeHorizontal: Texture.Repeat
                    scaleU: model.length / 40  // one dash every 40 m
                    // The cube's +x runs from the link's source to its consumer; the pattern
                    // moves that way as the offset falls.
                    positionU: root.still ? 0 : -root.clock * model.speed / 40
                }
            }
        }
    }
}
