// Machine groups that have their own model (the park file's "model" on a machine group): one
// RuntimeLoader per group, fed one instance table (MachineModelInstancing) so hundreds of
// pots still cost one draw per mesh and keep their per-machine state colours (instance colours
// multiply the model's materials). Until a model has loaded, or when it cannot, the group stays
// in the box table (MachineInstancing.setGroupModel); a failure is a line in the model problems.
import QtQuick
import QtQuick3D
import QtQuick3D.AssetUtils
import ParkTwin

Node {
    id: root
    // The park's own table (not an export window's mirror): each group gets its own instancing object.
    readonly property QtObject machineTable: ParkController.scene.machines

    Repeater3D {
        model: ParkController.scene.machineModels
        RuntimeLoader {
            id: loader
            required property var modelData
            source: modelData.url
            instancing: MachineModelInstancing { source: root.machineTable; spec: loader.modelData }
            onStatusChanged: {
                root.machineTable.setGroupModel(modelData, status === RuntimeLoader.Success, bounds.minimum, bounds.maximum)
                if (status === RuntimeLoader.Error) ParkController.scene.reportModelProblem(modelData.groupId, modelData.uri, errorString)
            }
            // The bounds may come after the status (RuntimeLoader: "not available before the first render").
            onBoundsChanged: {
                if (status === RuntimeLoader.Success) root.machineTable.setGroupModel(modelData, true, bounds.minimum, bounds.maximum)
            }
        }
    }
}
