// One dash per 40 m as textures/flow-dash.png drew it: full colour over 1/16 to 13/32 of the
// period with soft edges, 55 % of it between dashes.
VARYING float vDashes;
VARYING vec4 vColor;

void MAIN()
{
    float d = fract(vDashes);
    float dash = smoothstep(0.0, 0.0625, d) * (1.0 - smoothstep(0.40625, 0.46875, d));
    // Qt hands instance colours over in linear light and an unshaded material's output is not
    // tonemapped: back to sRGB, as the built-in materials write it.
    vec3 c = clamp(vColor.rgb, 0.0, 1.0);
    vec3 srgb = mix(c * 12.92, 1.055 * pow(c, vec3(1.0 / 2.4)) - 0.055, step(vec3(0.0031308), c));
    FRAGCOLOR = vec4(srgb * mix(0.55, 1.0, dash), vColor.a);
}
