// Machine groups that have their own model (the park file's "model" on a machine group): one
// RuntimeLoader per group, fed one instance table (MachineModelInstancing) so hundreds of
// pots still cost one draw per mesh and keep their per-machine state colours (instance colours
// multiply the model's materials). Until a model has loaded, or when it cannot, the group stays
// in the box table (MachineInstancing.setGroupModel); a failure is a line in the model problems.
// Level of detail: a group whose machines would stand under `minPixels` on screen (at its
// nearest machine) is drawn as boxes; a model's thousands of triangles per machine are what
// llvmpipe cannot afford at the whole park's zoom, where they are a few pixels anyway.
import QtQuick
import QtQuick3D
import QtQuick3D.AssetUtils
import ParkTwin

Node {
    id: root
    // The park's own table (not an export window's mirror): each group gets its own instancing object.
    readonly property QtObject machineTable: ParkController.scene.machines
    required property Camera camera
    property real viewHeight: 900
    property int revision: 0  // the view's camera revision: the detail is looked at again on a move
    // On a GPU the models show from much further (ViewState.gpu); a benchmark may ask for them
    // at any size (--bench-models-detailed).
    readonly property real minPixels: ViewState.modelsAlwaysDetailed ? 0 : ViewState.gpu ? 2 : 10
    readonly property real tanHalfFov: Math.tan(camera.fieldOfView * Math.PI / 360)

    function pixelsAcross(extent) {
        if (extent.centre === undefined) return 0
        const d = Math.max(1, camera.scenePosition.minus(extent.centre).length() - extent.radius)
        return extent.machineSize * viewHeight / (2 * d * tanHalfFov)
    }

    Repeater3D {
        model: ParkController.scene.machineModels
        RuntimeLoader {
            id: loader
            required property var modelData
            readonly property var extent: root.machineTable.count >= 0 ? root.machineTable.groupExtent(modelData.groupId) : ({})
            readonly property bool detailed: root.revision >= 0 && root.pixelsAcross(extent) >= root.minPixels
            visible: detailed
            source: modelData.url
            instancing: MachineModelInstancing { source: root.machineTable; spec: loader.modelData }
            // The file's bounds as read from its glTF JSON (RuntimeLoader's come only after a drawn frame).
            function report() {
                const known = modelData.fileMin !== undefined
                root.machineTable.setGroupModel(modelData, status === RuntimeLoader.Success && detailed,
                                                known ? modelData.fileMin : bounds.minimum, known ? modelData.fileMax : bounds.maximum)
            }
            onDetailedChanged: report()
            onStatusChanged: {
                report()
                if (status === RuntimeLoader.Error) ParkController.scene.reportModelProblem(modelData.groupId, modelData.uri, modelData.url, errorString)
            }
            // The bounds may come after the status (RuntimeLoader: "not available before the first render").
            onBoundsChanged: if (status === RuntimeLoader.Success && modelData.fileMin === undefined) report()
        }
    }
}
