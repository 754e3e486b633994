// Vertex stage of InstancedUnlitMaterial.qml. Qt's generated instancing code multiplies three
// 4x4 matrices per vertex (parent x instance x model, then the view-projection); llvmpipe runs
// every vertex of every instance through its vertex stage on one thread. Here the point goes
// through them one at a time (four matrix-vector products). qt_instanceTransform0-2 (the
// instance's 3x4 rows) and qt_parentMatrix are the names Qt 6.4's generated code gives them;
// tst_scene_models.qml compares the picture with Qt's material.
VARYING vec2 paletteUV;
VARYING vec3 tint;

void MAIN()
{
    paletteUV = UV0;
    tint = INSTANCE_COLOR.rgb;
    vec4 local = MODEL_MATRIX * vec4(VERTEX, 1.0);
    vec4 placed = vec4(dot(qt_instanceTransform0, local), dot(qt_instanceTransform1, local),
                       dot(qt_instanceTransform2, local), 1.0);
    POSITION = VIEWPROJECTION_MATRIX * (qt_parentMatrix * placed);
}
