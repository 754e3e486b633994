// The flow arcs as drawn: one instance of one instanced Model per arc (FlowArcInstancing). Each
// keeps what the overlay shows: its row's place, length and width, the bottleneck (minimum cut)
// in red and 2.5 m tall against 0.8 m, links without flow faint, the selected arc yellow; an
// arc is picked where it is drawn, and drawn where it is picked. Oracles: the rows
// (FlowController.arcs), the rule's figures written here, the arc's own centre projected by the
// camera, and the window's pixels with the flows hidden.
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
        name: "FlowArcs"
        when: windowShown
        readonly property var flows: ParkController.flows
        readonly property var table: parkView.flowArcs.arcTable

        function initTestCase() { verify(ParkController.loadPark(Fixture.beiduPath)) }
        function cleanup() { ParkController.selection.select("") }

        function indexOf(id) {
            for (let i = 0; i < table.count; ++i) if (table.arcAt(i).objectId === id) return i
            return -1
        }

        function test_each_arc_is_drawn_as_its_row_says() {
            tryVerify(() => table.count > 0)
            compare(table.count, flows.arcs.length)
            for (let i = 0; i < flows.arcs.length; ++i) {
                const row = flows.arcs[i], drawn = table.arcAt(i)
                compare(drawn.objectId, row.id)
                fuzzyCompare(drawn.position.x, row.position.x, 1e-3)
                fuzzyCompare(drawn.position.y, row.position.y, 1e-3)
                fuzzyCompare(drawn.position.z, row.position.z, 1e-3)
                fuzzyCompare(drawn.angle, row.angle, 1e-3)
                fuzzyCompare(drawn.size.x, row.length, 1e-3)
                fuzzyCompare(drawn.size.z, row.width, 1e-4)
                fuzzyCompare(drawn.size.y, row.bottleneck ? 2.5 : 0.8, 1e-6)
                fuzzyCompare(drawn.color.a, row.flow > 0 ? 0.85 : 0.25, 0.01)
                fuzzyCompare(drawn.speed, row.speed, 1e-4)
            }
        }

        // Beidu's design solve has no bottleneck: the rules on rows written here.
        function test_a_bottleneck_is_taller_and_a_link_without_flow_faint() {
            const row = {id: "a-link", position: Qt.vector3d(10, 20, -30), angle: 30, length: 120, width: 4.5,
                         speed: 25, color: "#e02f2f", bottleneck: true, active: true}
            const cut = table.drawnAs(row)
            fuzzyCompare(cut.size.y, 2.5, 1e-6)
            fuzzyCompare(cut.size.x, 120, 1e-6)
            fuzzyCompare(cut.size.z, 4.5, 1e-6)
            fuzzyCompare(cut.color.r, 0xe0 / 255, 0.01)
            fuzzyCompare(cut.color.a, 0.85, 0.01)
            row.bottleneck = false
            row.active = false
            const idle = table.drawnAs(row)
            fuzzyCompare(idle.size.y, 0.8, 1e-6)
            fuzzyCompare(idle.color.a, 0.25, 0.01)
        }

        function test_the_selected_arc_is_yellow_and_back_when_deselected() {
            const at = indexOf("e-potline-1")
            verify(at >= 0)
            const before = table.arcAt(at).color
            ParkController.selection.select("e-potline-1")
            const selected = table.arcAt(at).color
            // #ffd43b, keeping its opacity
            fuzzyCompare(selected.r, 1.0, 0.01)
            fuzzyCompare(selected.g, 0xd4 / 255, 0.01)
            fuzzyCompare(selected.b, 0x3b / 255, 0.01)
            fuzzyCompare(selected.a, before.a, 0.01)
            ParkController.selection.select("")
            verify(Qt.colorEqual(table.arcAt(at).color, before), "its colour again")
        }

        // Where an arc's top runs on screen: its two ends projected by the camera.
        function screenSegment(arc) {
            const a = arc.angle * Math.PI / 180, y = arc.position.y + (arc.bottleneck ? 1.25 : 0.4)
            const dx = Math.cos(a) * arc.length / 2, dz = -Math.sin(a) * arc.length / 2
            return [parkView.view.mapFrom3DScene(Qt.vector3d(arc.position.x - dx, y, arc.position.z - dz)),
                    parkView.view.mapFrom3DScene(Qt.vector3d(arc.position.x + dx, y, arc.position.z + dz))]
        }
        // Half the arc's width on screen, the larger of its two ends'.
        function screenHalfWidth(arc) {
            const a = arc.angle * Math.PI / 180, y = arc.position.y + (arc.bottleneck ? 1.25 : 0.4)
            const dx = Math.cos(a) * arc.length / 2, dz = -Math.sin(a) * arc.length / 2
            const sx = Math.sin(a) * arc.width / 2, sz = Math.cos(a) * arc.width / 2
            let most = 0
            for (const end of [-1, 1]) {
                const c = Qt.vector3d(arc.position.x + end * dx, y, arc.position.z + end * dz)
                const p = parkView.view.mapFrom3DScene(c), q = parkView.view.mapFrom3DScene(Qt.vector3d(c.x + sx, y, c.z + sz))
                if (p.z <= 0 || q.z <= 0) return Infinity  // behind the camera: no point is known to be clear of it
                most = Math.max(most, Math.hypot(q.x - p.x, q.y - p.y))
            }
            return most
        }
        function pixelsFrom(p, segment) {
            const [a, b] = segment, abx = b.x - a.x, aby = b.y - a.y
            const t = Math.max(0, Math.min(1, ((p.x - a.x) * abx + (p.y - a.y) * aby) / (abx * abx + aby * aby)))
            return Math.hypot(p.x - a.x - t * abx, p.y - a.y - t * aby)
        }

        // Qt 6.4 does not pick instances: ParkView.objectAt asks the table. The centre of an arc's
        // top, projected by the camera, picks that arc where nothing stands in front of it, or
        // another arc drawn over that pixel (Beidu has several links between the same buildings,
        // material arcs above energy ones); a point well beside it does not pick it.
        function test_an_arc_is_picked_where_it_is_drawn() {
            parkView.fitPark(true)
            verify(waitForRendering(parkView))  // View3D.pick uses the camera of the last frame
            let picked = 0, tried = 0
            const longest = flows.arcs.slice().sort((a, b) => b.length - a.length).slice(0, 30)
            for (const arc of longest) {
                const top = Qt.vector3d(arc.position.x, arc.position.y + (arc.bottleneck ? 1.25 : 0.4), arc.position.z)
                const p = parkView.view.mapFrom3DScene(top)
                if (p.x < 5 || p.y < 5 || p.x > parkView.width - 5 || p.y > parkView.height - 5) continue
                if (objectInFront(p)) continue  // a building in front
                const over = flows.arcs.filter(o => pixelsFrom(p, screenSegment(o)) < 3).map(o => o.id)
                ++tried
                const got = parkView.objectAt(p.x, p.y)
                verify(got === arc.id || over.includes(got), arc.id + " picked at its centre, got " + got)
                if (got === arc.id) ++picked
                // 3 widths to the side, across the arc (the scene turns +x towards -z).
                const a = arc.angle * Math.PI / 180, off = 3 * arc.width + 5
                const beside = parkView.view.mapFrom3DScene(Qt.vector3d(top.x + Math.sin(a) * off, top.y, top.z + Math.cos(a) * off))
                verify(parkView.objectAt(beside.x, beside.y) !== arc.id, arc.id + " is not picked beside it")
            }
            verify(tried >= 10, "arcs in the open: " + tried)
            verify(picked >= 5, "arcs picked by their own id: " + picked)
        }

        // A park object (building, utility, external) in front of the point, or the point under
        // one of the view's 2D overlays (labels, compass, KPI bar, scale bar...).
        function objectInFront(p) {
            const hit = parkView.view.pick(p.x, p.y)
            return hit.objectHit && hit.objectHit.objectId !== undefined
        }
        function overlaidAt(p) {
            const inside = c => c.visible && p.x >= c.x && p.x <= c.x + c.width && p.y >= c.y && p.y <= c.y + c.height
            const labelLayer = findChild(parkView, "labelLayer")
            const overlays = parkView.children, labels = labelLayer.children  // list properties: no for-of
            for (let i = 0; i < overlays.length; ++i) {
                const c = overlays[i]
                if (c === parkView.view || c === labelLayer || (c.width >= parkView.width && c.height >= parkView.height)) continue
                if (inside(c)) return true
            }
            for (let i = 0; i < labels.length; ++i) if (inside(labels[i])) return true
            return false
        }

        // What the window shows where the pick boxes' tops are: no arc on a grid of points 12 px
        // or more from every arc's top, and each arc's colour over a point of its top's middle
        // line (FlowArcs.qml draws the top face of that box; a face drawn far from it, or facing
        // away, fails one of the two; a few tenths of a metre off would not show). The oracle is
        // the same pixel with the flows hidden, the camera unchanged. Only points in front of
        // the camera, with no park object in front and under no 2D overlay, are used.
        function test_an_arc_is_drawn_where_it_is_picked() {
            const open = p => p.z > 0 && p.x > 5 && p.y > 5 && p.x < parkView.width - 5 && p.y < parkView.height - 5
                && !objectInFront(p) && !overlaidAt(p)
            const apart = (c, d) => Math.max(Math.abs(c.r - d.r), Math.abs(c.g - d.g), Math.abs(c.b - d.b))
            // The window's pixels at these points with the flows shown, then hidden; a point that
            // a label covers once the flows' KPI cards are gone (labels take their room) is null.
            const shownAndHidden = points => {
                const at = points.map(x => Qt.point(x.p.x, x.p.y))
                const shown = Fixture.windowPixels(parkView, at)
                parkView.showFlows = false
                verify(waitForRendering(parkView))
                const hidden = Fixture.windowPixels(parkView, at).map((c, i) => overlaidAt(points[i].p) ? null : c)
                parkView.showFlows = true
                verify(waitForRendering(parkView))
                return [shown, hidden]
            }

            // The whole park: no arc on a grid of points 12 px or more from every arc's edge.
            parkView.fitPark(true)
            verify(waitForRendering(parkView))
            const reach = flows.arcs.map(o => ({segment: screenSegment(o), half: screenHalfWidth(o)}))
            const away = []
            for (let x = 20; x < parkView.width; x += 40) {
                for (let y = 20; y < parkView.height; y += 40) {
                    const q = Qt.vector3d(x, y, 1)
                    if (open(q) && !reach.some(o => pixelsFrom(q, o.segment) < o.half + 12)) away.push({p: q})
                }
            }
            verify(away.length >= 20, "points away from every arc: " + away.length)
            const [awayShown, awayHidden] = shownAndHidden(away)
            for (let i = 0; i < away.length; ++i) {
                if (awayHidden[i] === null) continue
                verify(apart(awayShown[i], awayHidden[i]) < 0.01,
                       "nothing drawn at " + away[i].p + ", 12 px or more from every arc's edge: " + awayShown[i] + " with the flows, " + awayHidden[i] + " without")
            }

            // Close to the casthouse, where arcs are wide on screen: on each arc, the first point
            // along its top (from the middle out) in the open, with the arc at least 4 px wide
            // there, so that the pixel lies wholly inside it.
            parkView.focusOn("casthouse", true)
            waitForRendering(parkView)
            const on = []
            for (const arc of flows.arcs.filter(row => row.active)) {
                const a = arc.angle * Math.PI / 180, y = arc.position.y + (arc.bottleneck ? 1.25 : 0.4)
                for (const t of [0, -0.2, 0.2, -0.4, 0.4]) {
                    const along = Qt.vector3d(arc.position.x + Math.cos(a) * t * arc.length, y, arc.position.z - Math.sin(a) * t * arc.length)
                    const p = parkView.view.mapFrom3DScene(along), half = arc.width / 2
                    const edge = parkView.view.mapFrom3DScene(Qt.vector3d(along.x + Math.sin(a) * half, y, along.z + Math.cos(a) * half))
                    if (open(p) && edge.z > 0 && 2 * Math.hypot(edge.x - p.x, edge.y - p.y) >= 4) {
                        on.push({id: arc.id, p: p})
                        break
                    }
                }
            }
            verify(on.length >= 5, "points on arcs 4 px wide or more in the open: " + on.length)
            const [onShown, onHidden] = shownAndHidden(on)
            for (let i = 0; i < on.length; ++i) {
                if (onHidden[i] === null) continue
                verify(apart(onShown[i], onHidden[i]) > 0.04,
                       on[i].id + " drawn over its top at " + on[i].p + ": " + onShown[i] + " with the flows, " + onHidden[i] + " without")
            }
            parkView.fitPark(true)
            verify(waitForRendering(parkView))
        }
    }
}
