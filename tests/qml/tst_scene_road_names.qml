// Road names are kept off crossings (QA: a road's name sat where two roads meet, its text over
// the other road). A hand-made park of two roads crossing at the origin, each 300 m long and
// 10 m wide, each one straight segment whose middle is the crossing; seen straight down, north
// up, so each road's surface is a rectangle on screen worked out from the park file alone.
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
        name: "SceneRoadNames"
        when: windowShown

        readonly property var roads: [
            {id: "east-west", name: {en: "East-West Road", zh: "东西路"}, width_m: 10, path: [{x_m: -150, y_m: 0}, {x_m: 150, y_m: 0}]},
            {id: "north-south", name: {en: "North-South Road", zh: "南北路"}, width_m: 10, path: [{x_m: 0, y_m: -150}, {x_m: 0, y_m: 150}]}
        ]

        function cleanupTestCase() {
            ParkController.language = "en"
            verify(ParkController.loadPark(Fixture.beiduPath))
        }

        function labelLayer() { return findChild(parkView, "labelLayer") }
        function nameOf(roadId) {
            const items = labelLayer().children
            for (let i = 0; i < items.length; ++i)
                if (items[i].objectId === roadId && items[i].visible) return items[i]
            return null
        }
        // A road's surface on screen: the box round its four corners on the ground (1 m up, its
        // top); straight down and north up, it is the surface itself. Park y is the scene's -z.
        function surfaceOnScreen(road) {
            const [a, b] = road.path
            const len = Math.hypot(b.x_m - a.x_m, b.y_m - a.y_m)
            const nx = -(b.y_m - a.y_m) / len * road.width_m / 2, ny = (b.x_m - a.x_m) / len * road.width_m / 2
            const corners = [[a, 1], [a, -1], [b, 1], [b, -1]].map(([p, s]) =>
                parkView.view.mapFrom3DScene(Qt.vector3d(p.x_m + s * nx, 1, -(p.y_m + s * ny))))
            const xs = corners.map(c => c.x), ys = corners.map(c => c.y)
            return {x: Math.min(...xs), y: Math.min(...ys), w: Math.max(...xs) - Math.min(...xs), h: Math.max(...ys) - Math.min(...ys)}
        }
        function apart(p, q) { return p.x + p.w <= q.x || q.x + q.w <= p.x || p.y + p.h <= q.y || q.y + q.h <= p.y }

        function test_a_road_name_is_kept_off_the_crossing() {
            const park = {format: "parktwin-park/1", id: "cross", name: {en: "Cross", zh: "十字"}, latitude_deg: 29.0,
                          longitude_deg: 106.6, land_area_mu: 100, grid_emission_t_per_mwh: 0.57, roads: roads, buildings: []}
            verify(ParkController.loadPark(Fixture.writeFile("cross.json", JSON.stringify(park))), ParkController.errorText)
            parkView.yaw = 0
            parkView.pitch = 90
            parkView.target = Qt.vector3d(0, 0, 0)
            parkView.distance = 420
            for (const language of ["en", "zh"]) {
                ParkController.language = language
                labelLayer().layout()
                for (const [road, other] of [[roads[0], roads[1]], [roads[1], roads[0]]]) {
                    const item = nameOf(road.id)
                    verify(item !== null, language + ": " + road.id + " is named")
                    compare(item.text, road.name[language])
                    // The name's box on screen (upright round the turned text) lies clear of the
                    // other road's surface, and its middle beside its own road at least the
                    // other's half width (5 m) plus half the name's length from the crossing.
                    const r = item.mapToItem(labelLayer(), Qt.rect(0, 0, item.width, item.height))
                    const box = {x: r.x, y: r.y, w: r.width, h: r.height}
                    const otherSurface = surfaceOnScreen(other)
                    verify(apart(box, otherSurface), language + ": " + road.id + "'s name " + JSON.stringify(box)
                           + " over " + other.id + " " + JSON.stringify(otherSurface))
                    const ends = road.path.map(p => parkView.view.mapFrom3DScene(Qt.vector3d(p.x_m, 1, -p.y_m)))
                    const pxPerM = Math.hypot(ends[1].x - ends[0].x, ends[1].y - ends[0].y) / 300
                    const centre = item.mapToItem(labelLayer(), item.width / 2, item.height / 2)
                    const crossing = parkView.view.mapFrom3DScene(Qt.vector3d(0, 1, 0))
                    const alongM = Math.abs(road.id === "east-west" ? centre.x - crossing.x : centre.y - crossing.y) / pxPerM
                    verify(alongM >= 5 + item.width / 2 / pxPerM, language + ": " + road.id + "'s name centred " + alongM.toFixed(1)
                           + " m from the crossing, " + (item.width / pxPerM).toFixed(1) + " m long")
                }
            }
        }
    }
}
