// Stands in for ParkController in scene/: collects model problems, a line per report (the real
// one words them and groups them by file: tests/qml/tst_model_problems.qml).
pragma Singleton
import QtQuick
QtObject {
    property bool presenting: false
    readonly property QtObject scene: QtObject {
        property var modelProblems: []
        function reportModelProblem(id, file, why) { modelProblems = modelProblems.concat([file + " (" + id + "): " + why]) }
        function reportModelLoaded(id) {}
    }
}
