// An object's own 3D model (the park file's "model"), loaded at run time from its glTF file,
// placed in the object's frame: scaled, turned, moved by its offset and, for z-up files, stood
// up. The state or selection colour tints it through a one-instance table (instance colours
// multiply the file's materials, so a model keeps its look and still shows its state). Until
// it has loaded, or when it cannot, `loaded` is false and the caller keeps drawing its box; a
// failure becomes a line in the view's model problems. An invisible box over the model's real
// bounds carries the object id for picking (Qt 6.4 picks neither instances nor loaded parts).
import QtQuick
import QtQuick3D
import QtQuick3D.AssetUtils
import ParkTwin

Node {
    id: root
    required property var spec       // {url, uri, scale, rotation, offset, upZ}
    required property string objectId
    property color tint: "white"
    // Drawn translucent, so what stands inside shows (a selected building's lines and machines,
    // as its box shell shows them).
    property bool seeThrough: false
    readonly property bool loaded: loader.status === RuntimeLoader.Success
    // The file's bounds from its glTF JSON when known (RuntimeLoader's come after a drawn frame).
    readonly property vector3d boundsMin: spec.fileMin !== undefined ? spec.fileMin : loader.bounds.minimum
    readonly property vector3d boundsMax: spec.fileMax !== undefined ? spec.fileMax : loader.bounds.maximum

    position: spec.offset
    eulerRotation.y: spec.rotation
    scale: Qt.vector3d(spec.scale, spec.scale, spec.scale)

    readonly property bool hasBounds: loaded && boundsMax.minus(boundsMin).length() > 0
    // The loaded bounds' eight corners in scene metres (fly-to and the park's fit frame them);
    // empty until the bounds are known.
    function sceneCorners() {
        return hasBounds ? fileCorners().map(c => upright.mapPositionToScene(c)) : []
    }
    function fileCorners() {
        const out = []
        for (let i = 0; i < 8; ++i) {
            out.push(Qt.vector3d(i & 1 ? boundsMax.x : boundsMin.x, i & 2 ? boundsMax.y : boundsMin.y,
                                 i & 4 ? boundsMax.z : boundsMin.z))
        }
        return out
    }
    // The model's bounds in the frame of the object it stands for (its parent's: the building's
    // own frame, ground at 0), as an upright box {min, max}; null until they are known. The
    // building lays its roof PV and its selection frame on it, as on its box (QA: a modelled
    // hall lost its PV panels). Read from the arguments so the box follows a new spec or bounds.
    readonly property var objectBox: hasBounds ? boxInParent(spec, boundsMin, boundsMax) : null
    function boxInParent() {
        const corners = fileCorners().map(c => upright.mapPositionToNode(root.parent, c))
        const lowest = (axis) => Math.min(...corners.map(c => c[axis]))
        const highest = (axis) => Math.max(...corners.map(c => c[axis]))
        return {min: Qt.vector3d(lowest("x"), lowest("y"), lowest("z")),
                max: Qt.vector3d(highest("x"), highest("y"), highest("z"))}
    }

    // Night: the boxes glow with an emissive shell and lit windows, but a model's materials are
    // its file's and take no emissive term from here, so under the moon alone it sank into the
    // dark ground (QA). A light scoped to the model lifts it instead: its ambient share stands in
    // for the boxes' glow, its warm beam from the object's front and above for floodlights on
    // the facade, so the model keeps its own colours and shading. Scoped, nothing else in the
    // scene pays for it; a directional light is the cheapest kind on llvmpipe.
    DirectionalLight {
        objectName: "nightLight"
        visible: ViewState.night
        scope: upright
        eulerRotation: Qt.vector3d(-35, 25, 0)
        color: "#ffd49a"
        ambientColor: "#2c2c3a"
        brightness: 0.6
    }

    Node {
        id: upright
        eulerRotation.x: root.spec.upZ ? -90 : 0
        RuntimeLoader {
            id: loader
            objectName: "loadedModel:" + root.objectId
            source: root.spec.url
            opacity: root.seeThrough ? 0.4 : 1
            instancing: InstanceList {
                instances: [ InstanceListEntry { color: root.tint } ]
            }
            onStatusChanged: {
                if (status === RuntimeLoader.Error) ParkController.scene.reportModelProblem(root.objectId, root.spec.url, errorString)
                else if (status === RuntimeLoader.Success) ParkController.scene.reportModelLoaded(root.objectId)
            }
        }
        Model {
            property string objectId: root.objectId
            visible: root.loaded
            pickable: true
            opacity: 0  // drawn by nobody, hit by the pointer
            source: "#Cube"
            position: root.boundsMin.plus(root.boundsMax).times(0.5)
            scale: root.boundsMax.minus(root.boundsMin).times(0.01)
            materials: DefaultMaterial { lighting: DefaultMaterial.NoLighting }
        }
    }
}
