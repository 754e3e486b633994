// Where the park meets the world: a market, supplier, the grid or a port, drawn at its
// position, or at the park's edge in its direction when it lies outside (then an arrow
// points on towards it). Its flows end here.
import QtQuick
import QtQuick3D

Node {
    id: root
    required property var modelData
    readonly property var item: modelData
    property bool selected: false
    readonly property color tint: selected ? "#ffd43b" : item.color
    position: item.position
    // The parts are laid out for a 50 m marker; item.size scales them to the park.
    scale: Qt.vector3d(item.size / 50, item.size / 50, item.size / 50)

    readonly property bool modelled: objectModel.item !== null && objectModel.item.loaded
    Loader3D {
        id: objectModel
        active: root.item.model !== undefined
        scale: Qt.vector3d(50 / root.item.size, 50 / root.item.size, 50 / root.item.size)  // the file's metres
        sourceComponent: LoadedModel { spec: root.item.model; objectId: root.item.id; tint: root.selected ? root.tint : "white" }
    }

    component Part: Model {
        property string objectId: root.item.id
        property color color: root.tint
        pickable: true
        visible: !root.modelled
        castsShadows: false
        materials: PrincipledMaterial { baseColor: color; roughness: 0.6 }
    }
    // A round pad with a post: reads as a gate from above and from the side.
    Part { source: "#Cylinder"; y: 0.6; scale: Qt.vector3d(0.5, 0.012, 0.5); color: Qt.lighter(root.tint, 1.45) }
    Part { source: "#Cylinder"; y: 15; scale: Qt.vector3d(0.07, 0.3, 0.07) }
    Part { source: "#Sphere"; y: 32; scale: Qt.vector3d(0.14, 0.14, 0.14) }
    // Outward arrow on the ground, for externals beyond the edge.
    Node {
        visible: root.item.outside
        eulerRotation.y: root.item.angle
        Part { source: "#Cube"; x: 40; y: 0.8; scale: Qt.vector3d(0.24, 0.01, 0.08) }
        Part { source: "#Cone"; x: 57; y: 1.5; eulerRotation.z: -90; scale: Qt.vector3d(0.03, 0.16, 0.14) }
    }
}
