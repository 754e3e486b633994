// Alarm pins above the objects whose tags break a rule: a ball on a downward cone, red, amber
// once acknowledged. The pin's ball reaches topM above the alarm's position; LabelLayer sets
// the label that names the alarm just above it, so the pin does not cover it (QA).
import QtQuick
import QtQuick3D
import ParkTwin

Repeater3D {
    id: root
    // The ball's top above the alarm's position: its centre 22 m up, its radius 7 m (0.14 of
    // the 50 m #Sphere).
    readonly property real topM: 29
    model: ParkController.alarms.active
    // modelData as a context property, as before: a required modelData here crashed Qt 6.4's
    // Repeater3D when a closed window's scene was given a new park (qml_tests, Main made twice).
    Node {
        position: modelData.position
        Model {
            source: "#Cone"
            eulerRotation.x: 180
            scale: Qt.vector3d(0.16, 0.3, 0.16)
            materials: PrincipledMaterial {
                baseColor: modelData.acknowledged ? "#e8a200" : "#e02f2f"
                lighting: PrincipledMaterial.NoLighting
            }
        }
        Model {
            source: "#Sphere"
            y: 22
            scale: Qt.vector3d(0.14, 0.14, 0.14)
            materials: PrincipledMaterial {
                baseColor: modelData.acknowledged ? "#e8a200" : "#e02f2f"
                lighting: PrincipledMaterial.NoLighting
            }
        }
    }
}
