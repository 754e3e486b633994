// qml/scene/UtilityModel.qml and ExternalMarker.qml with a model (issue 18): the model replaces
// the drawn shape and is picked on its bounds; the external's marker scale does not shrink it.
import QtQuick
import QtQuick3D
import QtTest
import ParkTwin

Item {
    width: 800; height: 500
    readonly property var transformer: ({url: Qt.resolvedUrl("../../../assets/models/transformer.glb"), uri: "t.glb",
                                         scale: 2, rotation: 0, offset: Qt.vector3d(0, 0, 0), upZ: false})
    View3D {
        id: view
        anchors.fill: parent
        camera: camera
        PerspectiveCamera { id: camera; position: Qt.vector3d(0, 40, 80); eulerRotation.x: -25 }
        DirectionalLight { eulerRotation.x: -50 }
        UtilityModel {
            id: yard
            modelData: ({id: "substation", shape: "yard", position: Qt.vector3d(-20, 0, 0), color: "#778899",
                         size: 36, planned: false, model: transformer})
        }
        ExternalMarker {
            id: market
            modelData: ({id: "market", position: Qt.vector3d(20, 0, 0), outside: false, angle: 0, size: 25,
                         color: "#aa7733", model: transformer})
        }
    }
    TestCase {
        name: "UtilityAndExternalWithModel"
        when: windowShown
        function test_modelReplacesTheShapeAndIsPicked() {
            tryVerify(() => yard.modelled && market.modelled, 20000)
            wait(300)
            // The transformer tank at scale 2 stands 0.8..7.6 m high around its centre.
            for (const [x, id] of [[-20, "substation"], [20, "market"]]) {
                const p = view.mapFrom3DScene(Qt.vector3d(x, 5, 0))
                const hit = view.pick(p.x, p.y)
                compare(hit.objectHit ? hit.objectHit.objectId : "none", id)
                // Picked on the model's box (16 m wide at scale 2), not the marker's 25 m parts.
                fuzzyCompare(hit.objectHit.scale.x * 100, 8, 1e-3)
            }
        }
    }
}
