// The scene's light: a sun (a moon at night) with a weak ambient share, and a cool fill from
// the opposite side that stands in for the sky's light, so walls facing away from the sun are
// not flat. Two lights, not an image-based probe: llvmpipe pays per lit pixel for each. The
// sun casts shadows only when asked (ViewState.shadows: a GPU's default, off on llvmpipe).
import QtQuick
import QtQuick3D

Node {
    id: root
    property bool night: false
    property bool shadows: false
    property real sceneRadius: 500

    DirectionalLight {
        objectName: "sun"
        eulerRotation: Qt.vector3d(-50, -40, 0)
        color: root.night ? "#a8bce8" : "#fff3e2"
        ambientColor: root.night ? "#161e30" : "#3a444e"
        brightness: root.night ? 0.4 : 1.15
        castsShadow: root.shadows
        shadowMapQuality: Light.ShadowMapQualityHigh
        shadowFactor: 40
        shadowBias: 3
        shadowMapFar: root.sceneRadius * 6
    }
    DirectionalLight {
        eulerRotation: Qt.vector3d(-30, 140, 0)
        color: root.night ? "#334670" : "#d4e4ff"
        brightness: root.night ? 0.2 : 0.45
    }
}
