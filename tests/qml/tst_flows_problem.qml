// A park whose flows cannot be solved says why where the flows would be (the KPI bar's place
// over the 3D view, and the balance panel), in English and in Chinese, rather than showing
// nothing. Oracle: the parks are written here by hand, so which networks cannot be built and
// why is known (no material or energy links at all; a line making chassis parts that nothing
// feeds, so no origin of metal), and the sentences a person should read are written out here.
import QtQuick
import QtTest
import ParkTwin
import ParkTwinTest

Item {
    id: top
    width: 1200
    height: 700

    ParkView {
        id: parkView
        anchors.fill: parent
        showFlows: true
    }
    SankeyPanel {
        id: sankey
        width: 600
        height: 400
    }

    // A hall and a zone, no links: neither network can be built.
    function parkWithoutLinks() {
        return {
            format: "parktwin-park/1", id: "nolinks", name: { zh: "无连接园区", en: "Park without links" },
            latitude_deg: 29.5, longitude_deg: 106.5, land_area_mu: 100, grid_emission_t_per_mwh: 0.57,
            zones: [{ id: "z1", name: { zh: "区", en: "Zone" }, kind: "industrial",
                      outline: [{ x_m: 0, y_m: 0 }, { x_m: 200, y_m: 0 }, { x_m: 200, y_m: 100 }] }],
            buildings: [{ id: "hall", name: { zh: "车间", en: "Hall" }, kind: "plant", position: { x_m: 50, y_m: 50 },
                          width_m: 60, depth_m: 30, height_m: 12 }]
        }
    }
    // The same with a chassis line selling to a market: metal leaves, but nothing brings any in.
    function parkWithoutOrigin() {
        const park = parkWithoutLinks()
        park.id = "noorigin"
        park.lines = [{ id: "casting", name: { zh: "底盘铸造线", en: "Chassis casting" }, kind: "chassis_casting",
                        building: "hall", product: "chassis_part", capacity_t_per_year: 43800, power_kw: 3000 }]
        park.externals = [{ id: "market", name: { zh: "市场", en: "Market" }, kind: "market", position: { x_m: 500, y_m: 0 } }]
        park.material_links = [{ id: "m1", from: "casting", to: "market", product: "chassis_part",
                                 capacity_t_per_hour: 5, cost_yuan_per_t: 10, loss_pct: 0, distance_m: 300 }]
        return park
    }

    TestCase {
        name: "FlowsProblem"
        when: windowShown

        function open(park) {
            verify(ParkController.loadPark(Fixture.writeFile(park.id + ".park.json", JSON.stringify(park))), ParkController.errorText)
            compare(ParkController.parkId, park.id)
        }
        function cleanup() {
            ParkController.language = "en"
            ParkController.loadPark(Fixture.beiduPath)
        }

        function test_a_park_without_links_says_why_in_both_languages_data() {
            return [
                { tag: "en", lang: "en", text: "The flows cannot be shown:\nMaterial: the park has no material links.\nEnergy: the park has no energy links." },
                { tag: "zh", lang: "zh", text: "无法显示物料与能源流：\n物料：园区没有物料连接。\n能源：园区没有能源连接。" }
            ]
        }
        function test_a_park_without_links_says_why_in_both_languages(data) {
            open(top.parkWithoutLinks())
            ParkController.language = data.lang
            const banner = findChild(parkView, "flowProblem")
            verify(banner.visible, "the explanation is shown where the flows would be")
            compare(findChild(parkView, "flowProblemText").text, data.text)
            verify(!findChild(parkView, "kpiBar").visible, "no empty KPI bar beside it")
            const inSankey = findChild(sankey, "sankeyProblem")
            verify(inSankey.visible)
            compare(inSankey.text, data.text)
        }

        function test_a_park_without_origin_names_that_reason_data() {
            return [
                { tag: "en", lang: "en", text: "The flows cannot be shown:\nMaterial: nothing supplies material (no supplier or producing line linked).\nEnergy: the park has no energy links." },
                { tag: "zh", lang: "zh", text: "无法显示物料与能源流：\n物料：没有物料来源（未连接供应商或生产线）。\n能源：园区没有能源连接。" }
            ]
        }
        function test_a_park_without_origin_names_that_reason(data) {
            open(top.parkWithoutOrigin())
            ParkController.language = data.lang
            compare(findChild(parkView, "flowProblemText").text, data.text)
        }

        function test_a_park_whose_flows_are_solved_shows_no_explanation() {
            verify(ParkController.loadPark(Fixture.beiduPath))
            compare(ParkController.flows.problem, "")
            verify(!findChild(parkView, "flowProblem").visible)
            verify(findChild(parkView, "kpiBar").visible)
            verify(!findChild(sankey, "sankeyProblem").visible)
        }
    }
}
