// The ground the park stands on: a wide plain with a faint grain reaching to the horizon, the
// zones (water lit, so the sun glints on it), and the roads with their edge lines and dashed
// centre line. Flat ground is unlit (llvmpipe's fill cost) unless shadows are on, which need
// lit ground to fall on. At night the unlit colours are dimmed by hand, as a light would.
import QtQuick
import QtQuick3D
import ParkTwin

Node {
    id: root
    property bool night: false
    property bool shadows: false
    property bool plain: false
    property bool grain: true  // the ground's texture
    // Unlit colours are multiplied by this at night.
    readonly property color dim: night ? "#3c4a5e" : "white"

    Model {
        objectName: "ground"
        source: "#Rectangle"
        readonly property real sizeM: ParkController.scene.radius * 30
        position: Qt.vector3d(ParkController.scene.center.x, -0.5, ParkController.scene.center.z)
        eulerRotation.x: -90
        scale: Qt.vector3d(sizeM / 100, sizeM / 100, 1)
        receivesShadows: root.shadows
        castsShadows: false
        materials: PrincipledMaterial {
            baseColor: root.plain || !root.grain ? Qt.rgba(0.769 * root.dim.r, 0.812 * root.dim.g, 0.729 * root.dim.b, 1) : root.dim
            lighting: root.shadows ? PrincipledMaterial.FragmentLighting : PrincipledMaterial.NoLighting
            roughness: 1
            baseColorMap: root.plain || !root.grain ? null : groundTexture
        }
        Texture {
            id: groundTexture
            source: "textures/ground.png"
            tilingModeHorizontal: Texture.Repeat
            tilingModeVertical: Texture.Repeat
            scaleU: parent.sizeM / 120  // one tile every 120 m
            scaleV: parent.sizeM / 120
            generateMipmaps: true
            mipFilter: Texture.Linear
        }
    }

    Repeater3D {
        model: ParkController.scene.zones
        Model {
            y: modelData.water ? 0.4 : 0.1
            geometry: PolygonGeometry { outline: modelData.outline }
            receivesShadows: root.shadows
            castsShadows: false
            materials: modelData.water && !root.plain ? water : flat
            // Flat ground colours need no lighting: unlit keeps llvmpipe's fill cost low.
            PrincipledMaterial {
                id: flat
                baseColor: Qt.rgba(modelData.color.r * root.dim.r, modelData.color.g * root.dim.g, modelData.color.b * root.dim.b, 1)
                lighting: root.shadows ? PrincipledMaterial.FragmentLighting : PrincipledMaterial.NoLighting
                cullMode: Material.NoCulling
            }
            PrincipledMaterial {
                id: water
                baseColor: root.night ? "#4a7aa8" : "#7db4dc"
                roughness: 0.12
                specularAmount: 0.9
                cullMode: Material.NoCulling
                baseColorMap: Texture {
                    source: "textures/water.png"
                    tilingModeHorizontal: Texture.Repeat
                    tilingModeVertical: Texture.Repeat
                    scaleU: 0.05  // the polygon's UVs are metres: one ripple tile every 20 m
                    scaleV: 0.05
                    generateMipmaps: true
                    mipFilter: Texture.Linear
                }
            }
        }
    }

    Repeater3D {
        model: ParkController.scene.roads
        Model {
            source: "#Cube"
            // A 1 m slab whose top is the segment's own height: where roads cross, one lies over
            // the other (road_layout.hpp) rather than both in one plane, striped.
            position: Qt.vector3d(modelData.position.x, modelData.top - 0.5, modelData.position.z)
            eulerRotation.y: modelData.angle
            scale: Qt.vector3d(modelData.length / 100, 0.01, modelData.width / 100)
            receivesShadows: root.shadows
            castsShadows: false
            materials: PrincipledMaterial {
                baseColor: root.plain ? "#6b7078" : root.dim
                lighting: root.shadows ? PrincipledMaterial.FragmentLighting : PrincipledMaterial.NoLighting
                roughness: 0.9
                baseColorMap: root.plain ? null : roadTexture
            }
            Texture {
                id: roadTexture
                source: "textures/road.png"
                tilingModeHorizontal: Texture.Repeat
                scaleU: modelData.length / 24  // an 8 m dash and a 16 m gap
                generateMipmaps: true
                mipFilter: Texture.Linear
            }
        }
    }
}
