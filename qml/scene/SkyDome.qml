// Sky and horizon: a sphere round the orbit target, seen from inside, painted with a generated
// gradient (scripts/make-scene-textures: blue overhead, haze at the horizon; stars at night).
// Drawn unlit and last (it is the farthest opaque thing), so it fills only the sky's pixels.
// Its radius stays inside the camera's far plane at every zoom.
import QtQuick
import QtQuick3D

Model {
    id: root
    property bool night: false
    property vector3d centre
    property real cameraDistance: 1000
    readonly property real radius: cameraDistance * 6 + 3000
    source: "#Sphere"
    position: Qt.vector3d(centre.x, 0, centre.z)
    scale: Qt.vector3d(radius / 50, radius / 50, radius / 50)
    castsShadows: false
    receivesShadows: false
    pickable: false
    materials: DefaultMaterial {
        lighting: DefaultMaterial.NoLighting
        cullMode: Material.FrontFaceCulling
        diffuseMap: Texture {
            source: root.night ? "textures/sky-night.png" : "textures/sky-day.png"
            generateMipmaps: true
            mipFilter: Texture.Linear
        }
    }
}
