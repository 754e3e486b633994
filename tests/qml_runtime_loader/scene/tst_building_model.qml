// qml/scene/BuildingModel.qml with a model (issue 18), against a stand-in ParkController (fake_module):
// a building whose model loads draws it instead of its box and is picked on it; one whose model
// is missing keeps its box, is still picked, and is listed in ModelProblems; one without a model
// is untouched. run_scene_tests.sh copies the real scene files beside the stand-in.
import QtQuick
import QtQuick3D
import QtTest
import ParkTwin

Item {
    id: window
    width: 800; height: 500
    View3D {
        id: view
        anchors.fill: parent
        camera: camera
        environment: SceneEnvironment { clearColor: "#dde4ea"; backgroundMode: SceneEnvironment.Color }
        PerspectiveCamera { id: camera; position: Qt.vector3d(0, 60, 120); eulerRotation.x: -25 }
        DirectionalLight { eulerRotation.x: -50; eulerRotation.y: -30 }
        BuildingModel {
            id: good
            index: 0
            modelData: ({id: "hall", position: Qt.vector3d(-40, 6, 0), size: Qt.vector3d(60, 12, 30), rotation: 0, color: "#8899aa",
                         planned: false, pvKwp: 0,
                         model: {url: Qt.resolvedUrl("../../../assets/models/hall-sawtooth-roof.glb"), uri: "models/hall.glb",
                                 scale: 1, rotation: 0, offset: Qt.vector3d(0, 0, 0), upZ: false}})
        }
        BuildingModel {
            id: bad
            index: 1
            modelData: ({id: "store", position: Qt.vector3d(40, 5, 0), size: Qt.vector3d(30, 10, 20), rotation: 0, color: "#aa8866",
                         planned: false, pvKwp: 0,
                         model: {url: "file:///nowhere/none.glb", uri: "models/none.glb", scale: 1, rotation: 0,
                                 offset: Qt.vector3d(0, 0, 0), upZ: false}})
        }
        BuildingModel {
            id: plain
            index: 2
            modelData: ({id: "office", position: Qt.vector3d(0, 5, -60), size: Qt.vector3d(20, 10, 20), rotation: 0, color: "#aa66aa",
                         planned: false, pvKwp: 0})
        }
    }
    ModelProblems { id: problems; anchors { left: parent.left; top: parent.top; margins: 14 } }

    TestCase {
        name: "BuildingWithModel"
        when: windowShown
        function test_all() {
            tryVerify(() => good.modelled, 20000)
            tryVerify(() => ParkController.scene.modelProblems.length === 1, 20000)
            verify(!bad.modelled)
            verify(!plain.modelled)
            compare(ParkController.scene.modelProblems[0].indexOf("file:///nowhere/none.glb (store)"), 0, ParkController.scene.modelProblems[0])
            verify(problems.visible)
            wait(500)
            // On the model's south wall; on the box drawn in place of the missing one.
            const p = view.mapFrom3DScene(Qt.vector3d(-40, 5, 15))
            const hit = view.pick(p.x, p.y)
            compare(hit.objectHit ? hit.objectHit.objectId : "none", "hall")
            const q = view.mapFrom3DScene(Qt.vector3d(40, 5, 10))
            const hit2 = view.pick(q.x, q.y)
            compare(hit2.objectHit ? hit2.objectHit.objectId : "none", "store")
            
        }
    }
}
