// Stands in for ParkController in scene/tst_building_model.qml: collects model problems as the real one does.
pragma Singleton
import QtQuick
QtObject {
    readonly property QtObject scene: QtObject {
        property var modelProblems: []
        function reportModelProblem(id, uri, file, why) { modelProblems = modelProblems.concat([id + " (" + uri + "): " + why]) }
    }
}
