// One building: a translucent shell so the production lines inside stay visible, an opaque
// plinth, a metal roof edge, a band of glazing under the eaves (lit windows at night), and a
// PV array on roofs that carry one. Planned buildings are ghosted. A building drawn by its own
// model keeps the model's colours and the PV on the model's top; selected, a frame marks it.
import QtQuick
import QtQuick3D
import ParkTwin

Node {
    id: root
    required property var modelData
    required property int index
    // The row as the park was loaded; a drag step replaces just this building's row.
    property var building: modelData
    Connections {
        target: ParkController.scene
        function onBuildingChanged(index, item) { if (index === root.index) root.building = item }
        // A rebuild (an undo, any other edit) brings every row back. Where the rebuilt list
        // equals the one the repeater holds (the undo of a drag) no delegate is made again, so
        // the drag's row would stay drawn: follow modelData again.
        function onChanged() { root.building = Qt.binding(() => root.modelData) }
    }
    property bool selected: false
    // Selected through what stands in it (a line, a machine group) rather than itself.
    property bool selectedInside: false
    property bool highlighted: false  // changed by the scenario shown
    // The scenario's mark in force on it while its run is replayed ("down", "limited",
    // "raised", "built", "changed"; see ScenarioLegend.qml), in the mark's colour.
    property string mark: ""
    property color markColor: "transparent"
    readonly property bool ghost: building.planned && mark !== "built"
    readonly property vector3d size: building.size
    readonly property color stateColor: mark !== "" ? markColor : highlighted ? "#ff7a00" : building.color
    readonly property color shellColor: selected ? "#ffd43b" : stateColor
    position: Qt.vector3d(building.position.x, 0, building.position.z)
    eulerRotation.y: building.rotation
    // With a model that loaded, the model stands in for the box, plinth and roof edge.
    readonly property bool modelled: objectModel.item !== null && objectModel.item.loaded
    // What the roof's PV lies on, in the building's frame: the box, or the model's bounds (their
    // top is the model's highest point, flat roof or not); null while a model's are unknown.
    readonly property var roofBox: !modelled ? {min: Qt.vector3d(-size.x / 2, 0, -size.z / 2), max: Qt.vector3d(size.x / 2, size.y, size.z / 2)}
                                             : objectModel.item.objectBox
    // The model's bounds as eight corners in scene metres (fly-to frames them); empty without one.
    function modelCorners() { return modelled ? objectModel.item.sceneCorners() : [] }
    // Halls, offices and labs have windows; a substation, port or dam does not.
    readonly property bool glazed: !["substation", "port", "utility", "dam"].includes(building.kind)

    Loader3D {
        id: objectModel
        active: root.building.model !== undefined
        sourceComponent: LoadedModel {
            spec: root.building.model
            objectId: root.building.id
            // The model's own colours stay when it is selected (the frame below marks it); a
            // scenario's mark or highlight still tints it.
            tint: root.highlighted || root.mark !== "" ? root.stateColor : "white"
            // A line or machine group chosen inside shows through (QA: the model hid them); the
            // building itself chosen stays solid, recognisable as its owner's model (QA4).
            seeThrough: root.selectedInside
        }
    }
    Loader3D {
        active: root.selected && root.modelled && root.roofBox !== null
        sourceComponent: SelectionFrame { objectName: "selectionFrame"; box: root.roofBox }
    }

    // Shell: picking hits it, so it carries the object id.
    Model {
        property string objectId: root.building.id
        pickable: true
        visible: !root.modelled
        source: "#Cube"
        y: root.size.y / 2
        scale: Qt.vector3d(root.size.x / 100, root.size.y / 100, root.size.z / 100)
        castsShadows: !root.ghost
        materials: PrincipledMaterial {
            baseColor: root.shellColor
            opacity: root.ghost && !root.highlighted ? 0.18 : (root.selected || root.highlighted || root.mark !== "" ? 0.66 : 0.5)
            alphaMode: PrincipledMaterial.Blend
            roughness: 0.6
            depthDrawMode: Material.NeverDepthDraw
            // At night the halls keep a glow of their colour, so state and kind still read.
            emissiveFactor: ViewState.night ? Qt.vector3d(root.shellColor.r, root.shellColor.g, root.shellColor.b).times(0.3) : Qt.vector3d(0, 0, 0)
        }
    }
    Model {
        source: "#Cube"
        y: 0.9
        scale: Qt.vector3d(root.size.x / 100 + 0.01, 0.018, root.size.z / 100 + 0.01)
        visible: !root.ghost && !root.modelled
        materials: PrincipledMaterial { baseColor: Qt.darker(root.shellColor, 1.35); roughness: 0.8 }
    }
    // Glazing under the eaves: a ring of windows round the walls (scripts/make-scene-textures),
    // seen through the shell on the far side too (no culling).
    Model {
        objectName: "windowBand"
        visible: root.glazed && !root.ghost && !root.modelled && !ViewState.plainLook
        y: root.size.y * 0.68
        geometry: WindowBandGeometry {
            size: Qt.vector3d(root.size.x + 0.4, Math.min(4.5, root.size.y * 0.22), root.size.z + 0.4)
        }
        castsShadows: false
        materials: PrincipledMaterial {
            baseColor: ViewState.night ? "#1a2230" : "white"
            roughness: 0.15
            metalness: 0.1
            cullMode: Material.NoCulling
            baseColorMap: Texture { source: "textures/windows-day.png"; tilingModeHorizontal: Texture.Repeat }
            emissiveMap: ViewState.night ? litWindows : null
            emissiveFactor: ViewState.night ? Qt.vector3d(1, 1, 1) : Qt.vector3d(0, 0, 0)
        }
        Texture { id: litWindows; source: "textures/windows-night.png"; tilingModeHorizontal: Texture.Repeat }
    }
    // Roof edge: a thin metal frame at eave height makes the hall read as a building from afar.
    Repeater3D {
        visible: !root.modelled
        model: [[0, root.size.z / 2, root.size.x, 1.2], [0, -root.size.z / 2, root.size.x, 1.2],
                [root.size.x / 2, 0, 1.2, root.size.z], [-root.size.x / 2, 0, 1.2, root.size.z]]
        Model {
            source: "#Cube"
            position: Qt.vector3d(modelData[0], root.size.y, modelData[1])
            scale: Qt.vector3d(modelData[2] / 100, 0.012, modelData[3] / 100)
            materials: PrincipledMaterial {
                baseColor: root.ghost ? "#b0a070" : ViewState.plainLook ? Qt.darker(root.shellColor, 1.25) : "#aab3bc"
                metalness: ViewState.plainLook ? 0 : 0.55
                roughness: ViewState.plainLook ? 0.7 : 0.35
            }
        }
    }
    // Rooftop PV: a dark array over the southern 40% of the roof, the box's or the model's
    // (QA: a model hid the panels while the flows counted their kWp).
    Model {
        objectName: "roofPv"
        readonly property vector3d roofSize: root.roofBox ? root.roofBox.max.minus(root.roofBox.min) : Qt.vector3d(0, 0, 0)
        readonly property vector3d roofCentre: root.roofBox ? root.roofBox.min.plus(root.roofBox.max).times(0.5) : Qt.vector3d(0, 0, 0)
        visible: root.building.pvKwp > 0 && root.roofBox !== null
        source: "#Cube"
        position: Qt.vector3d(roofCentre.x, (root.roofBox ? root.roofBox.max.y : 0) + 0.6, roofCentre.z + roofSize.z * 0.28)
        scale: Qt.vector3d(roofSize.x * 0.92 / 100, 0.006, roofSize.z * 0.4 / 100)
        // With the line chosen inside, the panels let it show through, as the shell does.
        opacity: root.selectedInside ? 0.4 : 1
        materials: PrincipledMaterial { baseColor: "#1d2f5e"; roughness: 0.25; metalness: 0.4 }
    }
}
