// One modelled machine group (MachineModels.qml): its full model and, when the file has one,
// its mid level of detail, both drawing the same instance table, one of them at a time.
import QtQuick
import QtQuick3D
import QtQuick3D.AssetUtils
import ParkTwin

Node {
    id: group
    required property var spec
    required property QtObject machineTable
    property int detail: ViewState.Box  // what the level of detail asks for (ViewState.modelDetail)
    readonly property var extent: machineTable.count >= 0 ? machineTable.groupExtent(spec.groupId) : ({})
    readonly property alias table: table
    readonly property alias full: full
    readonly property alias mid: mid
    // The mid level when asked for and loaded; the full model when there is no mid level.
    readonly property bool midShown: detail === ViewState.Mid && mid.status === RuntimeLoader.Success
    readonly property bool fullShown: full.status === RuntimeLoader.Success
                                      && (detail === ViewState.Full || (detail === ViewState.Mid && !midShown))
    readonly property string drawnLevel: midShown ? "mid" : fullShown ? "full" : "box"

    MachineModelInstancing {
        id: table
        source: group.machineTable
        spec: group.spec
    }
    RuntimeLoader {
        id: full
        visible: group.fullShown
        source: group.spec.url
        instancing: table
        onStatusChanged: {
            if (status === RuntimeLoader.Error) ParkController.scene.reportModelProblem(group.spec.groupId, group.spec.url, errorString)
            else if (status === RuntimeLoader.Success) ParkController.scene.reportModelLoaded(group.spec.groupId)
        }
        // The bounds may come after the status (RuntimeLoader: "not available before the first render").
        onBoundsChanged: if (status === RuntimeLoader.Success && group.spec.fileMin === undefined) group.report()
    }
    RuntimeLoader {
        id: mid
        visible: group.midShown
        source: group.spec.midUrl !== undefined ? group.spec.midUrl : ""
        instancing: table
    }

    // Picking and the box table follow what is drawn; the bounds are the full model's, as read
    // from its glTF JSON (RuntimeLoader's come only after a drawn frame).
    function report() {
        const known = spec.fileMin !== undefined
        machineTable.setGroupModel(spec, midShown || fullShown, known ? spec.fileMin : full.bounds.minimum,
                                   known ? spec.fileMax : full.bounds.maximum)
    }
    onDrawnLevelChanged: report()
    Component.onCompleted: report()
}
