// Night mode's street lights along the roads (StreetLightInstancing): poles, glowing heads and
// a warm pool of light on the road under each, three instanced draws in all. Unlit: the glow
// is the colour itself, and a pool is a blended disc, not a light (llvmpipe could not afford
// one light per lamp).
import QtQuick
import QtQuick3D
import ParkTwin

Node {
    id: root
    readonly property alias lampCount: poles.count

    Model {
        source: "#Cube"  // Qt's cylinder and sphere have hundreds of triangles each: too many per lamp
        castsShadows: false
        instancing: StreetLightInstancing { id: poles; roads: ParkController.scene.roads; part: StreetLightInstancing.Pole }
        materials: DefaultMaterial { lighting: DefaultMaterial.NoLighting }
    }
    Model {
        source: "#Cube"
        castsShadows: false
        instancing: StreetLightInstancing { roads: ParkController.scene.roads; part: StreetLightInstancing.Head }
        materials: DefaultMaterial { lighting: DefaultMaterial.NoLighting }
    }
    Model {
        source: "#Rectangle"
        castsShadows: false
        receivesShadows: false
        instancing: StreetLightInstancing { roads: ParkController.scene.roads; part: StreetLightInstancing.Pool }
        materials: DefaultMaterial {
            lighting: DefaultMaterial.NoLighting
            blendMode: DefaultMaterial.Screen
            depthDrawMode: Material.NeverDepthDraw
            diffuseMap: Texture { source: "textures/lamp-pool.png" }
        }
    }
}
