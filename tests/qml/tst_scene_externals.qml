// Everything in the park is drawn: externals (market, suppliers) get a marker, one far away
// is drawn at the park's edge in its direction, and the flows to it end at its marker;
// utilities standing on their own are drawn as what they are.
import QtQuick
import QtTest
import ParkTwin
import ParkTwinTest

Item {
    width: 1200
    height: 700

    ParkView {
        id: parkView
        anchors.fill: parent
        showFlows: true
    }

    TestCase {
        name: "SceneExternals"
        when: windowShown

        function externalOf(id) { return ParkController.scene.externals.find(e => e.id === id) }
        // Where a flow arc starts and ends on the ground (the scene turns +x towards -z).
        function endsOf(arc) {
            const a = arc.angle * Math.PI / 180
            const dx = Math.cos(a) * arc.length / 2, dz = -Math.sin(a) * arc.length / 2
            return {from: Qt.point(arc.position.x - dx, arc.position.z - dz),
                    to: Qt.point(arc.position.x + dx, arc.position.z + dz)}
        }
        function near(p, v) { return Math.hypot(p.x - v.x, p.y - v.z) < 0.5 }

        function cleanup() { verify(ParkController.loadPark(Fixture.beiduPath)) }

        function test_every_external_has_a_marker_where_its_flows_end() {
            verify(ParkController.loadPark(Fixture.beiduPath))
            const park = ParkController.scene.externals
            compare(park.map(e => e.id).sort(), ["alumina-supply", "market"])
            let checked = 0
            for (const arc of ParkController.flows.arcs) {
                for (const end of ["from", "to"]) {
                    const external = externalOf(arc[end])
                    if (!external) continue
                    verify(near(endsOf(arc)[end], external.position), arc.id + " ends at " + arc[end] + "'s marker")
                    ++checked
                }
            }
            verify(checked >= 2, "flows to externals checked: " + checked)
        }

        function test_a_far_external_is_drawn_at_the_parks_edge_with_its_flows() {
            verify(ParkController.loadPark(Fixture.farMarketParkPath), ParkController.errorText)
            const market = externalOf("market")
            verify(market.outside, "20 km away is outside the park")
            // On the east edge (it lies east), within the park's frame: 20 km would not fit the view.
            verify(market.position.x < 1500, "drawn at x " + market.position.x)
            verify(Math.abs(market.angle) < 10, "pointing east: " + market.angle)
            const toMarket = ParkController.flows.arcs.filter(a => a.to === "market")
            verify(toMarket.length > 0)
            for (const arc of toMarket) verify(near(endsOf(arc).to, market.position), arc.id)
            // The fitted park shows the marker.
            parkView.fitPark(true)
            const p = parkView.view.mapFrom3DScene(market.position)
            verify(p.x > 0 && p.x < parkView.width && p.y > 0 && p.y < parkView.height, "on screen at " + p.x + ", " + p.y)
            ParkController.selection.select("market")
            compare(ParkController.selection.type, "external")
            verify(ParkController.selection.inspector.some(r => r.value.indexOf("km") > 0), "the inspector says how far it is")
        }

        function test_ground_utilities_are_drawn_by_what_they_are() {
            verify(ParkController.loadPark(Fixture.beiduPath))
            const shapes = {}
            for (const u of ParkController.scene.utilities) shapes[u.id] = u.shape
            compare(shapes["grid-tie"], "tower")
            compare(shapes["panlong-pumped"], "water")
            compare(shapes["zaodu-hydro"], "water")
            verify(shapes["substation"] === undefined, "Beidu's substation is drawn as its building")
        }
    }
}
