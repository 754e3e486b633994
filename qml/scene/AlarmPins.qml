// Alarm pins above the places whose tags break a rule: a ball on a needle down to the ground,
// red while any alarm there waits, amber once every one is acknowledged. One pin per place (AlarmPinList,
// model::alarmPlaces): two alarms in one hall drew two pins at one spot, whose colour the depth
// test chose (QA). More than one alarm there: their count on the ball. The pin's ball reaches
// topM above the place; LabelLayer sets the label that names it just above, so the pin does not
// cover it (QA). The needle starts inside the ball and is narrower than it: a broad cone 15 m
// below the ball read, from above, as a second disc on the roof: one alarm, two pins (QA4).
import QtQuick
import QtQuick3D
import ParkTwin

Repeater3D {
    id: root
    objectName: "alarmPins"
    // The ball's top above the alarm's position: its centre 22 m up, its radius 7 m (0.14 of
    // the 50 m #Sphere).
    readonly property real ballCentreM: 22
    readonly property real ballRadiusM: 7
    readonly property real topM: ballCentreM + ballRadiusM
    // Where the label naming a pin's place stands: just above its ball (LabelLayer places it), so
    // the pin does not cover it (QA). Here, beside the ball's size, so the two never disagree.
    function labelAnchor(pin) { return pin.position.plus(Qt.vector3d(0, topM + 2, 0)) }
    // The needle: from the ball's centre down to the ground, 30 m under the alarm's position
    // (alarmPinPosition), its upper end half the ball's width so that the ball hides it.
    readonly property real needleLengthM: ballCentreM + 30
    readonly property real needleRadiusM: ballRadiusM / 2
    // The count faces this camera.
    property Camera camera: null
    model: AlarmPinList.pins
    // Where each pin's ball and upper needle lie on `view`, {x, y, w, h} in its pixels, for the
    // labels to keep off (LabelLayer): a zone's name laid over the ball read as covered by it (QA4).
    function screenBoxes(view) {
        if (!camera) return []
        return AlarmPinList.pins.map(p => {
            const centre = p.position.plus(Qt.vector3d(0, ballCentreM, 0))
            const c = view.mapFrom3DScene(centre)
            const across = Math.abs(view.mapFrom3DScene(centre.plus(camera.right.times(ballRadiusM))).x - c.x)
            const upDown = Math.abs(view.mapFrom3DScene(centre.plus(camera.up.times(ballRadiusM))).y - c.y)
            const foot = view.mapFrom3DScene(p.position)
            const top = c.y - upDown
            return {x: c.x - across, y: top, w: 2 * across, h: Math.max(c.y + upDown, foot.y) - top, inFront: c.z > 0}
        }).filter(box => box.inFront)
    }
    // modelData as a context property, as before: a required modelData here crashed Qt 6.4's
    // Repeater3D when a closed window's scene was given a new park (qml_tests, Main made twice).
    Node {
        readonly property color pinColor: modelData.acknowledged ? "#e8a200" : "#e02f2f"
        readonly property int alarmCount: modelData.count
        position: modelData.position
        // #Cone: base (radius 50) at y 0, tip at y 100; turned over, its tip points down.
        Model {
            objectName: "alarmPinNeedle"
            source: "#Cone"
            y: root.ballCentreM
            eulerRotation.x: 180
            scale: Qt.vector3d(root.needleRadiusM / 50, root.needleLengthM / 100, root.needleRadiusM / 50)
            materials: PrincipledMaterial {
                baseColor: pinColor
                lighting: PrincipledMaterial.NoLighting
            }
        }
        Model {
            objectName: "alarmPinBall"
            source: "#Sphere"
            y: root.ballCentreM
            scale: Qt.vector3d(root.ballRadiusM / 50, root.ballRadiusM / 50, root.ballRadiusM / 50)
            materials: PrincipledMaterial {
                baseColor: pinColor
                lighting: PrincipledMaterial.NoLighting
            }
        }
        // The count, turned to the camera, just in front of the ball (its radius is 7 m); a 2D
        // item in the scene is 1 m per pixel, drawn at 4 px per metre for crisp text.
        // Its nodes stay visible and the Text hides itself instead: Qt 6.4.2 crashes when a
        // window closes while a 2D item lies under a hidden node that was never drawn
        // (QTBUG-109389: a null render pass released on the render thread; SIGSEGV on exit
        // whenever one pin showed a single alarm, docs/scene.md).
        Node {
            y: root.ballCentreM
            rotation: root.camera ? root.camera.sceneRotation : Qt.quaternion(1, 0, 0, 0)
            Node {
                z: 7.5
                scale: Qt.vector3d(0.25, 0.25, 0.25)
                Text {
                    objectName: "alarmPinCount"
                    anchors.centerIn: parent
                    visible: alarmCount > 1
                    text: alarmCount
                    color: "white"
                    font.pixelSize: 40
                    font.bold: true
                }
            }
        }
    }
}
