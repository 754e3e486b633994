// The flow arcs' table (FlowArcInstancing): each instance is a #Cube stretched along its link,
// INSTANCE_DATA.x its length in metres, .y how fast its dashes move (m/s), INSTANCE_COLOR its
// colour and opacity. One dash every 40 m, moving from source (-x) to consumer (+x).
VARYING float vDashes;
VARYING vec4 vColor;

void MAIN()
{
    float lengthM = INSTANCE_DATA.x;
    float speed = INSTANCE_DATA.y;
    // The cube's x runs from -50 to 50: metres from the source end, then in dashes.
    vDashes = ((VERTEX.x / 100.0 + 0.5) * lengthM - time * speed) / 40.0;
    vColor = INSTANCE_COLOR;
    POSITION = INSTANCE_MODELVIEWPROJECTION_MATRIX * vec4(VERTEX, 1.0);
}
