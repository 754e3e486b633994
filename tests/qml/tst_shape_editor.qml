// Edit mode's zone, road and link tools with real mouse events on the 3D view: a zone of four
// clicked points (the fourth a double-click), a road with Enter, a vertex handle dragged, a
// link dragged from one line to another and the link form, each undone back to the original
// file; GeoJSON import in the window (a good file opens untitled and unsaved with its warnings
// in Problems, a malformed one lists its JSON paths, asks nothing and leaves the open park; a
// park never saved keeps its unsaved mark through undo); the zone/road form's fields, each an
// undoable edit, and the orange 3D highlight of the selected zone or road, read off the
// window's pixels at points placed by hand.
// Oracles: the camera looks straight down on (100, 50) from 100 / tan(20°) m with a 40° field
// of view over 800 px, so one pixel is 0.25 m and view pixel (x, y) is ground point
// (100 + (x - 450) / 4, 50 - (y - 400) / 4) by hand; Python's json module on the saved file;
// the saved file's bytes against the file saved before the edits.
import QtQuick
import QtQuick.Controls
import QtTest
import ParkTwin
import ParkTwinTest

Item {
    id: top
    width: 1400
    height: 800

    ParkView {
        id: view
        width: 900
        height: 800
    }
    ShapeToolsPanel {
        id: toolsPanel
        x: 900
        width: 500
        height: 400
    }
    ProblemsPanel {
        id: problemsPanel
        x: 900
        y: 400
        width: 500
        height: 400
    }
    FileActions { id: actions }
    EditShortcuts {}

    // Hall 60 x 30 m at (50, 50) with line-a, store 40 x 20 m at (150, 50) with line-b; each
    // line one large machine at its building's centre, so a press on the roof picks the line.
    function line(id, building, product) {
        return { id: id, name: { zh: id, en: id }, kind: "assembly", building: building, product: product,
                 capacity_t_per_year: 1000, energy_kwh_per_t: 100, power_kw: 50,
                 machines: [{ id: id + "-m", name: { zh: id + " 机", en: id + " machine" }, kind: "robot_cell",
                              count: 1, rows: 1, pitch_x_m: 20, pitch_y_m: 10, width_m: 16, depth_m: 8,
                              height_m: 4, power_kw: 50 }] }
    }
    function miniPark() {
        return JSON.stringify({
            format: "parktwin-park/1", id: "shapes", name: { zh: "形状园区", en: "Shape park" },
            latitude_deg: 29.5, longitude_deg: 106.5, land_area_mu: 100, grid_emission_t_per_mwh: 0.57,
            buildings: [
                { id: "hall", name: { zh: "车间", en: "Hall" }, kind: "plant", position: { x_m: 50, y_m: 50 },
                  width_m: 60, depth_m: 30, height_m: 12 },
                { id: "store", name: { zh: "仓库", en: "Store" }, kind: "warehouse", position: { x_m: 150, y_m: 50 },
                  width_m: 40, depth_m: 20, height_m: 10 }
            ],
            // line-a makes ingots nothing feeds: the origin the flow solver needs to draw links.
            lines: [top.line("line-a", "hall", "ingot"), top.line("line-b", "store", "goods")]
        }, null, 2)
    }
    // By hand: 0.25 m per pixel around the view's centre pixel (450, 400) = ground (100, 50).
    function groundByHand(x, y) { return Qt.point(100 + (x - 450) / 4, 50 - (y - 400) / 4) }
    function pointsOf(list) { return list.map(p => [p.x_m, p.y_m]) }
    function saved(section) { return JSON.parse(Fixture.pythonSection(top.path, section)) }

    // A GeoJSON file of one 12 m hall near Chongqing: a park the import opens.
    function writeSite(name) {
        return Fixture.writeFile(name, JSON.stringify({ type: "FeatureCollection", features: [
            { type: "Feature", properties: { name: "Hall", height: 12 },
              geometry: { type: "Polygon", coordinates: [[[106.65, 28.97], [106.6506, 28.97], [106.6506, 28.9703],
                                                            [106.65, 28.9703], [106.65, 28.97]]] } }
        ] }))
    }
    // How orange the window is at a view pixel: red minus blue, 0..255.
    function orangeAt(x, y) {
        const c = Fixture.windowPixel(view, x, y)
        return Math.round((c.r - c.b) * 255)
    }

    property string path
    property string original
    property string languageBefore

    TestCase {
        name: "ShapeEditor"
        when: windowShown

        function init() {
            // The titles and names checked here are the English ones; other tests switch to zh.
            top.languageBefore = ParkController.language
            ParkController.language = "en"
            top.path = Fixture.writeFile("shapes.park.json", top.miniPark())
            verify(ParkDocument.open(top.path), JSON.stringify(ParkDocument.problems))
            verify(ParkDocument.save())
            top.original = Fixture.readText(top.path)
            ParkEditor.editing = true
            verify(ParkEditor.editing)
            view.stopMotion()
            view.target = Qt.vector3d(100, 0, -50)
            view.yaw = 0
            view.pitch = 90
            view.distance = 100 / Math.tan(20 * Math.PI / 180)
            tryVerify(() => view.sceneReady, 5000)
            waitForRendering(view)
        }
        function cleanup() {
            ParkController.language = top.languageBefore
            ShapeEditor.tool = ""
            ParkEditor.editing = false
            ParkDocument.resolvePending("cancel")
            ParkController.loadPark(Fixture.beiduPath)
        }

        function test_camera_is_as_computed_by_hand() {
            // The oracle's premise, against Qt's own projection: a pixel is 0.25 m, north up.
            const p = view.view.mapFrom3DScene(Qt.vector3d(150, 0, -75))
            fuzzyCompare(p.x, 650, 1)
            fuzzyCompare(p.y, 300, 1)
        }

        function test_draw_a_zone_of_four_clicks() {
            ShapeEditor.tool = "zone"
            const clicks = [Qt.point(250, 200), Qt.point(650, 200), Qt.point(650, 520)]
            for (const c of clicks) mouseClick(view, c.x, c.y)
            compare(ShapeEditor.draft.length, 3)
            // The preview follows the pointer; the fourth point closes the polygon.
            mouseMove(view, 250, 520)
            mouseDoubleClickSequence(view, 250, 520)
            compare(ShapeEditor.draft.length, 0)
            compare(ParkEditor.undoCount, 1)
            compare(ShapeEditor.shape.id, "zone-1")
            verify(ParkDocument.modified)
            compare(ParkController.scene.zones.length, 1)
            verify(ParkDocument.save())
            const zones = top.saved("zones")
            compare(zones.length, 1)
            // (250, 200) -> (50, 100); (650, 200) -> (150, 100); (650, 520) -> (150, 20); (250, 520) -> (50, 20)
            compare(JSON.stringify(top.pointsOf(zones[0].outline)), JSON.stringify([[50, 100], [150, 100], [150, 20], [50, 20]]))
            compare(zones[0].kind, "industrial")
            compare(zones[0].name.en, "Zone 1")
            // The handles of the selected zone, and a drag of one: one history entry.
            compare(ShapeEditor.handles.length, 4)
            ShapeEditor.tool = ""  // Select: a press on a handle drags it
            compare(ShapeEditor.shape.id, "zone-1")
            mousePress(view, 250, 200)
            for (let i = 1; i <= 5; ++i) mouseMove(view, 250 - 4 * i, 200 - 4 * i, -1, Qt.LeftButton)
            mouseRelease(view, 230, 180)
            compare(ParkEditor.undoCount, 2)
            verify(ParkDocument.save())
            // (230, 180) -> (45, 105)
            compare(JSON.stringify(top.pointsOf(top.saved("zones")[0].outline)[0]), JSON.stringify([45, 105]))
            // Undo each: the saved file is the original, byte for byte.
            verify(ParkEditor.undo())
            verify(ParkDocument.save())
            compare(JSON.stringify(top.pointsOf(top.saved("zones")[0].outline)[0]), JSON.stringify([50, 100]))
            verify(ParkEditor.undo())
            compare(ParkController.scene.zones.length, 0)
            verify(ParkDocument.save())
            compare(Fixture.readText(top.path), top.original)
        }

        function test_escape_cancels_a_drawing() {
            ShapeEditor.tool = "zone"
            mouseClick(view, 300, 300)
            mouseClick(view, 400, 300)
            compare(ShapeEditor.draft.length, 2)
            view.forceActiveFocus()
            keyClick(Qt.Key_Escape)
            compare(ShapeEditor.draft.length, 0)
            compare(ParkEditor.undoCount, 0)
            compare(ParkController.scene.zones.length, 0)
        }

        function test_draw_a_road_with_enter_select_and_delete() {
            ShapeEditor.tool = "road"
            ShapeEditor.roadWidthM = 6
            mouseClick(view, 250, 600)
            mouseClick(view, 650, 600)
            mouseClick(view, 650, 300, Qt.LeftButton, Qt.ShiftModifier)  // Shift: no snapping
            view.forceActiveFocus()
            keyClick(Qt.Key_Return)
            compare(ParkEditor.undoCount, 1)
            verify(ParkDocument.save())
            const roads = top.saved("roads")
            compare(roads.length, 1)
            compare(roads[0].width_m, 6)
            // (250, 600) -> (50, 0); (650, 600) -> (150, 0); (650, 300) -> (150, 75), the last
            // unsnapped: within 0.05 m (half a pixel's offset) but not rounded.
            const path = top.pointsOf(roads[0].path)
            compare(JSON.stringify(path.slice(0, 2)), JSON.stringify([[50, 0], [150, 0]]))
            fuzzyCompare(path[2][0], 150, 0.05)
            fuzzyCompare(path[2][1], 75, 0.05)
            verify(path[2][0] !== 150 || path[2][1] !== 75)
            // Select it with a click on it (ground (100, 1) is inside its 6 m), then delete it.
            ShapeEditor.tool = ""
            ShapeEditor.select("")
            mouseClick(view, 450, 596)
            compare(ShapeEditor.shape.id, "road-1")
            // Its middle point's handle dragged 40 px down: (150, 0) -> (150, -10), one entry.
            compare(ShapeEditor.handles.length, 3)
            mousePress(view, 650, 600)
            for (let i = 1; i <= 4; ++i) mouseMove(view, 650, 600 + 10 * i, -1, Qt.LeftButton)
            mouseRelease(view, 650, 640)
            compare(ParkEditor.undoCount, 2)
            verify(ParkDocument.save())
            compare(JSON.stringify(top.pointsOf(top.saved("roads")[0].path)[1]), JSON.stringify([150, -10]))
            view.forceActiveFocus()
            keyClick(Qt.Key_Delete)
            compare(ParkController.scene.roads.length, 0)
            compare(ParkEditor.undoCount, 3)
            verify(ParkEditor.undo())
            verify(ParkEditor.undo())
            verify(ParkEditor.undo())
            verify(ParkDocument.save())
            compare(Fixture.readText(top.path), top.original)
        }

        function test_link_two_lines() {
            ShapeEditor.tool = "link"
            // The hall's centre (50, 50) is pixel (250, 400); the store's (150, 50) pixel (650, 400).
            mousePress(view, 250, 400)
            for (let i = 1; i <= 8; ++i) mouseMove(view, 250 + 50 * i, 400, -1, Qt.LeftButton)
            mouseRelease(view, 650, 400)
            const form = findChild(view, "linkForm")
            verify(form)
            tryVerify(() => form.opened)
            compare(form.from, "line-a")
            compare(form.to, "line-b")
            form.ask("hall", "store")  // buildings: describe() gives name and kind on two lines
            compare(findChild(form.contentItem, "linkTitle").text, "Hall → Store")  // the miniPark's names
            form.ask("line-a", "line-b")
            const kinds = findChild(form.contentItem, "linkKindBox")
            kinds.currentIndex = LinkEditor.products.indexOf("ingot")
            findChild(form.contentItem, "linkCapacityField").text = "12.5"
            const id = form.accept()
            compare(id, "line-a-to-line-b")
            tryVerify(() => !form.visible)
            // The flow overlay draws it at once.
            verify(ParkController.flows.arcs.some(a => a.id === id), JSON.stringify(ParkController.flows.arcs.map(a => a.id)))
            verify(ParkDocument.save())
            const links = top.saved("material_links")
            compare(links.length, 1)
            compare(links[0].id, "line-a-to-line-b")
            compare(links[0].from, "line-a")
            compare(links[0].to, "line-b")
            compare(links[0].product, "ingot")
            compare(links[0].capacity_t_per_hour, 12.5)
            // Listed with the selected line, and deleted from there.
            ParkController.selection.select("line-a")
            tryVerify(() => findChild(toolsPanel, "deleteLinkButton") !== null)
            mouseClick(findChild(toolsPanel, "deleteLinkButton"))
            compare(top.saved("material_links").length, 1)  // not saved yet
            verify(!ParkController.flows.arcs.some(a => a.id === id))
            verify(ParkEditor.undo())
            verify(ParkEditor.undo())
            verify(ParkDocument.save())
            compare(Fixture.readText(top.path), top.original)
        }

        function test_energy_link_in_kw() {
            verify(LinkEditor.addEnergyLink("hall", "store", "electricity", 800) !== "")
            verify(ParkDocument.save())
            const links = top.saved("energy_links")
            compare(links.length, 1)
            compare(links[0].carrier, "electricity")
            compare(links[0].capacity_kw, 800)
            // A capacity of 0 is listed in Problems with its path, as the reader would.
            verify(LinkEditor.addEnergyLink("store", "hall", "heat", 0) !== "")
            verify(ParkDocument.problems.some(p => p.path === "/energy_links/1/capacity_kw"))
        }

        function test_import_geojson_in_the_window() {
            const good = Fixture.writeFile("site.geojson", JSON.stringify({ type: "FeatureCollection", features: [
                { type: "Feature", properties: { name: "Hall", height: 12 },
                  geometry: { type: "Polygon", coordinates: [[[106.65, 28.97], [106.6506, 28.97], [106.6506, 28.9703],
                                                                [106.65, 28.9703], [106.65, 28.97]]] } },
                { type: "Feature", properties: { name: "Store" },
                  geometry: { type: "Polygon", coordinates: [[[106.651, 28.97], [106.6513, 28.97], [106.6513, 28.9702],
                                                                [106.651, 28.9702], [106.651, 28.97]]] } }
            ] }))
            verify(GeoJsonImporter.importFile(good))
            compare(ParkController.scene.buildings.length, 2)
            compare(ParkController.parkId, "site")
            verify(ParkDocument.untitled)
            verify(ParkDocument.modified)
            verify(actions.windowTitle.startsWith("• Untitled"), actions.windowTitle)
            // The store has no height: a warning naming its feature.
            verify(ParkDocument.problems.some(p => p.path === "/features/1" || p.path.startsWith("/features/1/")),
                   JSON.stringify(ParkDocument.problems))
            // Notes of what the import assumed, not problems: the park is valid (QA4 Q10).
            verify(ParkDocument.problemsAreNotes)
            const explanation = findChild(problemsPanel, "problemsExplanation")
            verify(explanation.text.indexOf("saves as it is") >= 0, explanation.text)

            // A ring that does not close: its path, and the open park stays.
            const bad = Fixture.writeFile("bad.geojson", JSON.stringify({ type: "FeatureCollection", features: [
                { type: "Feature", properties: {},
                  geometry: { type: "Polygon", coordinates: [[[106.65, 28.97], [106.6506, 28.97], [106.6506, 28.9703]]] } }
            ] }))
            // The imported park is unsaved, but a malformed file has no park to open: its
            // problems show at once and nothing is asked.
            verify(!GeoJsonImporter.importFile(bad))
            compare(ParkDocument.pendingAction, "")
            verify(ParkDocument.modified)
            compare(ParkController.parkId, "site")
            compare(ParkController.scene.buildings.length, 2)
            verify(ParkDocument.problems.length >= 1)
            verify(ParkDocument.problems[0].path.startsWith("/features/0/geometry"), JSON.stringify(ParkDocument.problems))
            verify(!ParkDocument.problemsAreNotes)

            // In Chinese, the file's problems and the import's notes are Chinese (QA4 Q3, Q10).
            ParkController.language = "zh"
            verify(!GeoJsonImporter.importFile(bad))
            verify(ParkDocument.problems.some(p => p.message.indexOf("应至少有 4 个位置") >= 0), JSON.stringify(ParkDocument.problems))
            verify(!GeoJsonImporter.importFile(good))  // the imported park is unsaved: asked first
            ParkDocument.resolvePending("discard")
            compare(ParkController.parkId, "site")
            verify(ParkDocument.problems.some(p => p.path === "/features/1/properties" && p.message.indexOf("按 10 m 计") >= 0),
                   JSON.stringify(ParkDocument.problems))
            ParkController.language = "en"
        }

        function test_import_asks_about_unsaved_changes_first() {
            const site = top.writeSite("asked.geojson")
            verify(ParkEditor.moveBuilding("hall", 10, 10))
            verify(ParkDocument.modified)
            verify(!GeoJsonImporter.importFile(site))
            compare(ParkDocument.pendingAction, "import")
            compare(ParkController.parkId, "shapes")
            ParkDocument.resolvePending("cancel")
            compare(ParkController.parkId, "shapes")
            verify(!GeoJsonImporter.importFile(site))
            ParkDocument.resolvePending("discard")
            compare(ParkController.parkId, "asked")
            compare(ParkController.scene.buildings.length, 1)
            verify(ParkDocument.untitled && ParkDocument.modified)
        }

        function test_imported_park_stays_unsaved_after_undo() {
            verify(GeoJsonImporter.importFile(top.writeSite("undone.geojson")))
            verify(ParkDocument.untitled && ParkDocument.modified)
            verify(ParkEditor.addBuilding("plant", 0, 60) !== "")
            verify(ParkEditor.undo())
            compare(ParkEditor.undoCount, 0)
            // Back where the history began, but the imported park was never saved.
            verify(ParkDocument.modified)
            verify(actions.windowTitle.startsWith("• Untitled"), actions.windowTitle)
            // Saved with the building, the history's saved mark rules again: undone, the park
            // differs from the file; redone, it is the file.
            verify(ParkEditor.redo())
            verify(ParkDocument.saveAs(Fixture.tempPath("undone")))
            verify(!ParkDocument.modified)
            verify(ParkEditor.undo())
            verify(ParkDocument.modified)
            verify(ParkEditor.redo())
            verify(!ParkDocument.modified)
        }

        function test_new_park_stays_unsaved_after_undo() {
            ParkDocument.newPark()
            verify(ParkDocument.untitled && !ParkDocument.modified)
            ParkEditor.editing = true
            verify(ShapeEditor.addRoad([Qt.point(0, 0), Qt.point(50, 0)], 6) !== "")
            verify(ParkDocument.modified)
            verify(ParkEditor.undo())
            verify(ParkDocument.modified)
        }

        function test_bad_import_with_unsaved_changes_asks_nothing() {
            verify(ParkEditor.moveBuilding("hall", 10, 10))
            verify(ParkDocument.modified)
            const bad = Fixture.writeFile("bad-coords.geojson", JSON.stringify({ type: "FeatureCollection", features: [
                { type: "Feature", properties: {}, geometry: { type: "LineString", coordinates: [[106.65, "north"]] } }
            ] }))
            verify(!GeoJsonImporter.importFile(bad))
            compare(ParkDocument.pendingAction, "")
            verify(ParkDocument.problems.some(p => p.path.startsWith("/features/0/geometry")), JSON.stringify(ParkDocument.problems))
            compare(ParkController.parkId, "shapes")
            verify(ParkDocument.modified)
        }

        function test_zone_form_sets_names_and_kind_undoably() {
            compare(ShapeEditor.addZone([Qt.point(50, 100), Qt.point(150, 100), Qt.point(150, 20), Qt.point(50, 20)],
                                        "industrial"), "zone-1")
            const form = findChild(toolsPanel, "zoneRoadForm")
            verify(form)
            tryVerify(() => form.visible)
            const zh = findChild(form, "shapeNameZhField")
            const en = findChild(form, "shapeNameEnField")
            const kinds = findChild(form, "shapeZoneKindBox")
            verify(kinds.visible)
            verify(!findChild(form, "shapeRoadWidthField").visible)
            compare(zh.text, "区域 1")
            compare(en.text, "Zone 1")
            compare(kinds.currentText, "industrial")
            // Typed with the keyboard, Enter ends the edit; the Chinese name as an input method
            // hands it over, whole.
            en.forceActiveFocus()
            en.selectAll()
            for (const c of "North yard") keyClick(c)
            keyClick(Qt.Key_Return)
            zh.text = "北场"
            zh.editingFinished()
            kinds.currentIndex = ShapeEditor.zoneKinds.indexOf("logistics")
            kinds.activated(kinds.currentIndex)
            compare(ParkEditor.undoCount, 4)
            // Focus leaving an unchanged field adds nothing.
            en.editingFinished()
            compare(ParkEditor.undoCount, 4)
            verify(ParkDocument.save())
            const zone = top.saved("zones")[0]
            compare(zone.name.zh, "北场")
            compare(zone.name.en, "North yard")
            compare(zone.kind, "logistics")
            // Undo: the form shows the park's values again.
            verify(ParkEditor.undo())
            compare(kinds.currentText, "industrial")
            verify(ParkEditor.undo())
            compare(zh.text, "区域 1")
            verify(ParkEditor.undo())
            compare(en.text, "Zone 1")
            verify(ParkEditor.undo())
            verify(!form.visible)
            verify(ParkDocument.save())
            compare(Fixture.readText(top.path), top.original)
        }

        function test_road_form_sets_the_width_in_metres() {
            compare(ShapeEditor.addRoad([Qt.point(50, 0), Qt.point(150, 0)], 6), "road-1")
            const form = findChild(toolsPanel, "zoneRoadForm")
            const width = findChild(form, "shapeRoadWidthField")
            verify(width.visible)
            verify(!findChild(form, "shapeZoneKindBox").visible)
            compare(width.text, "6")
            width.forceActiveFocus()
            width.selectAll()
            for (const c of "9.5") keyClick(c)
            keyClick(Qt.Key_Return)
            compare(ParkEditor.undoCount, 2)
            verify(ParkDocument.save())
            compare(top.saved("roads")[0].width_m, 9.5)
            compare(ParkController.scene.roads[0].width, 9.5)  // the scene's road is as wide
            verify(ParkEditor.undo())
            compare(width.text, "6")
            verify(ParkEditor.undo())
            verify(ParkDocument.save())
            compare(Fixture.readText(top.path), top.original)
        }

        // By hand: ground (100, 75) is view pixel (450, 300), inside the zone and on no
        // building; ground (100, 0) is pixel (450, 600), on the road's centre line.
        function test_selected_zone_and_road_are_lit_in_the_scene() {
            ShapeEditor.addZone([Qt.point(50, 100), Qt.point(150, 100), Qt.point(150, 20), Qt.point(50, 20)], "industrial")
            ShapeEditor.addRoad([Qt.point(50, 0), Qt.point(150, 0)], 6)
            ShapeEditor.select("")
            waitForRendering(view)
            const zoneBefore = top.orangeAt(450, 300), roadBefore = top.orangeAt(450, 600)
            // The zone (#cfd3cb) and the road (#6b7078) are grey: red and blue about equal.
            verify(Math.abs(zoneBefore) < 20 && Math.abs(roadBefore) < 20, zoneBefore + " " + roadBefore)
            ShapeEditor.select("zone-1")
            tryVerify(() => top.orangeAt(450, 300) > zoneBefore + 50, 5000, "the zone is lit orange")
            verify(Math.abs(top.orangeAt(450, 600) - roadBefore) < 10, "the road is not")
            ShapeEditor.select("road-1")
            tryVerify(() => top.orangeAt(450, 600) > roadBefore + 50, 5000, "the road is lit orange")
            tryVerify(() => Math.abs(top.orangeAt(450, 300) - zoneBefore) < 10, 5000, "the zone no longer")
            ShapeEditor.select("")
            tryVerify(() => Math.abs(top.orangeAt(450, 600) - roadBefore) < 10, 5000, "nothing lit")
        }
    }
}
