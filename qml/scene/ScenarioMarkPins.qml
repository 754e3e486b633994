// Pins over the objects a scenario changes, while its run is replayed: in the mark's colour,
// solid while the change is in force at the timeline's time, faint before and after it.
import QtQuick
import QtQuick3D
import ParkTwin

Node {
    Repeater3D {
        model: ParkController.scenarios.marks
        Node {
            position: modelData.position
            Model {
                source: "#Cone"
                eulerRotation.x: 180
                scale: Qt.vector3d(0.2, 0.36, 0.2)
                materials: PrincipledMaterial {
                    baseColor: modelData.color
                    opacity: modelData.active ? 1.0 : 0.35
                    alphaMode: modelData.active ? PrincipledMaterial.Opaque : PrincipledMaterial.Blend
                    lighting: PrincipledMaterial.NoLighting
                }
            }
            Model {
                source: "#Sphere"
                y: 26
                scale: Qt.vector3d(0.17, 0.17, 0.17)
                materials: PrincipledMaterial {
                    baseColor: modelData.color
                    opacity: modelData.active ? 1.0 : 0.35
                    alphaMode: modelData.active ? PrincipledMaterial.Opaque : PrincipledMaterial.Blend
                    lighting: PrincipledMaterial.NoLighting
                }
            }
        }
    }
}
