// bench/scene/bench-glb-instances: one GLB drawn by a RuntimeLoader at every instance of a
// FileInstancing table (as MachineModelGroup.qml draws a modelled group), the camera orbiting
// at the tilt and field of view of the park view, 1600 x 900. The placeholders MODEL, TABLE,
// SECONDS and PICTURE are filled in by the script. Frames are counted from frameSwapped.
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
        DirectionalLight { eulerRotation.x: -50 }
        RuntimeLoader {
            id: loader
            source: "MODEL"
            instancing: FileInstancing { source: "TABLE" }
        }
    }
    TestCase {
        name: "glb_instances"
        when: windowShown
        function test_frame_rate() {
            tryVerify(() => loader.status === RuntimeLoader.Success, 20000, "the model loads")
            wait(500)
            grabImage(root).save("PICTURE")  // the still picture at yaw 0, to compare by eye
            orbit.running = true
            wait(1000)
            const first = root.frames
            wait(SECONDS * 1000)
            console.log("fps: " + ((root.frames - first) / SECONDS).toFixed(1))
        }
    }
}
