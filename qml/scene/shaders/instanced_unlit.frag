// Fragment stage of InstancedUnlitMaterial.qml: the linear colour to sRGB with Qt's own
// approximation (qt_linearTosRGB, the linear tonemapper), so the pixels are those of Qt's
// unlit PrincipledMaterial.
VARYING vec3 colour;

vec3 linearToSRGB(vec3 c)
{
    vec3 s1 = sqrt(c);
    vec3 s2 = sqrt(s1);
    vec3 s3 = sqrt(s2);
    return 0.585122381 * s1 + 0.783140355 * s2 - 0.368262736 * s3;
}

void MAIN()
{
    FRAGCOLOR = vec4(linearToSRGB(colour), 1.0);
}
