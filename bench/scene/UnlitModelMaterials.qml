// Gives the models a RuntimeLoader has loaded for an instanced machine group the lean
// InstancedUnlitMaterial in place of Qt's, where that draws the same picture: one opaque,
// unlit PrincipledMaterial whose colour is its palette texture alone (white factor, no texture
// transform). Lit models and any other material keep Qt's. `enabled` false puts Qt's back.
import QtQuick
import QtQuick3D
import QtQuick3D.AssetUtils

QtObject {
    id: root
    required property RuntimeLoader loader
    property bool enabled: false
    // How many of the loader's models draw with the lean material now (the tests read it).
    property int leanModels: 0
    property var replaced: []  // [{model, material, lean}]: Qt's material of each model given the lean one

    readonly property bool ready: loader.status === RuntimeLoader.Success
    onReadyChanged: update()
    onEnabledChanged: update()
    Component.onCompleted: update()

    function fits(material) {
        const map = material.baseColorMap
        return material instanceof PrincipledMaterial && material.lighting === PrincipledMaterial.NoLighting
            && (material.alphaMode === PrincipledMaterial.Opaque || material.alphaMode === PrincipledMaterial.Default)
            && material.opacity === 1 && Qt.colorEqual(material.baseColor, "white") && map !== null
            && map.indexUV === 0 && map.scaleU === 1 && map.scaleV === 1 && map.positionU === 0
            && map.positionV === 0 && map.rotationUV === 0
    }
    function modelsUnder(node, out) {
        for (let i = 0; i < node.children.length; ++i) {
            const child = node.children[i]
            if (child instanceof Model) out.push(child)
            modelsUnder(child, out)
        }
        return out
    }
    function update() {
        for (const entry of replaced) {
            entry.model.materials = [entry.material]
            entry.lean.destroy()
        }
        replaced = []
        if (enabled && ready) {
            const now = []
            for (const model of modelsUnder(loader, [])) {
                if (model.materials.length !== 1 || !fits(model.materials[0])) continue
                const lean = leanMaterial.createObject(model, {paletteTexture: model.materials[0].baseColorMap})
                now.push({model: model, material: model.materials[0], lean: lean})
                model.materials = [lean]
            }
            replaced = now
        }
        leanModels = replaced.length
    }
    property Component leanMaterial: Component { InstancedUnlitMaterial {} }
}
