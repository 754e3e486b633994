// The scene's look (issue 18): which renderers count as software (shadows then start off), and
// night mode's street lights: one lamp every 36 m along each road, standing beside it (1.5 m
// off the kerb), never on it, alternating sides.
import QtQuick
import QtTest
import ParkTwin
import ParkTwinTest

Item {
    width: 800
    height: 500

    StreetLightInstancing { id: lamps; roads: ParkController.scene.roads }

    TestCase {
        name: "SceneLook"
        when: windowShown

        function test_software_renderers_are_told_apart() {
            // GL_RENDERER strings as the drivers report them.
            verify(ViewState.isSoftwareRenderer("llvmpipe (LLVM 15.0.6, 256 bits)"))
            verify(ViewState.isSoftwareRenderer("softpipe"))
            verify(ViewState.isSoftwareRenderer("Google SwiftShader"))
            verify(ViewState.isSoftwareRenderer("Microsoft Basic Render Driver"))
            verify(!ViewState.isSoftwareRenderer("NVIDIA H200/PCIe/SSE2"))
            verify(!ViewState.isSoftwareRenderer("Mesa Intel(R) UHD Graphics 620 (KBL GT2)"))
            verify(!ViewState.isSoftwareRenderer("AMD Radeon RX 6600 (radeonsi, navi23, LLVM 15.0.6, DRM 3.49)"))
        }

        function test_street_lights_stand_beside_the_roads() {
            verify(ParkController.loadPark(Fixture.beiduPath))
            const roads = ParkController.scene.roads
            verify(roads.length > 0)
            // By hand: floor(length / 36) lamps per road segment.
            let expected = 0
            for (const r of roads) expected += Math.floor(r.length / 36)
            compare(lamps.count, expected)
            // The first road's lamps: each at half its width plus 1.5 m from its centre line,
            // inside its length, on alternate sides.
            const r = roads[0]
            const a = r.angle * Math.PI / 180
            const along = Qt.vector3d(Math.cos(a), 0, -Math.sin(a)), across = Qt.vector3d(Math.sin(a), 0, Math.cos(a))
            const n = Math.floor(r.length / 36)
            verify(n >= 2, "the first road is long enough for two lamps")
            let previousSide = 0
            for (let i = 0; i < n; ++i) {
                const v = lamps.lampPosition(i).minus(Qt.vector3d(r.position.x, 0, r.position.z))
                const side = v.dotProduct(across)
                fuzzyCompare(Math.abs(side), r.width / 2 + 1.5, 0.01)
                verify(Math.abs(v.dotProduct(along)) <= r.length / 2, "lamp " + i + " within the road's length")
                verify(side * previousSide <= 0, "lamp " + i + " on the other side")
                previousSide = side
            }
        }
    }
}
