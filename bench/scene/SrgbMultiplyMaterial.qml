// InstancedUnlitMaterial with the palette and the state colour multiplied as they come, with
// none of Qt's sRGB arithmetic per pixel (bench-lean-instances' "mul"): what that arithmetic
// costs llvmpipe's rasterisers (docs/scene.md, "Pixels, 6 Dec 2026 evening"). The colours are
// not Qt's: close (sRGB is nearly a power law, so products carry over) but not the same.
import QtQuick
import QtQuick3D

CustomMaterial {
    property alias paletteTexture: paletteInput.texture
    property TextureInput palette: TextureInput { id: paletteInput }
    shadingMode: CustomMaterial.Unshaded
    vertexShader: "shaders/instanced_unlit.vert"
    fragmentShader: "shaders/srgb_multiply.frag"
}
