// Fragment stage of InstancedUnlitMaterial.qml: Qt's unlit PrincipledMaterial's arithmetic
// (its qt_sRGBToLinear on the palette, the linear instance colour, then the linear
// tonemapper's qt_linearTosRGB), so the pixels are the same.
VARYING vec2 paletteUV;
VARYING vec3 tint;

vec3 paletteToLinear(vec3 c) { return c * (c * (c * 0.305306011 + 0.682171111) + 0.012522878); }

vec3 linearToSRGB(vec3 c)
{
    vec3 s1 = sqrt(c);
    vec3 s2 = sqrt(s1);
    vec3 s3 = sqrt(s2);
    return 0.585122381 * s1 + 0.783140355 * s2 - 0.368262736 * s3;
}

void MAIN()
{
    FRAGCOLOR = vec4(linearToSRGB(tint * paletteToLinear(texture(palette, paletteUV).rgb)), 1.0);
}
