// bench/scene/bench-lean-instances: the CNC at 10,000 instances of a FileInstancing table, drawn
// three ways (DRAWN, filled in by the script): Qt's material ("qt"), the lean material
// ("lean", bench/scene/UnlitModelMaterials.qml), or the shared-corner CNC with its shade baked per
// pixel ("shared"); camera, orbit and window as glb_instances.qml. Placeholders: DRAWN, TABLE,
// SECONDS, DISTANCE, PICTURE.
import QtQuick
import QtQuick3D
import QtQuick3D.AssetUtils
import QtTest

Item {
    id: root
    width: 1600
    height: 900
    property real yaw: 0
    property int frames: 0
    NumberAnimation on yaw { id: orbit; from: 0; to: 360; duration: 20000; loops: Animation.Infinite; running: false }
    Connections {
        target: root.Window.window
        function onFrameSwapped() { root.frames++ }
    }
    View3D {
        anchors.fill: parent
        renderMode: View3D.Underlay
        environment: SceneEnvironment {
            backgroundMode: SceneEnvironment.Color
            clearColor: "#dce6ee"
            antialiasingMode: SceneEnvironment.NoAA
        }
        Node {
            eulerRotation: Qt.vector3d(-48, root.yaw, 0)
            PerspectiveCamera { z: DISTANCE; fieldOfView: 40; clipNear: 3; clipFar: 10000 }
        }
        FileInstancing { id: table; source: "TABLE" }
        DRAWN
    }
    TestCase {
        name: "lean_instances"
        when: windowShown
        function test_frame_rate() {
            tryVerify(() => loader.status === RuntimeLoader.Success, 20000, "the model loads")
            wait(1000)
            grabImage(root).save("PICTURE")
            orbit.running = true
            wait(1000)
            const first = root.frames
            wait(SECONDS * 1000)
            console.log("fps: " + ((root.frames - first) / SECONDS).toFixed(1))
        }
    }
}
