// A zone's name lies inside the zone, clear of roads (QA: zone names such as "制造区" lay across
// roads). A hand-made park: one square zone, 400 m a side round the origin, and a 16 m road
// straight across its middle (the mean of the zone's corners lies on the road); seen straight
// down, north up, so the road's surface and the zone are rectangles on screen worked out from the
// park file alone. Then the bundled parks: every point their zones' names may go to (the scene's
// labels, position and spots) lies inside the zone and off every road, by their files' figures.
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

    TestCase {
        name: "SceneZoneNames"
        when: windowShown

        readonly property var road: ({id: "middle-road", name: {en: "Middle Road", zh: "中路"}, width_m: 16,
                                      path: [{x_m: -300, y_m: 0}, {x_m: 300, y_m: 0}]})
        readonly property var zone: ({id: "zone-mfg", name: {en: "Manufacturing zone", zh: "制造区"}, kind: "industrial",
                                      outline: [{x_m: -200, y_m: -200}, {x_m: 200, y_m: -200}, {x_m: 200, y_m: 200},
                                                {x_m: -200, y_m: 200}]})

        function cleanupTestCase() {
            ParkController.language = "en"
            verify(ParkController.loadPark(Fixture.beiduPath))
        }

        function labelLayer() { return findChild(parkView, "labelLayer") }
        function nameOf(id) {
            const items = labelLayer().children
            for (let i = 0; i < items.length; ++i)
                if (items[i].objectId === id && items[i].visible) return items[i]
            return null
        }
        // The box on screen round ground points (1 m up) given in park metres; park y is the scene's -z.
        function boxOnScreen(points) {
            const corners = points.map(p => parkView.view.mapFrom3DScene(Qt.vector3d(p.x_m, 1, -p.y_m)))
            const xs = corners.map(c => c.x), ys = corners.map(c => c.y)
            return {x: Math.min(...xs), y: Math.min(...ys), w: Math.max(...xs) - Math.min(...xs), h: Math.max(...ys) - Math.min(...ys)}
        }
        function apart(p, q) { return p.x + p.w <= q.x || q.x + q.w <= p.x || p.y + p.h <= q.y || q.y + q.h <= p.y }
        function within(p, q) { return p.x >= q.x && p.y >= q.y && p.x + p.w <= q.x + q.w && p.y + p.h <= q.y + q.h }

        function test_a_zones_name_is_kept_off_a_road_across_it() {
            const park = {format: "parktwin-park/1", id: "zoned", name: {en: "Zoned", zh: "分区"}, latitude_deg: 29.0,
                          longitude_deg: 106.6, land_area_mu: 100, grid_emission_t_per_mwh: 0.57, zones: [zone], roads: [road],
                          buildings: []}
            verify(ParkController.loadPark(Fixture.writeFile("zoned.json", JSON.stringify(park))), ParkController.errorText)
            parkView.yaw = 0
            parkView.pitch = 90
            parkView.target = Qt.vector3d(0, 0, 0)
            parkView.distance = 700
            const half = road.width_m / 2
            const roadSurface = boxOnScreen([{x_m: -300, y_m: -half}, {x_m: 300, y_m: half}])
            const zoneArea = boxOnScreen(zone.outline)
            for (const language of ["en", "zh"]) {
                ParkController.language = language
                labelLayer().layout()
                const item = nameOf(zone.id)
                verify(item !== null, language + ": the zone is named")
                compare(item.text, zone.name[language])
                const r = item.mapToItem(labelLayer(), Qt.rect(0, 0, item.width, item.height))
                const box = {x: r.x, y: r.y, w: r.width, h: r.height}
                verify(apart(box, roadSurface), language + ": the name " + JSON.stringify(box) + " lies on the road "
                       + JSON.stringify(roadSurface))
                verify(within(box, zoneArea), language + ": the name " + JSON.stringify(box) + " is outside the zone "
                       + JSON.stringify(zoneArea))
            }
        }

        // The test's own geometry, from the park file's numbers.
        function distanceToSegment(p, a, b) {
            const dx = b.x_m - a.x_m, dy = b.y_m - a.y_m
            const t = Math.max(0, Math.min(1, ((p.x - a.x_m) * dx + (p.y - a.y_m) * dy) / (dx * dx + dy * dy)))
            return Math.hypot(p.x - a.x_m - t * dx, p.y - a.y_m - t * dy)
        }
        function insideOutline(p, outline) {
            let inside = false
            for (let i = 0, j = outline.length - 1; i < outline.length; j = i++) {
                const a = outline[i], b = outline[j]
                if ((a.y_m > p.y) !== (b.y_m > p.y) && p.x < a.x_m + (p.y - a.y_m) * (b.x_m - a.x_m) / (b.y_m - a.y_m))
                    inside = !inside
            }
            return inside
        }

        function test_bundled_zones_are_named_off_their_roads_data() {
            return [{tag: "beidu"}, {tag: "jiulong"}]
        }
        function test_bundled_zones_are_named_off_their_roads(data) {
            const path = Fixture.beiduPath.replace("beidu.json", data.tag + ".json")
            const park = JSON.parse(Fixture.readText(path))
            verify(ParkController.loadPark(path), ParkController.errorText)
            const zones = ParkController.scene.labels.filter(l => l.zone || park.zones.some(z => z.id === l.id))
            compare(zones.length, park.zones.length, "every zone is named")
            for (const label of zones) {
                const outline = park.zones.find(z => z.id === label.id).outline
                for (const at of [label.position].concat(label.spots || [])) {
                    const p = {x: at.x, y: -at.z}  // the scene's -z is park y
                    verify(insideOutline(p, outline), label.id + ": " + JSON.stringify(p) + " outside its zone")
                    for (const r of park.roads) {
                        for (let k = 0; k + 1 < r.path.length; ++k) {
                            const off = distanceToSegment(p, r.path[k], r.path[k + 1]) - r.width_m / 2
                            verify(off >= 5, label.id + ": " + JSON.stringify(p) + " is " + off + " m off " + r.id + "'s edge")
                        }
                    }
                }
            }
        }
    }
}
