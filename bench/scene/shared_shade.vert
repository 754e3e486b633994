// bench/scene/bench-lean-instances, variant "shared": the CNC with its corners shared across each
// part's faces (make_shared_cnc.py: 28 vertices instead of 64, the palette unshaded); the
// face's baked shade (scripts/make-models: baked_shade) is worked out per pixel from the
// face's normal, taken from the screen derivatives of the world position.
VARYING vec2 paletteUV;
VARYING vec3 tint;
VARYING vec3 worldPos;
void MAIN()
{
    paletteUV = UV0;
    tint = INSTANCE_COLOR.rgb;
    vec4 local = MODEL_MATRIX * vec4(VERTEX, 1.0);
    vec4 placed = qt_parentMatrix * vec4(dot(qt_instanceTransform0, local), dot(qt_instanceTransform1, local),
                       dot(qt_instanceTransform2, local), 1.0);
    worldPos = placed.xyz;
    POSITION = VIEWPROJECTION_MATRIX * placed;
}
