// The scenario panel runs the shipped 8-hour smelter outage through the real runner (a quick
// 3-day look around it), shows KPI deltas that match a hand calculation, highlights the
// potrooms, replays either run on one timeline, cancels a full-year run, and names the JSON
// path of a bad scenario file.
import QtQuick
import QtTest
import ParkTwin
import ParkTwinTest

Item {
    width: 1200
    height: 900

    ScenarioPanel {
        id: panel
        width: 440
        height: parent.height
    }
    ScenarioLegend {
        id: legend
        x: 460
    }

    TestCase {
        name: "Scenario"
        when: windowShown
        readonly property var scenarios: ParkController.scenarios
        readonly property var timeline: ParkController.timeline

        function cleanupTestCase() {
            scenarios.clear()
            timeline.close()
        }
        function delta(key) { return scenarios.deltas.find(d => d.key === key) }

        function test_1_outage_run_shows_deltas_matching_the_hand_calculation() {
            scenarios.quick = true
            scenarios.run(Fixture.scenarioPath("smelter-outage.json"))
            compare(scenarios.state, "running")
            tryVerify(() => scenarios.state !== "running", 120000, "the run finishes")
            compare(scenarios.state, "done", scenarios.message)

            // 340,000 t/yr for 8 h = 340000 / 8760 * 8 = 310.5 t not made (10 t ladles: +-20 t).
            const primary = delta("primary_t")
            verify(Math.abs(primary.delta - (-340000 / 8760 * 8)) < 20, "primary metal delta " + primary.delta)
            compare(primary.direction, -1, "less metal is bad news")
            // Remelting costs 300 yuan/t more than molten supply.
            const remelt = delta("remelt_t"), cost = delta("remelt_cost_yuan")
            verify(remelt.delta > 0, "processors remelt ingot")
            fuzzyCompare(cost.delta, 300 * remelt.delta, 1e-6 * Math.max(1, cost.delta))

            // Electricity per tonne of aluminium made: its own key, a label saying what it divides by.
            const perTonne = delta("energy_kwh_per_t_made")
            verify(perTonne.label.indexOf("/ primary + recycled") > 0, perTonne.label)
            compare(perTonne.unit, "kWh/t")
            compare(delta("energy_kwh_per_t"), undefined, "no key with two meanings")
            compare(remelt.direction, -1, "more remelting is bad news")

            // The card for it is on the panel, red.
            const card = findChild(panel, "delta_primary_t")
            verify(card !== null, "a card for primary aluminium")
            compare(card.delta, primary.delta)

            // Both potrooms are highlighted; the series cover the 72 hours.
            verify(scenarios.affectedBuildings.length > 0)
            for (const id of scenarios.affectedBuildings)
                verify(ParkController.scene.buildings.some(b => b.id === id), id + " is a building of the park")
            // The panel says which period the totals cover: a day before the file's outage
            // (2026-07-15 08:00 Shanghai time), for 3 days.
            const period = findChild(panel, "scenarioPeriod").text
            verify(period.indexOf("Quick look, 3.0 days: 2026-07-14 08:00 – 2026-07-17 08:00") === 0, period)
            compare(scenarios.series[0].baseline.length, 72)
            compare(scenarios.series[0].scenario.length, 72)
            verify(JSON.stringify(scenarios.series[0].baseline) !== JSON.stringify(scenarios.series[0].scenario),
                   "the chart opens on a series the scenario changes")
            // Rooftop PV under the same sun in both runs: "No change", not "0 kWh" (read as none).
            const pv = delta("pv_kwh")
            verify(pv !== undefined && pv.baseline > 0 && pv.delta === 0, JSON.stringify(pv))
            compare(findChild(findChild(panel, "delta_pv_kwh"), "deltaValue").text, "No change")

            // QA (F22): the chart has a time axis, the period in the park's time (Shanghai): its
            // start 07-14 08:00, 36 h on 07-15 20:00, its end 07-17 08:00.
            compare(JSON.stringify(findChild(panel, "seriesChart").timeLabels),
                    JSON.stringify(["07-14 08:00", "07-15 20:00", "07-17 08:00"]))
            // A share changes by percentage points, not percent: self-sufficiency rises while the
            // potlines are down (same PV, less load); its relative change stays in %.
            const share = delta("self_sufficiency_pct")
            verify(share.delta > 0 && !share.unchanged, JSON.stringify(share))
            const shareCard = () => findChild(findChild(panel, "delta_self_sufficiency_pct"), "deltaValue").text
            compare(shareCard(), share.deltaText + " pp")
            ParkController.language = "zh"
            compare(shareCard(), share.deltaText + " 个百分点")
            ParkController.language = "en"
            compare(findChild(findChild(panel, "delta_primary_t"), "deltaValue").text, primary.deltaText + " t")
        }

        function test_2_toggle_replays_either_run_at_the_same_time() {
            compare(scenarios.showing, "scenario", "the scenario is replayed after the run")
            verify(timeline.source.endsWith("smelter-outage-scenario.db"), timeline.source)
            // The replay starts a minute into the outage: 2026-07-15T08:00:00+08:00 in the file.
            compare(timeline.timeMs, Date.UTC(2026, 6, 15, 0, 1))
            const at = timeline.startMs + 30 * 3600000  // during the outage (it starts 24 h in)
            timeline.seek(at)
            mouseClick(findChild(panel, "showBaselineButton"))
            compare(scenarios.showing, "baseline")
            verify(timeline.source.endsWith("smelter-outage-baseline.db"), timeline.source)
            compare(timeline.timeMs, at, "the same moment on the timeline")
            // In the baseline the potlines run at that moment; in the scenario they are down.
            tryVerify(() => ParkController.timeline.lineState("potline-1") === 0, 15000, "baseline: running")
            mouseClick(findChild(panel, "showScenarioButton"))
            compare(timeline.timeMs, at)
            tryVerify(() => ParkController.timeline.lineState("potline-1") === 3, 15000, "scenario: down")
        }

        function test_2b_the_scenario_run_marks_what_it_changes_and_the_baseline_does_not() {
            const during = timeline.startMs + 30 * 3600000, before = timeline.startMs + 3600000
            mouseClick(findChild(panel, "showScenarioButton"))
            timeline.seek(during)
            const down = scenarios.marks.filter(m => m.kind === "down").map(m => m.id).sort()
            compare(down, ["potline-1", "potline-2"], "the scenario file's two outages")
            verify(scenarios.marks.every(m => m.active), "in force 30 h in")
            // The potlines' building is marked down (the park file puts both in one potroom or two).
            for (const m of scenarios.marks) compare(scenarios.buildingMarks[m.building], "down", m.building)
            verify(legend.visible)
            compare(findChildren(legend, "legendRow").length, 2)
            verify(scenarios.marks[0].when.indexOf("08:00") === 6, "local time: " + scenarios.marks[0].when)
            // Before the outage the marks stay, faint, and no building is marked.
            timeline.seek(before)
            verify(scenarios.marks.every(m => !m.active), "not yet in force")
            compare(Object.keys(scenarios.buildingMarks).length, 0)
            // The baseline run has no marks.
            mouseClick(findChild(panel, "showBaselineButton"))
            compare(scenarios.marks.length, 0)
            compare(Object.keys(scenarios.buildingMarks).length, 0)
            verify(findChild(legend, "legendTitle").text.indexOf("Baseline") === 0)
        }
        function findChildren(item, name) {
            const out = []
            const walk = (node) => {
                for (let i = 0; i < node.children.length; ++i) {
                    const c = node.children[i]
                    if (c.objectName === name && c.visible) out.push(c)
                    walk(c)
                }
            }
            walk(item)
            return out
        }

        function test_3_a_full_year_run_can_be_cancelled() {
            scenarios.quick = false
            scenarios.run(Fixture.scenarioPath("smelter-outage.json"))
            compare(scenarios.state, "running")
            tryVerify(() => scenarios.progress > 0, 60000, "progress is reported")
            mouseClick(findChild(panel, "cancelScenarioButton"))
            tryCompare(scenarios, "state", "cancelled", 30000)
            compare(scenarios.deltas.length, 0, "no result")
        }

        function test_4_a_bad_scenario_file_names_the_json_path() {
            const path = Fixture.writeFile("bad-scenario.json", JSON.stringify({
                format: "parktwin-scenario/1", id: "bad", name: {zh: "坏", en: "bad"},
                explanation: {zh: "坏", en: "bad"}, park: "beidu", start: "2026-01-01T00:00:00+08:00",
                duration: "1d", step: "1m", seed: 1,
                changes: [{type: "outage", target: "potline-1", at: "2026-01-01T08:00:00+08:00", duration: "soon"}]}))
            scenarios.run(path)
            compare(scenarios.state, "failed")
            verify(scenarios.message.indexOf("bad-scenario.json") >= 0, scenarios.message)
            verify(scenarios.message.indexOf("/changes/0/duration") >= 0, scenarios.message)
            compare(findChild(panel, "scenarioMessage").text, scenarios.message, "shown on the panel")
        }

        // QA, 6 Dec: a scenario file of one's own (--scenario FILE, Open file...) ran, but the
        // picker said "No scenarios for this park" and Run stayed disabled. It joins the list.
        function test_5_a_scenario_from_elsewhere_joins_the_picker() {
            const path = Fixture.writeFile("own-scenario.json", JSON.stringify({
                format: "parktwin-scenario/1", id: "own", name: {zh: "自有", en: "Own outage"},
                explanation: {zh: "自有", en: "own"}, park: "beidu", start: "2026-01-01T00:00:00+08:00",
                duration: "2h", step: "1m", seed: 1, changes: [{type: "outage", target: "potline-1"}]}))
            scenarios.run(path)
            tryCompare(scenarios, "state", "done", 30000)
            const listed = scenarios.available.find(a => a.path === path)
            verify(listed !== undefined, JSON.stringify(scenarios.available.map(a => a.path)))
            compare(listed.name, "Own outage")
            compare(panel.path, path, "the picker shows what ran")
        }

        // A quick look (a day before the first change, 3 days) leaves out a change weeks later:
        // the runner refuses it with its JSON path, in Chinese in a Chinese window (QA: English).
        function test_6_a_change_outside_the_quick_look_is_refused_in_the_windows_language() {
            const outage = (target, at) => ({type: "outage", target: target, at: at, duration: "8h"})
            const path = Fixture.writeFile("late-change.json", JSON.stringify({
                format: "parktwin-scenario/1", id: "late-change", name: {zh: "晚", en: "Late"},
                explanation: {zh: "晚", en: "late"}, park: "beidu", start: "2026-01-01T00:00:00+08:00",
                duration: "30d", step: "1m", seed: 1,
                changes: [outage("potline-1", "2026-01-02T08:00:00+08:00"), outage("potline-2", "2026-01-20T08:00:00+08:00")]}))
            scenarios.quick = true
            ParkController.language = "zh"
            scenarios.run(path)
            ParkController.language = "en"
            tryVerify(() => scenarios.state !== "running", 30000)
            compare(scenarios.state, "failed", scenarios.message)
            verify(scenarios.message.endsWith(
                       "late-change.json: /changes/1: 变更不在本次运行的时段 2026-01-01 08:00 .. 2026-01-04 08:00 (UTC+08:00) 之内"),
                   scenarios.message)
        }

        // A park that makes no aluminium and counts units (tests/unit/scenario/data: 24 die
        // bonders at 960 units/h, an assembly line at 120): the cards show units made, which the
        // retrofit's productivity (+59.8 %) scales exactly (the same draws in both runs), and no
        // aluminium card: not "0 t" for each, nor "– → –" for electricity per tonne of aluminium.
        function test_7_a_park_that_counts_units_shows_units_made_and_no_aluminium_cards() {
            verify(ParkController.loadPark(Fixture.electronicsPath("electronics_park.json")), ParkController.errorText)
            scenarios.quick = false
            scenarios.run(Fixture.electronicsPath("electronics-retrofit.json"))
            tryVerify(() => scenarios.state !== "running", 60000, "the week runs")
            compare(scenarios.state, "done", scenarios.message)
            const units = delta("units_made")
            verify(units.baseline > 0, JSON.stringify(units))
            fuzzyCompare(units.scenario / units.baseline, 1.598, 1e-6)
            compare(units.unit, "units")
            const card = findChild(panel, "delta_units_made")
            verify(card !== null && card.visible, "a card for units made")
            for (const key of ["metal_t", "primary_t", "processed_t", "energy_kwh_per_t_made", "retrofit_kwh_per_t"])
                compare(findChild(panel, "delta_" + key), null, key + " has no card")
            verify(findChild(panel, "delta_energy_kwh") !== null, "electricity has its card")
            scenarios.clear()
            verify(ParkController.loadPark(Fixture.beiduPath), ParkController.errorText)
        }

        // QA: a park with measured-only tags (a hall temperature in degC, a bus voltage in V) ran
        // no scenario ("cannot simulate these tags", in English in a Chinese window). The runs
        // leave them out and the panel names them, in the window's language. Oracle: the two
        // tags of tests/unit/scenario/data/electronics_meters_park.json with their units.
        function test_8_tags_the_simulator_cannot_produce_are_left_out_and_named() {
            verify(ParkController.loadPark(Fixture.electronicsPath("electronics_meters_park.json")), ParkController.errorText)
            scenarios.quick = false
            ParkController.language = "zh"
            scenarios.run(Fixture.electronicsPath("electronics-meters.json"))
            tryVerify(() => scenarios.state !== "running", 60000, "the day runs")
            compare(scenarios.state, "done", scenarios.message)
            const note = findChild(panel, "scenarioNote")
            verify(note.visible && note.text.indexOf("未计入 2 个") === 0, note.text)
            verify(note.text.endsWith("led-fab.temp（degC）、substation.voltage（V）"), note.text)
            ParkController.language = "en"
            verify(note.text.indexOf("Left out 2 tags") === 0, note.text)
            verify(note.text.endsWith("led-fab.temp (degC), substation.voltage (V)"), note.text)
            verify(delta("units_made").scenario < delta("units_made").baseline, "the outage acts")
            scenarios.clear()
            compare(note.visible, false, "no note without a result")
            verify(ParkController.loadPark(Fixture.beiduPath), ParkController.errorText)
        }
    }
}
