// bench/scene/bench-lean-instances, variant "shared": baked_shade of scripts/make-models per
// pixel, then the arithmetic of Qt's unlit PrincipledMaterial (shaders/instanced_unlit.frag here).
VARYING vec2 paletteUV;
VARYING vec3 tint;
VARYING vec3 worldPos;
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
    vec3 n = normalize(cross(dFdx(worldPos), dFdy(worldPos)));
    if (dot(n, CAMERA_POSITION - worldPos) < 0.0) n = -n;
    float side = 0.755 - 0.09 * n.x + 0.10 * n.z;
    float shade = max(n.y, 0.0) + (1.0 - abs(n.y)) * side + max(-n.y, 0.0) * 0.5;
    shade = floor(shade * 64.0 + 0.5) / 64.0;
    vec3 c = texture(palette, paletteUV).rgb * shade;
    FRAGCOLOR = vec4(linearToSRGB(tint * paletteToLinear(c)), 1.0);
}
