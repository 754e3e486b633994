// Vertex stage of InstancedUnlitMaterial.qml. Qt's generated instancing code multiplies three
// 4x4 matrices per vertex (parent x instance x model, then the view-projection) and computes the
// inverse for a normal matrix; llvmpipe runs every vertex of every instance through that on one
// thread. Here the point goes through the matrices one at a time (four matrix-vector products),
// and the colour is looked up per vertex: the palette has one texel per face, so the fragment
// stage gets one varying and no texture (docs/scene.md, "A lean material for instanced models").
// qt_instanceTransform0-2 (the instance's 3x4 rows) and qt_parentMatrix are the names Qt 6.4's
// generated code gives them; tst_scene_models.qml compares the picture with Qt's material.
VARYING vec3 colour;

// Qt's qt_sRGBToLinear: the palette is sRGB, the instance colour (the state) is linear.
vec3 paletteToLinear(vec3 c) { return c * (c * (c * 0.305306011 + 0.682171111) + 0.012522878); }

void MAIN()
{
    colour = INSTANCE_COLOR.rgb * paletteToLinear(textureLod(palette, UV0, 0.0).rgb);
    vec4 local = MODEL_MATRIX * vec4(VERTEX, 1.0);
    vec4 placed = vec4(dot(qt_instanceTransform0, local), dot(qt_instanceTransform1, local),
                       dot(qt_instanceTransform2, local), 1.0);
    POSITION = VIEWPROJECTION_MATRIX * (qt_parentMatrix * placed);
}
