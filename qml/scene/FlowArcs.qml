// Material (above) and energy (below) flows: width by flow, colour by product or carrier, the
// bottleneck (minimum cut) in red; dashes move from source to consumer, faster where more
// flows (a texture offset: no geometry changes per frame). Links to externals end at their
// markers (ExternalMarker.qml), at the park's edge for those far outside.
import QtQuick
import QtQuick3D
import ParkTwin

Node {
    id: root
    // FlowController.arcRows, or null for none. A replay step changes the roles of the arcs
    // whose flow changed (width, speed, colour...): each arc's Model, material and texture stay,
    // and only the bindings on those roles run again (StableRowsModel).
    property var arcRows: null
    property real clock: 0  // seconds, drives the dashes
    // The arcs' Models (tests check that a step keeps them).
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
                opacity: model.active ? 0.85 : 0.25
                alphaMode: PrincipledMaterial.Blend
                lighting: PrincipledMaterial.NoLighting
                baseColorMap: Texture {
                    source: "textures/flow-dash.png"
                    tilingModeHorizontal: Texture.Repeat
                    scaleU: model.length / 40  // one dash every 40 m
                    // The cube's +x runs from the link's source to its consumer; the pattern
                    // moves that way as the offset falls.
                    positionU: -root.clock * model.speed / 40
                }
            }
        }
    }
}
