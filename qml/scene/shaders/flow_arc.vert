// The flow arcs' table (FlowArcInstancing): each instance is the top face of a box stretched
// along its link (FlowArcs.qml: #Rectangle laid flat, 100 units on a side, like the box),
// INSTANCE_DATA.x its length in metres, .y how fast its dashes move (m/s), INSTANCE_COLOR its
// colour and opacity. One dash every 40 m, moving from source (-x) to consumer (+x).
VARYING float vDashes;
VARYING vec4 vColor;

void MAIN()
{
    float lengthM = INSTANCE_DATA.x;
    float speed = INSTANCE_DATA.y;
    // The face's x runs from -50 to 50: metres from the source end, then in dashes.
    vDashes = ((VERTEX.x / 100.0 + 0.5) * lengthM - time * speed) / 40.0;
    vColor = INSTANCE_COLOR;
    // The face is the box's top: 50 units up, along the face's normal (its z, which the Model's
    // rotation turns upwards), before the instance's scale makes that half the box's height.
    // (The Model's own position would be added after that scale, in metres.)
    POSITION = INSTANCE_MODELVIEWPROJECTION_MATRIX * vec4(VERTEX.xy, VERTEX.z + 50.0, 1.0);
}
