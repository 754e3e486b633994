// The timeline shows times in the open park's civil time (its "time_zone"): midnight UTC is
// 08:00 in Shanghai all year, 01:00 in Berlin in winter and 02:00 in summer.
import QtQuick
import QtTest
import ParkTwin
import ParkTwinTest

Item {
    TestCase {
        name: "TimeZone"
        when: windowShown

        function cleanup() { ParkController.loadPark(Fixture.beiduPath) }

        function smallPark(zone) {
            return JSON.stringify({
                format: "parktwin-park/1", id: "tz", name: {zh: "时区", en: "Time zone"},
                latitude_deg: 52.5, longitude_deg: 13.4, time_zone: zone, land_area_mu: 10,
                grid_emission_t_per_mwh: 0.4,
                buildings: [{id: "hall", name: {zh: "车间", en: "Hall"}, kind: "plant",
                             position: {x_m: 0, y_m: 0}, width_m: 40, depth_m: 20, height_m: 10}]
            })
        }

        function test_times_read_in_the_parks_own_zone() {
            const timeline = ParkController.timeline
            const winter = Date.UTC(2026, 0, 15), summer = Date.UTC(2026, 6, 15)
            compare(timeline.formatTime(winter), "2026-01-15 08:00:00", "the bundled park: Asia/Shanghai")
            verify(ParkController.loadPark(Fixture.writeFile("berlin.park.json", smallPark("Europe/Berlin"))),
                   ParkController.errorText)
            compare(timeline.formatTime(winter), "2026-01-15 01:00:00")
            compare(timeline.formatTime(summer), "2026-07-15 02:00:00")
        }
    }
}
