// A utility standing on its own ground, drawn by what it is (the shape comes from
// scene_style.cpp): a grid-tie tower, a substation yard, a reservoir, a ground PV field,
// battery containers, a charging canopy or gas tanks. Planned ones are ghosted.
import QtQuick
import QtQuick3D

Node {
    id: root
    required property var modelData
    readonly property var item: modelData
    property bool selected: false
    readonly property real size: item.size
    readonly property color tint: selected ? "#ffd43b" : item.color
    readonly property real ghost: item.planned ? 0.3 : 1.0
    position: item.position
    readonly property bool modelled: objectModel.item !== null && objectModel.item.loaded

    Loader3D {
        id: objectModel
        active: root.item.model !== undefined
        sourceComponent: LoadedModel { spec: root.item.model; objectId: root.item.id; tint: root.selected ? root.tint : "white" }
    }

    // Every part can be picked and names its utility.
    component Part: Model {
        property string objectId: root.item.id
        property color color: root.tint
        pickable: true
        source: "#Cube"
        castsShadows: false
        materials: PrincipledMaterial {
            baseColor: color
            roughness: 0.7
            opacity: root.ghost
            alphaMode: root.item.planned ? PrincipledMaterial.Blend : PrincipledMaterial.Opaque
        }
    }
    // A box of w x h x d metres standing on the ground at (x, z).
    component Block: Part {
        property real w: 1
        property real h: 1
        property real d: 1
        y: h / 2
        scale: Qt.vector3d(w / 100, h / 100, d / 100)
    }

    // Grid tie: a transmission tower with its cross-arms.
    Node {
        visible: !root.modelled && root.item.shape === "tower"
        Block { w: 3; h: 34; d: 3 }
        Block { y: 30; w: 18; h: 1.2; d: 1.6 }
        Block { y: 24; w: 13; h: 1.2; d: 1.6 }
        Block { w: 10; h: 0.4; d: 10; color: "#b9b4a8" }
    }
    // Substation: a gravel yard with transformers and a control house.
    Node {
        visible: !root.modelled && root.item.shape === "yard"
        Block { w: root.size; h: 0.4; d: root.size; color: "#b9b4a8" }
        Block { x: -root.size * 0.22; z: -root.size * 0.15; w: 7; h: 6; d: 5 }
        Block { x: root.size * 0.12; z: -root.size * 0.15; w: 7; h: 6; d: 5 }
        Block { x: 0; z: root.size * 0.25; w: root.size * 0.5; h: 4.5; d: 6; color: "#9aa3ad" }
    }
    // Reservoir: open water inside an embankment.
    Node {
        visible: !root.modelled && root.item.shape === "water"
        Part { source: "#Cylinder"; y: 1; scale: Qt.vector3d(root.size * 1.12 / 100, 0.02, root.size * 1.12 / 100); color: "#8d9a7a" }
        Part { source: "#Cylinder"; y: 2.2; scale: Qt.vector3d(root.size / 100, 0.01, root.size / 100); color: root.selected ? "#ffd43b" : "#3f86c6" }
        Block { x: root.size * 0.56; w: 8; h: 6; d: 10; color: "#9aa3ad" }
    }
    // Ground PV: rows of panels tilted to the south (+z in the scene) on a grass pad.
    Node {
        id: pvField
        visible: !root.modelled && root.item.shape === "pvField"
        readonly property int rows: Math.max(3, Math.min(16, Math.round(root.size / 9)))
        Block { w: root.size; h: 0.2; d: root.size; color: "#a9bf8f" }
        Repeater3D {
            model: root.item.shape === "pvField" ? pvField.rows : 0
            Part {
                position: Qt.vector3d(0, 1.6, -root.size / 2 + (index + 0.5) * root.size / pvField.rows)
                eulerRotation.x: -25
                scale: Qt.vector3d(root.size * 0.94 / 100, 0.003, root.size / pvField.rows * 0.55 / 100)
                color: root.selected ? "#ffd43b" : "#1d2f5e"
            }
        }
    }
    // Battery: containers in a row.
    Node {
        visible: !root.modelled && root.item.shape === "containers"
        Repeater3D {
            model: root.item.shape === "containers" ? 3 : 0
            Block { z: (index - 1) * 4; w: 12; h: 2.6; d: 2.5 }
        }
    }
    // Chargers: a canopy on columns over the charge points.
    Node {
        visible: !root.modelled && root.item.shape === "canopy"
        Block { x: -7; w: 0.8; h: 5; d: 0.8; color: "#9aa3ad" }
        Block { x: 7; w: 0.8; h: 5; d: 0.8; color: "#9aa3ad" }
        Block { y: 5; w: 18; h: 0.6; d: 10 }
        Block { w: 18; h: 0.2; d: 10; color: "#6b7078" }
    }
    // Hydrogen (and anything else): upright tanks on a pad.
    Node {
        visible: !root.modelled && root.item.shape === "tank"
        Block { w: 14; h: 0.3; d: 10; color: "#b9b4a8" }
        Part { source: "#Cylinder"; x: -3; y: 5; scale: Qt.vector3d(0.04, 0.1, 0.04) }
        Part { source: "#Cylinder"; x: 3; y: 5; scale: Qt.vector3d(0.04, 0.1, 0.04) }
    }
}
