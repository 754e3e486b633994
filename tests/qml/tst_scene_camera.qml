// The orbit camera, checked with Qt Quick 3D's own projection: "Fit park" and flying to an
// object frame the whole of it, centred and filling the view, whatever the heading and the
// window's shape; the keys move and a right-drag pans the picture the way the user points.
import QtQuick
import QtTest
import ParkTwin
import ParkTwinTest

Item {
    id: root
    width: 1200
    height: 700

    ParkView {
        id: parkView
        width: parent.width
        height: parent.height
    }

    TestCase {
        name: "SceneCamera"
        when: windowShown

        // The projected points' extent, as fractions of the view.
        function extent(points) {
            const view = parkView.view
            const e = {left: 1e9, right: -1e9, top: 1e9, bottom: -1e9, behind: 0}
            for (const p of points) {
                const s = view.mapFrom3DScene(p)
                if (s.z <= 0) ++e.behind
                e.left = Math.min(e.left, s.x / view.width)
                e.right = Math.max(e.right, s.x / view.width)
                e.top = Math.min(e.top, s.y / view.height)
                e.bottom = Math.max(e.bottom, s.y / view.height)
            }
            return e
        }
        function checkFramed(points, what) {
            const e = extent(points)
            const shown = JSON.stringify(e)
            compare(e.behind, 0, what + " behind the camera")
            verify(e.left >= 0 && e.right <= 1 && e.top >= 0 && e.bottom <= 1, what + " cut off: " + shown)
            // Fills the view one way or the other (the fit leaves 6 % across, 14 % up and down).
            verify(e.right - e.left > 0.88 || e.bottom - e.top > 0.80, what + " too small: " + shown)
            // Centred both ways.
            verify(Math.abs((e.left + e.right) / 2 - 0.5) < 0.02, what + " off centre across: " + shown)
            verify(Math.abs((e.top + e.bottom) / 2 - 0.5) < 0.02, what + " off centre up and down: " + shown)
        }

        function cleanup() {
            parkView.width = root.width
            parkView.height = root.height
            parkView.yaw = -25
            parkView.pitch = 48
            parkView.showFlows = false
            parkView.coveredBottom = 0
            if (ParkController.parkId !== "beidu") verify(ParkController.loadPark(Fixture.beiduPath))
            parkView.fitPark(true)
        }

        // Where the ground point now at the view's centre shows after an action.
        function centreAfter(action) {
            const centre = parkView.view.mapTo3DScene(Qt.vector3d(parkView.width / 2, parkView.height / 2, 0))
            const far = parkView.view.mapTo3DScene(Qt.vector3d(parkView.width / 2, parkView.height / 2, 1))
            const ground = centre.plus(far.minus(centre).times(centre.y / (centre.y - far.y)))  // y = 0
            action()
            return parkView.view.mapFrom3DScene(ground)
        }

        function test_keys_move_along_the_ground() {
            parkView.forceActiveFocus()
            const cx = parkView.width / 2, cy = parkView.height / 2
            let p = centreAfter(() => keyClick(Qt.Key_Right))
            verify(p.x < cx - 10 && Math.abs(p.y - cy) < 3, "right: the picture moves left " + p)
            p = centreAfter(() => keyClick(Qt.Key_W))
            verify(p.y > cy + 10 && Math.abs(p.x - cx) < 3, "forward: the picture moves down " + p)
        }

        // Park north on screen: the projection of a point 100 m north of the target (scene -z).
        function northOnScreen() {
            const here = parkView.view.mapFrom3DScene(parkView.target)
            const north = parkView.view.mapFrom3DScene(parkView.target.plus(Qt.vector3d(0, 0, -100)))
            return {dx: north.x - here.x, dy: north.y - here.y}
        }

        function test_compass_click_turns_north_up_data() {
            return [{tag: "from -25", yaw: -25}, {tag: "from 350", yaw: 350}, {tag: "from 530", yaw: 530}]
        }
        function test_compass_click_turns_north_up(data) {
            parkView.yaw = data.yaw
            verify(Math.abs(northOnScreen().dx) > 5, "north leans before: " + JSON.stringify(northOnScreen()))
            const compass = findChild(parkView, "compass")
            mouseClick(compass, compass.width / 2, compass.height / 2)
            tryVerify(() => Math.abs(northOnScreen().dx) < 0.5, 5000, JSON.stringify(northOnScreen()))
            verify(northOnScreen().dy < -10, "north is up the screen: " + JSON.stringify(northOnScreen()))
            // The shorter way round: at most half a turn.
            verify(Math.abs(parkView.yaw - data.yaw) <= 180, parkView.yaw)
        }

        function test_right_drag_pans_with_the_pointer() {
            const cx = parkView.width / 2, cy = parkView.height / 2
            const p = centreAfter(() => {
                mousePress(parkView, cx, cy, Qt.RightButton)
                mouseMove(parkView, cx + 40, cy + 24, -1, Qt.RightButton)
                mouseMove(parkView, cx + 80, cy + 48, -1, Qt.RightButton)
                mouseRelease(parkView, cx + 80, cy + 48, Qt.RightButton)
            })
            // The ground point under the pointer follows it (to within perspective: the steps
            // are scaled at the target, where the pointer started).
            verify(Math.abs(p.x - (cx + 80)) < 6 && Math.abs(p.y - (cy + 48)) < 6, "the point under the pointer: " + p)
        }

        function test_fit_park_at_any_heading_data() {
            return [{tag: "default", yaw: -25, pitch: 48}, {tag: "north up", yaw: 0, pitch: 48},
                    {tag: "from the east", yaw: 90, pitch: 35}, {tag: "steep", yaw: 200, pitch: 75}]
        }
        function test_fit_park_at_any_heading(data) {
            parkView.yaw = data.yaw
            parkView.pitch = data.pitch
            parkView.fitPark(true)
            verify(ParkController.scene.outline.length > 100, "Beidu's outline: zones, halls, utilities")
            checkFramed(ParkController.scene.outline, "the park")
        }

        // QA: after reopening a park drawn in the window, Fit park cut Road 1 off at the bottom
        // and a market's marker at the right edge. A zone 300 x 100 m with a hall; a 10 m road 80 m south
        // of it; a market on its east edge. Oracles: the road's corners from the file (its ends
        // capped by half its width), and the marker's reach from its parts (ExternalMarker.qml:
        // the arrow's cone ends about 64 of 50 units out, so 1.3 marker sizes).
        function test_fit_park_shows_the_roads_and_the_external_markers() {
            const park = {
                format: "parktwin-park/1", id: "fit", name: { zh: "框园区", en: "Fit park" },
                latitude_deg: 29.5, longitude_deg: 106.5, land_area_mu: 100, grid_emission_t_per_mwh: 0.57,
                zones: [{ id: "z1", name: { zh: "区", en: "Zone" }, kind: "industrial",
                          outline: [{ x_m: 0, y_m: 0 }, { x_m: 300, y_m: 0 }, { x_m: 300, y_m: 100 }, { x_m: 0, y_m: 100 }] }],
                buildings: [{ id: "hall", name: { zh: "车间", en: "Hall" }, kind: "workshop", position: { x_m: 150, y_m: 50 },
                              width_m: 60, depth_m: 30, height_m: 12 }],
                roads: [{ id: "r1", name: { zh: "道路 1", en: "Road 1" }, width_m: 10,
                          path: [{ x_m: 0, y_m: -80 }, { x_m: 300, y_m: -80 }] }],
                externals: [{ id: "oem", name: { zh: "整车厂", en: "Car OEM" }, kind: "market",
                              position: { x_m: 300, y_m: 50 } }]
            }
            verify(ParkController.loadPark(Fixture.writeFile("fit.park.json", JSON.stringify(park))), ParkController.errorText)
            parkView.fitPark(true)
            const road = [[-5, -85], [-5, -75], [305, -85], [305, -75]].map(p => Qt.vector3d(p[0], 0, -p[1]))
            const marker = ParkController.scene.externals.find(x => x.id === "oem")
            const reach = 1.3 * marker.size
            const around = [[reach, 0], [-reach, 0], [0, reach], [0, -reach]].map(d => marker.position.plus(Qt.vector3d(d[0], 0, d[1])))
            for (const [points, what] of [[road, "the road"], [around, "the market's marker"]]) {
                const e = extent(points)
                verify(e.behind === 0 && e.left >= 0 && e.right <= 1 && e.top >= 0 && e.bottom <= 1, what + " cut off: " + JSON.stringify(e))
            }
        }

        // QA4 Q13: presenting a park without a tour, the fit centred the park in the whole window
        // and the tour's controls, laid over the view's bottom, covered its lower part. With 120 px
        // covered, the park's projected extremes lie above the cover, as far from the view's top
        // as from the cover's edge (within 10 % of the view's height: the fit's margins are 6 %
        // at the top and 8 px at the cover), and fill the rest one way or the other. Beidu, and
        // the QA park's own ground (qijiang-xcl.park.json's zone, road and externals).
        function test_fit_park_centres_above_what_covers_the_view_data() {
            const qa = {
                format: "parktwin-park/1", id: "qa-fit", name: { zh: "綦江鑫材", en: "Qijiang Xincai" },
                latitude_deg: 28.98, longitude_deg: 106.65, land_area_mu: 92, grid_emission_t_per_mwh: 0.57,
                zones: [{ id: "zone-5", name: { zh: "新材料产业园厂区", en: "New-materials works" }, kind: "industrial",
                          outline: [{ x_m: -146.19, y_m: -105.29 }, { x_m: 146.19, y_m: -105.29 },
                                    { x_m: 146.18, y_m: 105.29 }, { x_m: -146.18, y_m: 105.29 }] }],
                roads: [{ id: "road-6", name: { zh: "园区一路", en: "Road 1" }, width_m: 10,
                          path: [{ x_m: -146.19, y_m: 11.08 }, { x_m: 146.19, y_m: 11.08 }] }],
                buildings: [{ id: "main-hall", name: { zh: "主车间", en: "Main hall" }, kind: "workshop",
                              position: { x_m: -48.73, y_m: -27.71 }, width_m: 97.46, depth_m: 44.33, height_m: 18 }],
                externals: [{ id: "ingot", name: { zh: "北渡铝锭", en: "Ingots" }, kind: "supplier", position: { x_m: -250, y_m: 0 } },
                            { id: "market", name: { zh: "西南市场", en: "Market" }, kind: "market", position: { x_m: 300, y_m: -50 } }]
            }
            return [{tag: "beidu", park: ""}, {tag: "QA park", park: JSON.stringify(qa)}]
        }
        function test_fit_park_centres_above_what_covers_the_view(data) {
            if (data.park !== "")
                verify(ParkController.loadPark(Fixture.writeFile("qa-fit.park.json", data.park)), ParkController.errorText)
            const covered = 120
            parkView.coveredBottom = covered
            parkView.fitPark(true)
            const e = extent(ParkController.scene.outline)
            const h = parkView.view.height, visible = h - covered
            const shown = JSON.stringify(e) + " of " + h + " px, " + covered + " covered"
            compare(e.behind, 0)
            verify(e.bottom * h <= visible && e.top >= 0 && e.left >= 0 && e.right <= 1, "under the cover or cut off: " + shown)
            const above = e.top * h, below = visible - e.bottom * h
            verify(Math.abs(above - below) < 0.1 * h, "off centre up and down: " + above.toFixed(0) + " px above, " + below.toFixed(0) + " below: " + shown)
            verify(e.right - e.left > 0.88 || (e.bottom - e.top) * h > 0.80 * visible, "too small: " + shown)
        }

        function test_fit_park_in_a_tall_window() {
            parkView.width = 500
            parkView.fitPark(true)
            checkFramed(ParkController.scene.outline, "the park")
        }

        function test_fit_park_keeps_clear_of_the_kpi_bar() {
            // A narrow view puts the flows' KPI bar below the compass, over the top of the park.
            parkView.width = 650
            parkView.showFlows = true
            const kpi = findChild(parkView, "kpiBar")
            tryVerify(() => kpi.visible && kpi.width > 0)
            // The bar's cards come from the KPI table: per tonne *delivered*, named so.
            const perTonne = findChild(kpi, "kpi_energy_kwh_per_t_delivered")
            verify(perTonne !== null, "a card for electricity per tonne delivered")
            verify(perTonne.kpiName === "Electricity per tonne delivered", perTonne.kpiName)
            verify(/^\d{1,3}(,\d{3})* kWh\/t$/.test(perTonne.kpiText), perTonne.kpiText)
            verify(kpi.y > 50, "the bar sits below the compass: " + kpi.y)
            parkView.fitPark(true)
            const e = extent(ParkController.scene.outline)
            verify(e.top * parkView.view.height >= kpi.y + kpi.height, JSON.stringify(e) + " vs bar bottom " + (kpi.y + kpi.height))
            verify(e.left >= 0 && e.right <= 1 && e.bottom <= 1, JSON.stringify(e))
            verify(e.right - e.left > 0.88 || e.bottom - e.top > 0.6, "still fills the view: " + JSON.stringify(e))
        }

        function test_flying_to_a_building_frames_it() {
            // Qineng potroom 1: 720 x 44 m, 18 m high (beidu.json): 8 corners, and the 4 corners
            // of the ground shown around it.
            const focus = ParkController.selection.focusOf("potroom-1")
            compare(focus.points.length, 8 + 4)
            parkView.flyTo(focus, true)
            checkFramed(focus.points, "potroom 1")
        }

        function test_flying_to_a_single_machine_keeps_context() {
            // Xinlv's line 1 caster: one machine of 10 x 14 m, framed with at least 30 m of
            // ground on each side: the metres per pixel at the target show the picture's width.
            const focus = ParkController.selection.focusOf("xinlv-rod-1-caster")
            parkView.flyTo(focus, true)
            checkFramed(focus.points, "the caster")
            const across = parkView.metresPerPixel() * parkView.view.width
            verify(across > 14 + 2 * 30 && across < 300, across + " m across")
        }
    }
}
