// The material of an instanced machine model whose file is unlit with a palette texture (the
// bundled models: KHR_materials_unlit, the light baked per face). Same pixels as Qt's unlit
// PrincipledMaterial with less arithmetic per vertex (shaders/instanced_unlit.vert); measured in
// docs/scene.md ("What a 10k-instance frame does"): no faster on llvmpipe, so it lives only here,
// for bench-lean-instances.
import QtQuick
import QtQuick3D

CustomMaterial {
    property alias paletteTexture: paletteInput.texture
    property TextureInput palette: TextureInput { id: paletteInput }
    shadingMode: CustomMaterial.Unshaded
    vertexShader: "shaders/instanced_unlit.vert"
    fragmentShader: "shaders/instanced_unlit.frag"
}
