// Objects and tags are named as people know them, not by id (QA pass 4): edit mode's list of a
// building's links (Q13: `sub-main → building-0 · 电力 · 8,000 kW`) and a desk's banner when the
// server's park differs from the window's (Q15: `…：building-2.temp；…：building-2。`).
// Oracle: the names written in beidu.json, and its ids, which must not show.
import QtQuick
import QtQuick.Controls
import QtTest
import ParkTwin
import ParkTwinTest

Item {
    id: top
    width: 420
    height: 700

    ShapeToolsPanel { id: tools; width: 400 }

    TestCase {
        name: "NamesNotIds"
        when: windowShown

        function cleanup() {
            Fixture.setServerPark("")
            ParkController.language = "en"
            ParkEditor.editing = false
            ParkController.selection.select("")
        }

        function labelsIn(item, out) {
            if (item.text !== undefined && item.visible && item instanceof Label) out.push(item.text)
            const kids = item.children || []
            for (let k = 0; k < kids.length; ++k) labelsIn(kids[k], out)
            return out
        }

        // The casthouse's links in beidu.json: m-potline-1 (potline-1 → casthouse), m-potline-2, …
        function test_the_links_list_names_both_ends() {
            ParkEditor.editing = true
            ParkController.selection.select("casthouse")
            let rows = []
            tryVerify(() => { rows = labelsIn(tools, []).filter(t => t.indexOf("→") >= 0); return rows.length > 0 }, 5000,
                      "the casthouse's links are listed")
            const potline = rows.find(t => t.startsWith("Potline 1 → Qineng casthouse · "))
            verify(potline !== undefined, "names from the park file: " + JSON.stringify(rows))
            // Each of the casthouse's links in the file, its ends by the names the file gives them.
            const park = JSON.parse(Fixture.readText(Fixture.beiduPath))
            const names = {}
            for (const item of park.buildings.concat(park.lines, park.utilities || [], park.externals || []))
                names[item.id] = item.name.en
            const ends = park.material_links.concat(park.energy_links).filter(l => l.from === "casthouse" || l.to === "casthouse")
            compare(rows.length, ends.length, "one row per link")
            for (const link of ends) {
                const title = names[link.from] + " → " + names[link.to] + " · "
                verify(rows.some(row => row.startsWith(title)), title + " in " + JSON.stringify(rows))
            }
            ParkController.language = "zh"
            rows = labelsIn(tools, []).filter(t => t.indexOf("→") >= 0)
            verify(rows.some(t => t.startsWith("1号电解系列 → 旗能铸造车间 · ")), "in Chinese: " + JSON.stringify(rows))
        }

        // The server's Beidu without the tag potline-1.voltage, with a taller casthouse and one
        // building more (store-9).
        function serverPark() {
            const park = JSON.parse(Fixture.readText(Fixture.beiduPath))
            park.tags = park.tags.filter(t => t.id !== "potline-1.voltage")
            park.buildings.find(b => b.id === "casthouse").height_m += 3
            park.buildings.push({ id: "store-9", name: { zh: "九号仓库", en: "Store nine" }, kind: "warehouse",
                                  position: { x_m: 900, y_m: 900 }, width_m: 20, depth_m: 20, height_m: 8 })
            return JSON.stringify(park)
        }

        function test_the_desk_banner_names_objects_and_tags() {
            Fixture.setServerPark(serverPark())
            let text = ParkController.serverParkDifference
            verify(text !== "", "the parks differ")
            for (const name of ["Store nine", "Potline 1 voltage", "for: Qineng casthouse"])
                verify(text.indexOf(name) >= 0, "names " + name + ": " + text)
            verify(!/store-9|potline-1\.voltage/.test(text), "no ids: " + text)
            ParkController.language = "zh"
            text = ParkController.serverParkDifference
            for (const name of ["九号仓库", "1号系列电压", "旗能铸造车间"])
                verify(text.indexOf(name) >= 0, "names " + name + ": " + text)
            verify(!/store-9|potline-1\.voltage|casthouse/.test(text), "no ids: " + text)
            verify(text.indexOf("；") > 0 && text.indexOf(";") < 0, "Chinese punctuation between the parts: " + text)
        }
    }
}
