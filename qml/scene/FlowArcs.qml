// Material (above) and energy (below) flows: width by flow, colour by product or carrier, the
// bottleneck (minimum cut) in red; dashes move from source to consumer, faster where more
// flows (a texture offset: no geometry changes per frame). Links to externals end at their
// markers (ExternalMarker.qml), at the park's edge for those far outside.
import QtQuick
import QtQuick3D
import ParkTwin

Node {
    id: root
    property var arcs: []
    property real clock: 0  // seconds, drives the dashes

    // By count, not by the list: the list is replaced at every replay step the flows follow,
    // and a list model would build every arc's Model, material and texture again each time;
    // with a count the arcs stay and only their bindings follow.
    Repeater3D {
        model: root.arcs.length
        Model {
            readonly property var arc: root.arcs[index] || ({})
            property string objectId: arc.id || ""
            pickable: true
            source: "#Cube"
            position: arc.position
            eulerRotation.y: arc.angle
            scale: Qt.vector3d(arc.length / 100, (arc.bottleneck ? 2.5 : 0.8) / 100, arc.width / 100)
            castsShadows: false
            materials: PrincipledMaterial {
                baseColor: ParkController.selection.objectId === arc.id ? "#ffd43b" : arc.color
                opacity: arc.active ? 0.85 : 0.25
                alphaMode: PrincipledMaterial.Blend
                lighting: PrincipledMaterial.NoLighting
                baseColorMap: Texture {
                    source: "textures/flow-dash.png"
                    tilingModeHorizontal: Texture.Repeat
                    scaleU: arc.length / 40  // one dash every 40 m
                    // The cube's +x runs from the link's source to its consumer; the pattern
                    // moves that way as the offset falls.
                    positionU: -root.clock * arc.speed / 40
                }
            }
        }
    }
}
