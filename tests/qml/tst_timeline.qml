// Replaying a historian: seeking the timeline puts the scene in the state the simulator was in
// at that time (the fixture recorded the simulator's own output as the oracle), and playing
// moves the clock forward.
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
    }
    InspectorPanel {
        id: inspector
        width: 300
        height: parent.height
        anchors.right: parent.right
    }

    TestCase {
        name: "Timeline"
        when: windowShown
        readonly property var timeline: ParkController.timeline

        function initTestCase() {
            verify(timeline.openReplay(Fixture.dbPath), timeline.status)
            compare(timeline.mode, "replay")
        }
        function cleanupTestCase() { timeline.close() }

        function test_seek_shows_the_values_at_that_time() {
            timeline.seek(Fixture.probeMs)
            compare(timeline.timeMs, Fixture.probeMs)
            tryVerify(() => ParkController.timeline.tagValue("potline-1.current") === Fixture.expectedCurrent, 15000,
                      "potline-1 current at the probe time")
        }

        function test_selecting_a_line_shows_its_last_hour() {
            timeline.seek(Fixture.probeMs)
            ParkController.selection.select("potline-1")
            tryVerify(() => (timeline.sparklines["potline-1.current"] || []).length === 60, 15000, "60 one-minute buckets")
            const series = timeline.sparklines["potline-1.current"]
            // Samples every 10 s from the start, an hour before the probe: every bucket has data.
            verify(series.every(v => isFinite(v)), "no empty bucket")
            verify(ParkController.selection.liveRows.some(r => r.tag === "potline-1.current"), "the inspector lists the tag")
            ParkController.selection.select("")
        }

        function test_selecting_a_line_shows_its_states_over_the_last_hour() {
            // Half an hour after a moment the fixture found the line not running.
            const t = Fixture.stateProbeMs + 1800000
            timeline.seek(t)
            ParkController.selection.select(Fixture.stateLine)
            const tag = Fixture.stateLine + ".state"
            tryVerify(() => timeline.stateHistory.tag === tag && timeline.stateHistory.to === t + 1, 15000, "history read")
            const h = timeline.stateHistory
            compare(h.from, t - 3600000)
            const expected = Fixture.stateShares(tag, h.from, h.to - 1)
            // Shares of the time with a known state (the file starts within this hour).
            const known = h.spans.reduce((sum, s) => sum + s.to - s.from, 0)
            const shares = {}
            for (const s of h.spans) shares[s.state] = (shares[s.state] || 0) + (s.to - s.from) / known
            for (const state in expected) {
                // The oracle counts whole seconds; the spans end 1 ms after T.
                verify(Math.abs((shares[state] || 0) - expected[state]) < 1e-5,
                       "state " + state + ": " + shares[state] + " vs " + expected[state])
            }
            const strip = findChild(inspector, "stateStrip")
            for (const e of strip.shares) verify(Math.abs(e.share - expected[e.state]) < 1e-5, "the strip's own shares")
            verify(Object.keys(expected).length >= 2, "the hour holds the non-running state too: " + JSON.stringify(expected))
            const label = findChild(inspector, "stateShares")
            verify(label.visible)
            verify(label.text.indexOf(ParkController.selection.stateName(Fixture.expectedState)) >= 0, label.text)
            ParkController.selection.select("")
            tryVerify(() => timeline.stateHistory.tag === undefined, 5000, "cleared with the selection")
        }

        // Ladles are drawn along their routes, where the park file's buildings put the ends (the
        // window once read only the CLI's old layout and drew a scenario's at the origin).
        function test_seek_shows_the_ladles_on_their_way_then() {
            verify(Fixture.expectedLadles.length >= 1, "a ladle is on its way at the probe time")
            // Paused, so the time stays at the probe; the history is read on its own thread, so
            // an earlier read (another time's ladles) may arrive first: wait for the probe's.
            timeline.pause()
            timeline.seek(Fixture.ladleProbeMs)
            const byPosition = (a, b) => a.x - b.x || a.y - b.y
            const expected = Fixture.expectedLadles.slice().sort(byPosition)
            const shown = () => timeline.ladles.map(p => ({x: p.x, y: p.y})).sort(byPosition)
            const matches = () => shown().length === expected.length && expected.every(
                (e, i) => Math.abs(shown()[i].x - e.x) < 1e-6 && Math.abs(shown()[i].y - e.y) < 1e-6)
            tryVerify(matches, 15000, JSON.stringify(shown()) + " vs " + JSON.stringify(expected))
            for (const p of shown()) verify(Math.hypot(p.x, p.y) > 1, "not at the origin")
        }

        // Each failure the simulator reported is a marker on the timeline, and nothing else is.
        function test_the_failures_are_marked_on_the_timeline() {
            verify(Fixture.failureCount > 0, "the two hours hold a failure")
            const failures = timeline.markers.filter(m => m.text.indexOf("(failure)") >= 0)
            compare(failures.length, Fixture.failureCount)
            compare(timeline.markers.length, Fixture.failureCount)
        }

        function test_a_looped_range_starts_over() {
            const from = timeline.startMs + 3600000, to = from + 600000  // ten minutes
            timeline.setLoop(from, to)
            compare(timeline.startMs, from)
            compare(timeline.endMs, to)
            timeline.setSpeed(10000)  // ten minutes of data in 0.06 s
            timeline.play()
            let sawLate = false
            tryVerify(() => { if (timeline.timeMs > from + 300000) sawLate = true; return sawLate && timeline.timeMs < from + 300000 },
                      5000, "time wrapped back to the start of the range")
            verify(timeline.timeMs >= from && timeline.timeMs <= to)
            timeline.pause()
            timeline.setLoop(0, 0)
            verify(timeline.endMs > to, "whole file again")
        }

        function test_seek_colours_lines_by_their_state_then() {
            verify(Fixture.stateLine !== "", "the simulation has a line that stops")
            timeline.seek(Fixture.stateProbeMs)
            tryVerify(() => ParkController.timeline.lineState(Fixture.stateLine) === Fixture.expectedState, 15000,
                      Fixture.stateLine + " state " + Fixture.expectedState)
        }

        function test_the_bar_shows_the_time_and_playing_advances_it() {
            const bar = findChild(parkView, "scrubber")
            verify(bar !== null)
            verify(bar.visible)
            timeline.seek(timeline.startMs)
            compare(bar.value, timeline.startMs)
            const before = timeline.timeMs
            timeline.setSpeed(3600)
            timeline.play()
            tryVerify(() => timeline.timeMs > before + 60000, 15000, "an hour of data per second of play")
            timeline.pause()
            const paused = timeline.timeMs
            verify(!timeline.playing)
            compare(timeline.timeMs, paused)
        }
    }
}
