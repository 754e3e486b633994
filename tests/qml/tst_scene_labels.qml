// The scene's labels: upright boxes over the 3D view that never overlap, stay inside the view,
// keep clear of what lies over it, sit on the object they name, follow the camera and speak the
// window's language.
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
    }
    // Stands for a tour's call-outs over the view (PresentationOverlay.keepOut): the left half.
    Rectangle { id: callouts; x: 0; y: 0; width: 600; height: 700; color: "transparent"; visible: false }

    TestCase {
        name: "SceneLabels"
        when: windowShown

        function labelLayer() { return findChild(parkView, "labelLayer") }
        // Each label shown, with the upright box round it (a road's name is turned along the road).
        function shown() {
            const out = []
            const items = labelLayer().children
            for (let i = 0; i < items.length; ++i) {
                const item = items[i]
                if (item.objectId === undefined || !item.visible) continue
                const r = item.mapToItem(labelLayer(), Qt.rect(0, 0, item.width, item.height))
                out.push({id: item.objectId, text: item.text, x: r.x, y: r.y, w: r.width, h: r.height, item: item})
            }
            return out
        }
        function labelOf(objectId) { return shown().find(l => l.id === objectId) }
        function overlapping(labels) {
            for (let i = 0; i < labels.length; ++i)
                for (let j = i + 1; j < labels.length; ++j) {
                    const a = labels[i], b = labels[j]
                    if (a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h)
                        return a.text + " / " + b.text
                }
            return ""
        }
        function outside(labels) {
            const l = labels.find(l => l.x < 0 || l.y < 0 || l.x + l.w > labelLayer().width || l.y + l.h > labelLayer().height)
            return l ? l.text : ""
        }

        // Picking reads the last rendered frame, so wait for the frame of the new camera.
        function pointsAtItsHall(l) {
            tryVerify(() => parkView.objectAt(l.x + l.w / 2, l.y + l.h + 6 + 12) === "recycling-plant", 5000,
                      "below the label: " + parkView.objectAt(l.x + l.w / 2, l.y + l.h + 6 + 12))
        }

        function init() {
            parkView.labelKeepOut = []
            callouts.visible = false
            parkView.showFlows = false
            ParkController.language = "en"
            parkView.yaw = 0
            parkView.fitPark(true)
            // Laid out for this camera now: the deferred layout of the last camera would show a
            // label slid in from the edge where this test looks for it first.
            labelLayer().layout()
        }

        function test_labels_do_not_overlap_and_stay_in_view() {
            tryVerify(() => shown().length >= 5, 15000, "labels shown: " + shown().length)
            const labels = shown()
            compare(overlapping(labels), "")
            compare(outside(labels), "")
            verify(shown().length < ParkController.scene.labels.length, "some labels give way to bigger ones")
        }

        function test_a_label_sits_on_its_building() {
            // The largest hall (260 x 160 m, beidu.json) is placed first, so it is always shown.
            tryVerify(() => labelOf("recycling-plant") !== undefined, 15000)
            const l = labelOf("recycling-plant")
            compare(l.text, "Zhongqing recycled aluminium plant (planned)")
            // Its leader line ends 6 px below the box, 4 m above the roof's centre: a little
            // lower on screen lies the hall itself.
            pointsAtItsHall(l)
        }

        function test_labels_follow_the_camera() {
            tryVerify(() => labelOf("recycling-plant") !== undefined, 15000)
            const before = labelOf("recycling-plant")
            parkView.yaw = 90
            tryVerify(() => labelOf("recycling-plant") !== undefined
                      && Math.abs(labelOf("recycling-plant").x - before.x) > 20, 15000)
            const l = labelOf("recycling-plant")
            pointsAtItsHall(l)
            compare(overlapping(shown()), "")
        }

        function test_labels_speak_the_window_language() {
            tryVerify(() => labelOf("recycling-plant") !== undefined, 15000)
            ParkController.language = "zh"
            tryVerify(() => labelOf("recycling-plant") !== undefined
                      && labelOf("recycling-plant").text === "中轻装备再生铝工厂（规划）", 15000)
            compare(overlapping(shown()), "")
        }

        function overlaps(labels, item) {
            const r = item.mapToItem(labelLayer(), 0, 0)
            return labels.filter(l => l.x < r.x + item.width && r.x < l.x + l.w && l.y < r.y + item.height && r.y < l.y + l.h)
                         .map(l => l.text).join(", ")
        }

        // No label under a tour's call-outs, the compass or the flows' KPI cards; without the
        // call-outs some label lies where they would be, so the test can fail.
        function test_labels_keep_clear_of_what_lies_over_the_view() {
            parkView.showFlows = true
            const kpiBar = findChild(parkView, "kpiBar"), compass = findChild(parkView, "compass")
            tryVerify(() => kpiBar.visible && shown().length >= 5, 15000, "flows' KPI cards shown")
            callouts.visible = true
            labelLayer().layout()
            verify(overlaps(shown(), callouts) !== "", "no label where the call-outs go: the test would prove nothing")
            parkView.labelKeepOut = [callouts]
            labelLayer().layout()
            compare(overlaps(shown(), callouts), "")
            compare(overlaps(shown(), kpiBar), "")
            compare(overlaps(shown(), compass), "")
            verify(shown().length >= 3, "the right half is still labelled: " + shown().length)
        }

        // Where the flows begin and end: every market and supplier in view is named, even at the
        // view's edge (slid in rather than hidden) and among big halls' labels.
        function test_externals_in_view_are_named() {
            const externals = ParkController.scene.externals
            verify(externals.length >= 2)
            let inView = 0
            for (const e of externals) {
                const p = parkView.view.mapFrom3DScene(e.position)
                if (p.z <= 0 || p.x < 0 || p.x > parkView.width || p.y < 0 || p.y > parkView.height) continue
                ++inView
                verify(labelOf(e.id) !== undefined, e.id + " in view at " + p.x + ", " + p.y + " has no label")
            }
            verify(inView >= 2, "externals in the fitted view: " + inView)
        }

        // The zone's outline on screen (the park file's metres: x east, y north; the scene's z is -y).
        function zoneOnScreen(zoneId) {
            const zone = ParkController.scene.zones.find(z => z.id === zoneId)
            return zone.outline.map(p => parkView.view.mapFrom3DScene(Qt.vector3d(p.x, 2, -p.y)))
        }
        function inside(point, polygon) {  // even-odd rule
            let within = false
            for (let i = 0, j = polygon.length - 1; i < polygon.length; j = i++) {
                const a = polygon[i], b = polygon[j]
                if ((a.y > point.y) !== (b.y > point.y) && point.x < (b.x - a.x) * (point.y - a.y) / (b.y - a.y) + a.x)
                    within = !within
            }
            return within
        }

        // QA: a park's zones were not named on the map (only water was). Beidu's smelter zone is
        // full of halls whose names take its middle: its name goes to a free spot inside it. The
        // names are the park file's (assets/parks/beidu.json), in the window's language.
        function test_zones_are_named_on_their_ground() {
            for (const [language, smelter, energy] of [["en", "Smelter zone", "Energy zone"], ["zh", "电解铝区", "能源区"]]) {
                ParkController.language = language
                tryVerify(() => labelOf("zone-smelter") !== undefined && labelOf("zone-smelter").text === smelter, 15000,
                          language + ": " + shown().map(l => l.text).join(", "))
                tryVerify(() => labelOf("zone-energy") !== undefined && labelOf("zone-energy").text === energy, 15000)
                for (const id of ["zone-smelter", "zone-energy"]) {
                    const l = labelOf(id)
                    verify(inside({x: l.x + l.w / 2, y: l.y + l.h / 2}, zoneOnScreen(id)), id + " named outside its outline")
                }
                compare(overlapping(shown()), "")
            }
        }

        // The road's centre line on screen (its top is 1 m above the ground at most), from the
        // park file: x east, y north; the scene's z is -y.
        function roadOnScreen(park, roadId) {
            return park.roads.find(r => r.id === roadId).path.map(p => parkView.view.mapFrom3DScene(Qt.vector3d(p.x_m, 1, -p.y_m)))
        }
        // The point of a two-point line nearest to p: {distance, t} (0 at its start, 1 at its end).
        function nearestOnLine(p, line) {
            const a = line[0], b = line[1]
            const t = Math.max(0, Math.min(1, ((p.x - a.x) * (b.x - a.x) + (p.y - a.y) * (b.y - a.y))
                                               / ((b.x - a.x) ** 2 + (b.y - a.y) ** 2)))
            return {distance: Math.hypot(p.x - a.x - t * (b.x - a.x), p.y - a.y - t * (b.y - a.y)), t: t}
        }
        function captionOf(item) {
            for (let k = 0; k < item.children.length; ++k) if (item.children[k].font !== undefined) return item.children[k]
            return null
        }

        // QA: roads were not named on the map. Beidu Avenue's name (the park file's, in the
        // window's language) lies beside the avenue, along it: its middle is off the centre line
        // by half the road's width on screen (24 m in the park file) plus at most its own height.
        // It is smaller than a building's name and overlaps no other label.
        function test_roads_are_named_along_them() {
            const park = JSON.parse(Fixture.readText(Fixture.beiduPath))
            for (const [language, name] of [["en", "Beidu Avenue"], ["zh", "北渡大道"]]) {
                ParkController.language = language
                tryVerify(() => labelOf("road-binjiang") !== undefined && labelOf("road-binjiang").text === name, 15000,
                          language + ": " + shown().map(l => l.text).join(", "))
                const item = labelOf("road-binjiang").item
                const centre = item.mapToItem(labelLayer(), item.width / 2, item.height / 2)
                const avenue = park.roads.find(r => r.id === "road-binjiang")
                const line = roadOnScreen(park, "road-binjiang")
                const nearest = nearestOnLine(centre, line)
                const [a, b] = avenue.path
                const foot = {x: a.x_m + nearest.t * (b.x_m - a.x_m), y: a.y_m + nearest.t * (b.y_m - a.y_m)}
                const mid = parkView.view.mapFrom3DScene(Qt.vector3d(foot.x, 1, -foot.y))
                const edge = parkView.view.mapFrom3DScene(Qt.vector3d(foot.x, 1, -(foot.y + avenue.width_m / 2)))
                const halfRoad = Math.hypot(edge.x - mid.x, edge.y - mid.y)
                verify(nearest.distance >= halfRoad && nearest.distance <= halfRoad + item.height + 2,
                       language + ": the name's middle is " + nearest.distance + " px off the centre line, half the road is "
                       + halfRoad + " px")
                const along = Math.atan2(line[1].y - line[0].y, line[1].x - line[0].x) * 180 / Math.PI
                const turn = ((item.rotation - along) % 180 + 180) % 180
                verify(Math.min(turn, 180 - turn) < 2, language + ": turned " + item.rotation + "°, the avenue runs at " + along + "°")
                verify(Math.abs(item.rotation) <= 90, "upright")
                verify(captionOf(item).font.pixelSize < captionOf(labelOf("recycling-plant").item).font.pixelSize, "a quiet name")
                compare(overlapping(shown()), "")
            }
        }

        function test_hidden_labels_come_back_where_they_belong() {
            tryVerify(() => labelOf("recycling-plant") !== undefined, 15000)
            const before = labelOf("recycling-plant")
            parkView.machinesOnly = true  // the benchmark's view: labels hidden, no layout runs
            verify(!labelLayer().visible)
            parkView.yaw = 90
            wait(0)  // the deferred layout comes and goes while the labels are hidden
            parkView.machinesOnly = false
            tryVerify(() => labelOf("recycling-plant") !== undefined
                      && Math.abs(labelOf("recycling-plant").x - before.x) > 20, 15000)
            const shownAgain = labelOf("recycling-plant")
            labelLayer().layout()  // a fresh layout for this camera moves nothing
            compare(labelOf("recycling-plant"), shownAgain)
            pointsAtItsHall(shownAgain)
        }
    }
}
