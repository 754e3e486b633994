// Renders the park at an export size in a window of its own, off screen, with the camera of
// the view it copies, and saves it as a PNG once the scene is complete. The main window keeps
// its size and layout; a view larger than the screen is still rendered at full resolution.
import QtQuick
import QtQuick.Window
import QtQuick3D
import ParkTwin

Window {
    id: root
    property string path
    property Item sourceView  // the ParkView whose camera and overlays to copy
    signal finished(bool ok, string message)

    flags: Qt.Tool | Qt.FramelessWindowHint | Qt.WindowDoesNotAcceptFocus
    x: -width - 200
    y: 0
    color: "#dfe6ec"

    // As for --screenshot: the scene reports ready, then a few frames let labels lay out and
    // the renderer finish uploading meshes and shaders.
    property int framesSinceReady: 0
    property bool done: false
    onFrameSwapped: {
        if (done) return
        if (!view.sceneReady || ++framesSinceReady < 3) {
            update()
            return
        }
        done = true
        Qt.callLater(save)
    }
    function save() {
        const problem = WindowImage.save(root, path)
        finished(problem === "", problem)
    }

    ParkView {
        id: view
        anchors.fill: parent
        // This window is destroyed after each export, and Qt Quick 3D 6.4 then keeps an Underlay
        // view's renderer and render context (ASan counted 13.9–14.5 MB after three exports);
        // a view rendering to a texture leaves nothing behind. grabWindow() includes it as well.
        renderMode: View3D.Offscreen
        yaw: root.sourceView ? root.sourceView.yaw : -25
        pitch: root.sourceView ? root.sourceView.pitch : 48
        distance: root.sourceView ? root.sourceView.distance : 1500
        target: root.sourceView ? root.sourceView.target : Qt.vector3d(0, 0, 0)
        showFlows: root.sourceView ? root.sourceView.showFlows : false
        machineTable: MachineInstancingMirror { source: ParkController.scene.machines }
        Component.onCompleted: if (!root.sourceView) fitPark(true)
    }
}
