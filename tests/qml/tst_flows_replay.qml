// The flows overlay follows the replayed step: after a seek, the flows shown are solved at that
// step's tag values. Oracle: the historian's own value of potline-1's power at that time (the
// fixture recorded the simulator's output); potline-1's only feeder must carry exactly it,
// where the design solve gives 170,000 t/yr x 13,500 kWh/t / 8,760 h = 261,986 kW.
import QtQuick
import QtTest
import ParkTwin
import ParkTwinTest

Item {
    width: 1200
    height: 700

    ParkView {
        id: parkView
        anchors.fill: parent
        showFlows: true
    }

    TestCase {
        name: "FlowsReplay"
        when: windowShown
        readonly property var timeline: ParkController.timeline
        readonly property var flows: ParkController.flows

        function feederFlow() {
            const arc = flows.arcs.find(a => a.id === "e-potline-1")
            return arc ? arc.flow : NaN
        }

        function initTestCase() {
            verify(timeline.openReplay(Fixture.dbPath), timeline.status)
        }
        function cleanupTestCase() {
            flows.followTimeline = false
            timeline.close()
        }

        function test_the_flows_shown_are_solved_at_the_displayed_step() {
            compare(flows.stepMs, -1, "the design solve before following")
            fuzzyCompare(feederFlow(), 170000 * 13500 / 8760, 1)
            flows.followTimeline = true
            timeline.seek(Fixture.probeMs)
            tryVerify(() => flows.stepMs === Fixture.probeMs, 15000, "flows solved at the probe time")
            const power = timeline.tagValue("potline-1.power")
            verify(isFinite(power) && Math.abs(power - 261986) > 1, "the measured power differs from the design load: " + power)
            fuzzyCompare(feederFlow(), power, 0.001)
            // A later step: the flows move on with it.
            timeline.seek(Fixture.probeMs + 600000)
            tryVerify(() => flows.stepMs === Fixture.probeMs + 600000, 15000, "flows solved at the later step")
            fuzzyCompare(feederFlow(), timeline.tagValue("potline-1.power"), 0.001)
        }

        // A step changes the arcs and the KPI cards in place: the same instance of the arcs' table
        // (one instanced Model draws them all) and the same card before and after, showing the
        // new step's row (a delegate rebuilt at each step was what dropped frames during a
        // replay with the flows shown).
        function test_a_step_keeps_each_arc_and_card_and_changes_its_values() {
            flows.followTimeline = true
            timeline.seek(Fixture.probeMs)
            tryVerify(() => flows.stepMs === Fixture.probeMs, 15000)
            const table = parkView.flowArcs.arcTable
            verify(table.count > 0)
            compare(table.count, flows.arcs.length)
            let feederAt = -1
            for (let i = 0; i < table.count; ++i) {
                if (table.arcAt(i).objectId === "e-potline-1") feederAt = i
            }
            verify(feederAt >= 0, "potline-1's feeder is drawn")
            const card = findChild(parkView, "kpi_co2_t")
            verify(card !== null)

            timeline.seek(Fixture.probeMs + 600000)
            tryVerify(() => flows.stepMs === Fixture.probeMs + 600000, 15000)
            compare(parkView.flowArcs.arcTable, table, "the arcs' table is kept")
            compare(table.arcAt(feederAt).objectId, "e-potline-1", "the feeder keeps its instance")
            verify(findChild(parkView, "kpi_co2_t") === card, "the CO2 card is kept")
            // The kept instance shows the new step: its width is its arc's now.
            const arc = flows.arcs.find(a => a.id === "e-potline-1")
            fuzzyCompare(table.arcAt(feederAt).size.z, arc.width, 1e-4)
            fuzzyCompare(arc.flow, timeline.tagValue("potline-1.power"), 0.001)
        }

        function test_not_following_shows_the_design_solve_again() {
            flows.followTimeline = true
            timeline.seek(Fixture.probeMs)
            tryVerify(() => flows.stepMs === Fixture.probeMs, 15000)
            flows.followTimeline = false
            compare(flows.stepMs, -1)
            fuzzyCompare(feederFlow(), 170000 * 13500 / 8760, 1)
        }
    }
}
