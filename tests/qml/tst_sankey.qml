// The balance panel draws the solved flows as a Sankey diagram with readable labels: each
// potline's 170 kt/yr is 170000 / 8760 = 19.4 t/h of metal and, at 13,500 kWh/t, 262 MW.
import QtQuick
import QtTest
import ParkTwin
import ParkTwinTest

Item {
    width: 1200
    height: 800

    SankeyPanel {
        id: panel
        anchors.fill: parent
    }

    TestCase {
        name: "Sankey"
        when: windowShown
        // A label that measures its own text in a binding loop still draws, but the loop is a
        // warning on every frame of a replay: none allowed.
        function init() { failOnWarning(/Binding loop detected/) }

        function labels() {
            const out = []
            const visit = item => {
                if (item.objectName === "sankeyLabel") out.push(item)
                const kids = item.children || []
                for (let k = 0; k < kids.length; ++k) visit(kids[k])
            }
            visit(panel)
            return out
        }
        function labelOf(id) { return labels().find(l => l.objectId === id) }

        function test_material_and_energy_labels_show_the_solved_flows() {
            panel.side = "material"
            tryVerify(() => labelOf("potline-1") !== undefined, 15000)
            compare(labelOf("potline-1").text, ParkController.nameOf("potline-1") + "  19 t/h")
            verify(labelOf("casthouse") !== undefined, "the casthouse takes both potlines' metal")
            compare(labelOf("casthouse").text, ParkController.nameOf("casthouse") + "  39 t/h")

            mouseClick(findChild(panel, "energyTab"))
            compare(panel.side, "energy")
            tryVerify(() => labelOf("potline-2") !== undefined, 15000)
            compare(labelOf("potline-2").text, ParkController.nameOf("potline-2") + "  262 MW")
            // No two labels of a column overlap.
            const all = labels().filter(l => l.visible)
            for (let i = 0; i < all.length; ++i) {
                for (let j = i + 1; j < all.length; ++j) {
                    const a = all[i].mapToItem(panel, 0, 0), b = all[j].mapToItem(panel, 0, 0)
                    const overlap = a.x < b.x + all[j].width && b.x < a.x + all[i].width
                                    && a.y < b.y + all[j].height && b.y < a.y + all[i].height
                    verify(!overlap, all[i].text + " overlaps " + all[j].text)
                }
            }
        }

        function luminance(c) {
            const lin = v => v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4)
            return 0.2126 * lin(c.r) + 0.7152 * lin(c.g) + 0.0722 * lin(c.b)
        }
        function contrast(a, b) {
            const la = luminance(a), lb = luminance(b)
            return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05)
        }

        // WCAG AA asks 4.5:1 for text: the option not chosen must stay as readable as the chosen one.
        function test_both_options_of_the_switch_are_readable_and_the_chosen_one_stands_out() {
            panel.side = "material"
            const material = findChild(panel, "materialTab"), energy = findChild(panel, "energyTab")
            for (const button of [material, energy]) {
                verify(contrast(button.contentItem.color, button.background.color) >= 4.5,
                       button.text + ": text " + button.contentItem.color + " on " + button.background.color)
            }
            verify(material.checked && !energy.checked)
            verify(contrast(material.background.color, energy.background.color) >= 3, "the chosen option stands out")
            verify(luminance(energy.background.color) > luminance(material.background.color),
                   "the option not chosen is not the darker one")
            mouseClick(energy)
            verify(energy.checked && !material.checked)
        }

        function bands() {
            const kids = findChild(panel, "sankeyCanvas").children, out = []
            for (let k = 0; k < kids.length; ++k) if (kids[k].objectName === "sankeyBand") out.push(kids[k])
            return out
        }

        // A park of one material flow (QA: its one band filled the whole panel): a potline of
        // 87,600 t/yr (87,600 / 8,760 = 10 t/h) sends all its metal to a market. Its band is a
        // band, a quarter of the panel, in the middle; Beidu's diagrams (30 material bands, 5
        // energy bands) still fill the panel with their tallest column.
        function test_one_flow_is_a_band_not_the_whole_panel() {
            const park = {
                format: "parktwin-park/1", id: "one-flow", name: {zh: "单流园区", en: "One-flow park"},
                latitude_deg: 28.97, longitude_deg: 106.65, land_area_mu: 100, grid_emission_t_per_mwh: 0.57,
                buildings: [{id: "hall", name: {zh: "车间", en: "Hall"}, kind: "smelter", position: {x_m: 0, y_m: 0},
                             width_m: 100, depth_m: 40, height_m: 15}],
                lines: [{id: "pots", name: {zh: "电解系列", en: "Potline"}, kind: "potline", building: "hall",
                         product: "molten_aluminium", capacity_t_per_year: 87600, cycle_time_s: 3600, machines: []}],
                externals: [{id: "market", name: {zh: "市场", en: "Market"}, kind: "market", position: {x_m: 300, y_m: 0}}],
                material_links: [{id: "m-1", from: "pots", to: "market", product: "molten_aluminium",
                                  capacity_t_per_hour: 20, distance_m: 300}]}
            ParkController.language = "en"
            verify(ParkController.loadPark(Fixture.writeFile("one-flow.park.json", JSON.stringify(park))), ParkController.errorText)
            panel.side = "material"
            const canvas = findChild(panel, "sankeyCanvas")
            tryVerify(() => bands().length === 1 && labelOf("pots") !== undefined, 15000, "one band: " + bands().length)
            compare(labelOf("pots").text, "Potline  10 t/h")
            const band = bands()[0]
            verify(band.w <= 0.25 * canvas.height, "the band is " + band.w + " px of a " + canvas.height + " px panel")
            verify(band.w >= 0.2 * canvas.height, "still a band one sees: " + band.w + " px")
            verify(band.y0 > 0.3 * canvas.height && band.y0 + band.w < 0.7 * canvas.height, "in the middle of the panel")

            verify(ParkController.loadPark(Fixture.beiduPath))
            for (const side of ["material", "energy"]) {
                panel.side = side
                tryVerify(() => labelOf("potline-1") !== undefined, 15000)
                const tallest = ParkController.flows.sankeyFrame[side].height
                fuzzyCompare(canvas.scale, (canvas.height - 8) / tallest, 1e-9)
            }
            panel.side = "material"
        }

        function test_no_label_is_cut_off_in_either_language() {
            for (const lang of ["zh", "en"]) {
                ParkController.language = lang
                for (const side of ["material", "energy"]) {
                    panel.side = side
                    tryVerify(() => labels().length > 0, 15000)
                    for (const l of labels().filter(l => l.visible)) {
                        verify(!l.truncated, lang + "/" + side + ": " + l.text + " is cut off")
                        const base = l.objectId.split("#")[0]
                        const name = ParkController.nameOf(base)
                        if (name !== "" && name !== base && l.objectId.indexOf("#") < 0)
                            verify(l.text.indexOf(name) === 0, lang + ": " + l.text + " shows all of " + name)
                        const right = l.mapToItem(panel, l.width, 0).x
                        verify(right <= panel.width, l.text + " runs off the panel")
                    }
                }
            }
            ParkController.language = "en"
        }
    }
}
