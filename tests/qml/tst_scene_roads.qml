// Roads where they cross or meet (QA: two roads at one height flickered in stripes where they
// overlapped): every two road segments the view draws over each other lie at different heights,
// the wider road on top, all between the water (0.4 m) and the lamps' pools of light (1.15 m).
// Oracle: Beidu's roads read from its park file, where every road is one straight segment
// along x or y, so two drawn segments overlap where their boxes do.
import QtQuick
import QtTest
import ParkTwin
import ParkTwinTest

TestCase {
    name: "SceneRoads"

    // A segment as the view draws it (scene_items.cpp): as long as from point to point plus the
    // road's width, as wide as the road.
    function drawnBox(road, a, b) {
        verify(a.x_m === b.x_m || a.y_m === b.y_m, road.id + " runs along x or y")
        const half = road.width_m / 2
        return {id: road.id, width: road.width_m,
                x0: Math.min(a.x_m, b.x_m) - half, x1: Math.max(a.x_m, b.x_m) + half,
                y0: Math.min(a.y_m, b.y_m) - half, y1: Math.max(a.y_m, b.y_m) + half}
    }

    function test_roads_drawn_over_each_other_lie_at_different_heights() {
        verify(ParkController.loadPark(Fixture.beiduPath))
        const park = JSON.parse(Fixture.readText(Fixture.beiduPath))
        const boxes = []
        for (const road of park.roads)
            for (let i = 0; i + 1 < road.path.length; ++i) boxes.push(drawnBox(road, road.path[i], road.path[i + 1]))
        const segments = ParkController.scene.roads
        compare(segments.length, boxes.length)
        for (const s of segments) verify(s.top >= 0.55 && s.top <= 1.0, "a road's top at " + s.top + " m")
        const overlapping = []
        for (let i = 0; i < boxes.length; ++i) {
            for (let j = i + 1; j < boxes.length; ++j) {
                const a = boxes[i], b = boxes[j]
                if (a.x0 >= b.x1 || b.x0 >= a.x1 || a.y0 >= b.y1 || b.y0 >= a.y1) continue
                overlapping.push(a.id + "/" + b.id)
                verify(segments[i].top !== segments[j].top, a.id + " and " + b.id + " both at " + segments[i].top + " m")
                if (a.width !== b.width) {
                    const [wider, other] = a.width > b.width ? [i, j] : [j, i]
                    verify(segments[wider].top > segments[other].top, boxes[wider].id + " lies under " + boxes[other].id)
                }
            }
        }
        // By hand from assets/parks/beidu.json: New Materials Road and Aluminium City East Road
        // cross Beidu Avenue and meet Qineng Road and Park North Road; Reservoir Road meets Qineng Road.
        compare(overlapping.sort(), ["road-binjiang/road-east", "road-binjiang/road-spine", "road-east/road-north",
                                     "road-smelter/road-dam", "road-smelter/road-east", "road-smelter/road-spine",
                                     "road-spine/road-north"])
    }
}
