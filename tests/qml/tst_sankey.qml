// The balance panel draws the solved flows as a Sankey diagram with readable labels: each
// potline's 170 kt/yr is 170000 / 8760 = 19.4 t/h of metal and, at 13,500 kWh/t, 262 MW.
import QtQuick
import QtTest
import ParkTwin

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
