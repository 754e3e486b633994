// Fragment stage of SrgbMultiplyMaterial.qml: one texture read and one multiply a pixel.
VARYING vec2 paletteUV;
VARYING vec3 tint;

void MAIN()
{
    FRAGCOLOR = vec4(tint * texture(palette, paletteUV).rgb, 1.0);
}
