// The keyboard's camera moves: arrows or WASD pan along the ground by 5 % of the distance, + and -
// zoom, F or Home fit the park, N turns north up. ParkView hands its key presses here.
import QtQuick
import "camera_fit.js" as CameraFit

QtObject {
    required property Item scene
    // True when the key moved the camera (the key event is then accepted).
    function handle(key) {
        const step = scene.distance * 0.05
        const a = CameraFit.axes(scene.yaw, scene.pitch)
        if (key === Qt.Key_Up || key === Qt.Key_W) scene.target = scene.target.plus(a.ahead.times(step))
        else if (key === Qt.Key_Down || key === Qt.Key_S) scene.target = scene.target.minus(a.ahead.times(step))
        else if (key === Qt.Key_Left || key === Qt.Key_A) scene.target = scene.target.minus(a.right.times(step))
        else if (key === Qt.Key_Right || key === Qt.Key_D) scene.target = scene.target.plus(a.right.times(step))
        else if (key === Qt.Key_Plus || key === Qt.Key_Equal) scene.distance *= 0.85
        else if (key === Qt.Key_Minus) scene.distance /= 0.85
        else if (key === Qt.Key_F || key === Qt.Key_Home) scene.fitPark()
        else if (key === Qt.Key_N) scene.turnNorthUp()
        else return false
        return true
    }
}
