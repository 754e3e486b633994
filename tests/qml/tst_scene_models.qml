// Objects drawn by their own 3D model (issue 18): flying to a modelled building frames the
// model's real bounds (worked out here by hand from the GLB's own min/max and the field of
// view), and machines drawn by a model keep their line's state colour in their instance table.
import QtQuick
import QtQuick3D.AssetUtils
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
    MachineModelInstancing {
        id: modelTable
        source: ParkController.scene.machines
        spec: ParkController.scene.machineModels.find(m => m.groupId === Fixture.modelStateGroup) || ({})
    }

    TestCase {
        name: "SceneModels"
        when: windowShown

        function cleanupTestCase() {
            ParkController.timeline.close()
            verify(ParkController.loadPark(Fixture.beiduPath))
        }

        function buildingDelegate(id) { return parkView.buildingDelegate(id) }

        function modelGroup(groupId) {
            const groups = parkView.machineModels.groups
            for (let i = 0; i < groups.count; ++i) {
                const group = groups.objectAt(i)
                if (group && group.spec.groupId === groupId) return group
            }
            return null
        }

        // llvmpipe (the tests' renderer): boxes under 10 px, the mid level up to 40 px, then the
        // full model; --bench-models-detailed draws the full model at any size.
        function test_level_of_detail_by_size_on_screen() {
            verify(!ViewState.gpu, "the Quick tests run on a software renderer: " + ViewState.renderer)
            compare(ViewState.modelDetail(0.5), ViewState.Box)
            compare(ViewState.modelDetail(9.9), ViewState.Box)
            compare(ViewState.modelDetail(10), ViewState.Mid)
            compare(ViewState.modelDetail(39), ViewState.Mid)
            compare(ViewState.modelDetail(40), ViewState.Full)
            compare(ViewState.modelDetail(900), ViewState.Full)
            ViewState.modelsAlwaysDetailed = true
            compare(ViewState.modelDetail(0.5), ViewState.Full)
            ViewState.modelsAlwaysDetailed = false
            compare(ViewState.modelDetail(0.5), ViewState.Box)
        }

        // A pot (11 m long) seen straight down from far enough to stand 4-40 px long is drawn by
        // its mid level (22 triangles), closer by the full model (128), further as a box.
        function test_pots_switch_levels_with_the_zoom() {
            verify(ParkController.loadPark(Fixture.beiduPath))
            const pots = modelGroup("potline-1-pots")
            verify(pots !== null, "potline 1's pots have a model group")
            tryVerify(() => pots.full.status === RuntimeLoader.Success && pots.mid.status === RuntimeLoader.Success, 10000,
                      "both levels load: " + pots.full.status + " / " + pots.mid.status)
            verify(String(pots.mid.source).endsWith("electrolytic-pot-lod1.glb"), pots.mid.source)
            compare(pots.mid.instancing, pots.table, "the mid level draws the group's own instance table")
            compare(pots.full.instancing, pots.table)
            parkView.pitch = 90
            parkView.focusOn("potline-1-pots", true)
            const extent = ParkController.scene.machines.groupExtent("potline-1-pots")
            const t = Math.tan(parkView.camera.fieldOfView * Math.PI / 360)
            // Camera height at which the nearest pot is `px` high: size * H / (2 d t) = px.
            const heightFor = px => extent.machineSize * parkView.view.height / (2 * px * t)
            for (const [px, level] of [[15, "mid"], [120, "full"], [1.5, "box"]]) {
                parkView.distance = heightFor(px) + extent.radius
                tryCompare(pots, "drawnLevel", level, 5000, px + " px")
                compare(pots.mid.visible, level === "mid")
                compare(pots.full.visible, level === "full")
            }
            // The log line the benchmarks print counts potline 1's 160 pots among the boxes now.
            const boxes = Number(/boxes (\d+)/.exec(parkView.machineModels.machinesPerLevel)[1])
            verify(boxes >= 160, parkView.machineModels.machinesPerLevel)
        }

        // A change elsewhere in the park (another group highlighted) does not re-upload a group's
        // table; a change of its own machines does.
        function test_table_uploaded_only_when_its_machines_change() {
            verify(ParkController.loadPark(Fixture.beiduPath))
            ParkController.selection.select("")
            const pots = modelGroup("potline-1-pots")
            const before = pots.table.uploads
            ParkController.selection.select("potline-2-pots")
            compare(pots.table.uploads, before, "potline 2 highlighted: potline 1's table unchanged")
            ParkController.selection.select("potline-1-pots")
            compare(pots.table.uploads, before + 1, "potline 1 highlighted: its table uploaded once")
            verify(sameColour(pots.table.instanceColor(0), Qt.color("#ffe03a")), "the highlight's yellow: " + pots.table.instanceColor(0))
            ParkController.selection.select("")
        }

        function test_fly_to_frames_the_models_bounds() {
            verify(ParkController.loadPark(Fixture.modelledParkPath), ParkController.errorText)
            tryVerify(() => buildingDelegate("casthouse") !== null && buildingDelegate("casthouse").modelCorners().length === 8,
                      10000, "the hall model loads and has its bounds")
            parkView.yaw = 0
            parkView.pitch = 90  // straight down, north up: the fit reduces to two ratios
            parkView.focusOn("casthouse", true)

            // The cast house stands at (500, 240) m, unturned, its model at scale 2.
            const bounds = Fixture.glbBounds(Fixture.modelledBuildingModel)
            const halfX = (bounds.max.x - bounds.min.x), halfZ = (bounds.max.z - bounds.min.z)  // x2 scale, /2
            const top = 2 * bounds.max.y
            const view = parkView.view
            const band = parkView.freeBand()
            const t = Math.tan(parkView.camera.fieldOfView * Math.PI / 360)
            const across = 0.94 * t * view.width / view.height
            const upper = (1 - 2 * band.top / view.height) * t, lower = (1 - 2 * band.bottom / view.height) * t
            // The camera looks down from the roof's height plus what the wider way needs.
            const expected = top + Math.max(halfX / across, 2 * halfZ / (upper - lower))
            verify(Math.abs(parkView.distance - expected) / expected < 0.02,
                   "distance " + parkView.distance + ", by hand " + expected)
            // Centred across on the model (its x centre is 500 + 2 * the file's centre).
            const centreX = 500 + (bounds.min.x + bounds.max.x)
            verify(Math.abs(parkView.target.x - centreX) < 0.5, "target x " + parkView.target.x + " vs " + centreX)
            // The box would have needed another distance: the test tells the two apart.
            const boxDistance = 16 + Math.max(70 / across, 80 / (upper - lower))
            verify(Math.abs(boxDistance - expected) / expected > 0.05, "box and model frame alike")
        }

        // The cast house's model bounds in the scene, by hand: the GLB's own min/max at scale 2,
        // the hall standing at (500, 240) m, unturned (scene z is -y).
        function casthouseModelBox() {
            const b = Fixture.glbBounds(Fixture.modelledBuildingModel)
            return {min: Qt.vector3d(500 + 2 * b.min.x, 2 * b.min.y, -240 + 2 * b.min.z),
                    max: Qt.vector3d(500 + 2 * b.max.x, 2 * b.max.y, -240 + 2 * b.max.z)}
        }
        function near(a, b, what) {
            verify(a.minus(b).length() < 0.05, what + ": " + a + " vs " + b)
        }

        // QA: a selected hall drawn by its own model hid the lines inside it, so the model went
        // see-through when selected; QA4: tinted yellow and see-through, the hall became a salmon
        // box its owner no longer recognised. The hall chosen: its model solid, in its own colours
        // (a white tint multiplies nothing), a yellow frame on the model's bounds. A line chosen
        // inside: see-through (the line shows), own colours, framed. Nothing chosen: no frame.
        function test_a_selected_modelled_building_keeps_its_look_and_is_framed() {
            verify(ParkController.loadPark(Fixture.modelledParkPath), ParkController.errorText)
            tryVerify(() => buildingDelegate("casthouse") !== null && buildingDelegate("casthouse").modelled, 10000)
            const model = findChild(parkView, "loadedModel:casthouse")
            verify(model, "the cast house's loaded model")
            const tint = () => model.instancing.instances[0].color
            compare(model.opacity, 1)
            verify(findChild(buildingDelegate("casthouse"), "selectionFrame") === null, "no frame before a selection")

            ParkController.selection.select("casthouse")
            compare(model.opacity, 1, "the selected hall's model stays solid")
            verify(Qt.colorEqual(tint(), "white"), "its own colours, untinted: " + tint())
            tryVerify(() => findChild(buildingDelegate("casthouse"), "selectionFrame") !== null, 5000, "a frame round the selected model")
            const frame = findChild(buildingDelegate("casthouse"), "selectionFrame")
            const expected = casthouseModelBox()
            near(frame.mapPositionToScene(frame.box.min), expected.min, "the frame's lower corner")
            near(frame.mapPositionToScene(frame.box.max), expected.max, "the frame's upper corner")

            ParkController.selection.select("ingot-casting")  // the cast house's line
            tryCompare(model, "opacity", 0.4)
            verify(Qt.colorEqual(tint(), "white"), "see-through, still in its own colours: " + tint())
            verify(findChild(buildingDelegate("casthouse"), "selectionFrame") !== null, "framed while its line is chosen")

            ParkController.selection.select("")
            tryCompare(model, "opacity", 1)
            tryVerify(() => findChild(buildingDelegate("casthouse"), "selectionFrame") === null, 5000, "the frame goes with the selection")
        }

        // QA4 Q11: a hall with rooftop PV drawn by its own model lost its panels (the flows still
        // counted the kWp). The panels lie on the model's top, over the southern 40% of its
        // bounds, as on a box's roof: seen straight down, the point where their middle lies (from
        // the GLB's own bounds, by hand) is the panels' dark blue, not the model's roof.
        function test_roof_pv_lies_on_a_models_top() {
            const park = JSON.parse(Fixture.readText(Fixture.modelledParkPath))
            park.buildings.find(b => b.id === "casthouse").roof_pv_kwp = 900
            verify(ParkController.loadPark(Fixture.writeFile("beidu-modelled-pv.json", JSON.stringify(park))), ParkController.errorText)
            ParkController.selection.select("")
            tryVerify(() => buildingDelegate("casthouse") !== null && buildingDelegate("casthouse").modelCorners().length === 8,
                      10000, "the hall model loads and has its bounds")
            parkView.yaw = 0
            parkView.pitch = 90
            parkView.focusOn("casthouse", true)
            const box = casthouseModelBox()
            const depth = box.max.z - box.min.z
            const middle = Qt.vector3d((box.min.x + box.max.x) / 2, box.max.y + 0.6, (box.min.z + box.max.z) / 2 + 0.28 * depth)
            waitForRendering(parkView)
            const onScreen = parkView.view.mapFrom3DScene(middle)
            const image = grabImage(parkView)
            const c = image.pixel(Math.round(onScreen.x), Math.round(onScreen.y))
            verify(c.b > c.r + 0.08 && c.b > c.g + 0.05 && c.r + c.g + c.b < 1.2,
                   "the panels' dark blue at " + onScreen.x.toFixed(0) + "," + onScreen.y.toFixed(0) + ": " + c)

            const pv = findChild(buildingDelegate("casthouse"), "roofPv")
            verify(pv.visible, "the PV array is drawn")
            near(pv.scenePosition, middle, "the array's middle")
            const width = (box.max.x - box.min.x) * 0.92
            verify(Math.abs(pv.scale.x * 100 - width) < 0.05, "92% of the model's width: " + pv.scale.x * 100 + " vs " + width)
            verify(Math.abs(pv.scale.z * 100 - 0.4 * depth) < 0.05, "40% of its depth: " + pv.scale.z * 100 + " vs " + 0.4 * depth)
        }

        // The legend's state colours: idle grey, changeover amber, down red, starved violet.
        readonly property var stateColours: ({1: "#9aa3ad", 2: "#f2b134", 3: "#e02f2f", 4: "#8e5cd9"})
        // An instance table holds linear colours (what the shader multiplies): the sRGB transfer
        // function of IEC 61966-2-1.
        function linear(c) { return c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4) }
        function sameColour(table, srgb) {
            return Math.abs(table.r - linear(srgb.r)) < 0.01 && Math.abs(table.g - linear(srgb.g)) < 0.01
                && Math.abs(table.b - linear(srgb.b)) < 0.01
        }

        function test_modelled_machines_keep_their_state_colour() {
            verify(ParkController.loadPark(Fixture.beiduPath))
            verify(Fixture.modelStateGroup !== "", "a modelled group's line leaves running in the fixture")
            verify(modelTable.count > 0, Fixture.modelStateGroup + " has machines")
            verify(ParkController.timeline.openReplay(Fixture.dbPath), ParkController.timeline.status)
            ParkController.timeline.seek(Fixture.modelStateProbeMs)
            tryVerify(() => ParkController.timeline.lineState(Fixture.modelStateLine) === Fixture.modelExpectedState, 15000,
                      Fixture.modelStateLine + " state " + ParkController.timeline.lineState(Fixture.modelStateLine))
            const expected = Qt.color(stateColours[Fixture.modelExpectedState])
            tryVerify(() => sameColour(modelTable.instanceColor(0), expected), 15000,
                      Fixture.modelStateGroup + " in state " + Fixture.modelExpectedState + ": " + modelTable.instanceColor(0) + " vs " + expected)
            const last = modelTable.instanceColor(modelTable.count - 1)
            verify(sameColour(last, expected), "every machine of the group: " + last)
            // The table the scene's loaders draw (both levels share it) holds the same colours.
            const group = modelGroup(Fixture.modelStateGroup)
            compare(group.mid.instancing, group.table)
            tryVerify(() => sameColour(group.table.instanceColor(0), expected), 15000, "scene table: " + group.table.instanceColor(0))
        }
    }
}
