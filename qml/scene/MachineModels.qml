// Machine groups that have their own model (the park file's "model" on a machine group): per
// group one instance table (MachineModelInstancing) shared by two RuntimeLoaders, the full model
// and its mid level of detail (NAME-lod1.glb beside it, when there is one), so hundreds of pots
// still cost one draw and keep their per-machine state colours (instance colours multiply the
// model's materials). Until a model has loaded, or when it cannot, the group stays in the box
// table (MachineInstancing.setGroupModel); a failure is a line in the model problems.
// Level of detail (ViewState.modelDetail), by the size on screen of the group's nearest
// machine: boxes when it is a few pixels, the mid level up to some tens of pixels, then the
// full model. llvmpipe transforms the vertices of every instance on one thread; far away the
// full model's small parts cost that thread and show as a pixel or less.
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
    readonly property real tanHalfFov: Math.tan(camera.fieldOfView * Math.PI / 360)
    readonly property alias groups: groups
    // Modelled machines drawn at each level, "full 0, mid 10000, boxes 0"; logged on change under
    // the category parktwin.scene.lod (the benchmarks say which level they measured).
    readonly property string machinesPerLevel: {
        const counts = {full: 0, mid: 0, box: 0}
        for (let i = 0; revision >= 0 && i < groups.count; ++i) {
            const group = groups.objectAt(i)
            if (group) counts[group.drawnLevel] += group.table.count
        }
        return "full " + counts.full + ", mid " + counts.mid + ", boxes " + counts.box
    }
    // Not before the category has its name (it gets it on completion, after the first counts).
    property bool logReady: false
    function logLevels() { if (logReady) console.info(lodLog, "machine models drawn: " + machinesPerLevel) }
    Component.onCompleted: { logReady = true; logLevels() }
    onMachinesPerLevelChanged: logLevels()

    LoggingCategory {
        id: lodLog
        name: "parktwin.scene.lod"
        defaultLogLevel: LoggingCategory.Warning
    }

    function pixelsAcross(extent) {
        if (extent.centre === undefined) return 0
        const d = Math.max(1, camera.scenePosition.minus(extent.centre).length() - extent.radius)
        return extent.machineSize * viewHeight / (2 * d * tanHalfFov)
    }

    Repeater3D {
        id: groups
        model: ParkController.scene.machineModels
        MachineModelGroup {
            required property var modelData
            spec: modelData
            machineTable: root.machineTable
            // Looked at again on a camera move and when the renderer becomes known.
            detail: [root.revision, ViewState.gpu, ViewState.modelsAlwaysDetailed]
                    && ViewState.modelDetail(root.pixelsAcross(extent))
        }
    }
}
