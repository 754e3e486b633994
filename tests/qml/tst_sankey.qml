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
    }
}
