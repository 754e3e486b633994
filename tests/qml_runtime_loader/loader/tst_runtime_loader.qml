// What the scene's model drawing relies on in Qt 6.4's RuntimeLoader (qml/scene/LoadedModel.qml,
// MachineModels.qml), checked on the bundled models with Qt's own test runner: a GLB loads and
// reports its bounds (the pot is 4.2 m x 2.2 m x 11 m, as scripts/make-models builds it); a
// missing file gives Error and a message; an instance table on a RuntimeLoader draws copies
// tinted by their instance colours; the loaded parts are not pickable, an invisible box over
// the bounds is. Run by ctest as qml.runtime_loader with Qt's qmltestrunner under Xvfb; kept out of
// tests/qml, whose runner loads the ParkTwin module this test does not need.
import QtQuick
import QtQuick3D
import QtQuick3D.AssetUtils
import QtTest

Item {
    id: window
    width: 800
    height: 500

    readonly property string library: Qt.resolvedUrl("../../../assets/models/")

    View3D {
        id: view
        anchors.fill: parent
        camera: camera
        environment: SceneEnvironment { clearColor: "#dde4ea"; backgroundMode: SceneEnvironment.Color }
        PerspectiveCamera { id: camera; position: Qt.vector3d(0, 14, 26); eulerRotation.x: -28 }
        DirectionalLight { eulerRotation.x: -50; eulerRotation.y: -30; brightness: 1.2 }
        RuntimeLoader {
            id: pots
            source: window.library + "electrolytic-pot.glb"
            instancing: InstanceList {
                instances: [
                    InstanceListEntry { position: Qt.vector3d(-10, 0, 0); color: "#e02f2f" },
                    InstanceListEntry { position: Qt.vector3d(10, 0, 0); color: "#2e9e5b" }
                ]
            }
        }
        Node {
            z: -25
            RuntimeLoader { id: crane; source: window.library + "container-crane.glb" }
            Model {
                property string objectId: "crane"
                pickable: true
                opacity: 0
                source: "#Cube"
                position: crane.bounds.minimum.plus(crane.bounds.maximum).times(0.5)
                scale: crane.bounds.maximum.minus(crane.bounds.minimum).times(0.01)
                materials: DefaultMaterial {}
            }
        }
        RuntimeLoader { id: missing; source: window.library + "no-such-model.glb" }
    }

    TestCase {
        name: "RuntimeLoader"
        when: windowShown

        function test_loadsWithBounds() {
            tryVerify(() => pots.status === RuntimeLoader.Success && pots.bounds.maximum.y > 0, 20000)
            fuzzyCompare(pots.bounds.maximum.x - pots.bounds.minimum.x, 4.2, 1e-4)
            fuzzyCompare(pots.bounds.maximum.y - pots.bounds.minimum.y, 2.2, 1e-4)
            fuzzyCompare(pots.bounds.maximum.z - pots.bounds.minimum.z, 11, 1e-4)
            fuzzyCompare(pots.bounds.minimum.y, 0, 1e-4)
        }

        function test_missingFileIsAnError() {
            tryVerify(() => missing.status === RuntimeLoader.Error, 20000)
            verify(missing.errorString.length > 0)
        }

        function test_instancesAreTintedByTheirColour() {
            tryVerify(() => pots.status === RuntimeLoader.Success, 20000)
            wait(300)
            const image = grabImage(view)  // the grey anode beam on top of each pot
            const at = (x) => { const p = view.mapFrom3DScene(Qt.vector3d(x, 1.88, 1)); return image.pixel(p.x, p.y) }
            const red = at(-10), green = at(10)
            verify(red.r > 1.5 * red.g && red.r > 1.5 * red.b, "red instance drew " + red)
            verify(green.g > 1.3 * green.r && green.g > green.b, "green instance drew " + green)
        }

        function test_pickBoxIsHitNotTheLoadedParts() {
            tryVerify(() => crane.bounds.maximum.y > 30, 20000)
            wait(300)
            const onCrane = view.mapFrom3DScene(Qt.vector3d(0, 5, -9.5))
            compare(view.pick(onCrane.x, onCrane.y).objectHit.objectId, "crane")
            const onPot = view.mapFrom3DScene(Qt.vector3d(-10, 1, 0))
            compare(view.pick(onPot.x, onPot.y).objectHit, null)
        }
    }
}
