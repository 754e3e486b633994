// The window replaying a parktwin-server's history (replay_test.py starts the server and this
// window): Data… → ParkTwin server → Replay history; the timeline spans the server's first to
// last sample; at each time the values, line states, a line's state bar of the last hour, alarms
// and a sparkline are what the driver's CSV (the oracle, history.json) says; a seek while a request is in flight ends on the
// last time; the server stopped is reported without a hang, and the window recovers when the
// server is back.
import QtQuick
import QtTest
import ParkTwin
import ParkTwinServerTest

Item {
    width: 1200
    height: 760

    ServerPart { id: part; width: 760 }
    TimelineBar { id: bar; width: 1100; y: 120 }

    TestCase {
        id: test
        name: "ServerReplay"
        when: windowShown

        readonly property var timeline: ParkController.timeline
        readonly property var history: JSON.parse(Peer.read("history.json"))
        property var shownBath: []  // every potline-1.bath_temp the window showed, in order

        Connections {
            target: ParkController.timeline
            function onValuesChanged() { test.shownBath.push(ParkController.timeline.tagValue("potline-1.bath_temp")) }
        }

        // The oracle: per tag, the newest value of the CSV's rows at or before t.
        function stateAt(t) {
            const latest = {}
            for (const [ts, tag, v] of history.rows) {
                if (ts <= t && (!(tag in latest) || latest[tag].ts <= ts)) latest[tag] = {ts: ts, v: v}
            }
            return latest
        }

        // When the run of bath samples up to t that `breaks` began: its first sample (the rows).
        function bathRunStart(t, breaks) {
            const samples = history.rows.filter(([ts, tag]) => tag === "potline-1.bath_temp" && ts <= t).sort((a, b) => a[0] - b[0])
            let k = samples.length - 1
            while (k > 0 && breaks(samples[k - 1][2])) --k
            return samples[k][0]
        }

        function mismatch(t) {
            const expected = stateAt(t)
            for (const tag in expected) {
                const shown = timeline.tagValue(tag)
                if (!(Math.abs(shown - expected[tag].v) < 1e-9)) return tag + " shown " + shown + ", expected " + expected[tag].v
            }
            return ""
        }

        function showsStateAt(t) {
            tryVerify(() => timeline.timeMs === t && mismatch(t) === "", 30000,
                      "at " + t + " (time " + timeline.timeMs + ", playing " + timeline.playing + ", last shown " + test.shownBath.slice(-4) + "): " + mismatch(t) + " " + timeline.status)
        }

        // The line state bar (timeline.stateHistory, what the inspector draws) against the
        // driver's spans and shares of [t - 1 h, t + 1) computed from the CSV.
        function stateBarMismatch(t) {
            const expected = history.stateBars[String(t)]
            const shown = timeline.stateHistory
            if (shown.tag !== history.stateTag) return "no state bar of " + history.stateTag
            if (shown.from !== t - 3600000 || shown.to !== t + 1) return "a state bar of [" + shown.from + ", " + shown.to + ")"
            const spans = (shown.spans || []).map(s => [s.from, s.to, s.state])
            if (JSON.stringify(spans) !== JSON.stringify(expected.spans))
                return "spans " + JSON.stringify(spans) + ", expected " + JSON.stringify(expected.spans)
            const shares = shown.shares || []
            const sharesText = JSON.stringify(shares.map(s => [s.state, s.share]))
            if (shares.length !== expected.shares.length) return "shares " + sharesText + ", expected " + JSON.stringify(expected.shares)
            for (let k = 0; k < shares.length; ++k) {
                if (shares[k].state !== expected.shares[k][0] || !(Math.abs(shares[k].share - expected.shares[k][1]) < 1e-12))
                    return "shares " + sharesText + ", expected " + JSON.stringify(expected.shares)
            }
            return ""
        }

        // Waits for the bar of t (at most 30 s), then says what differs as it is then: a
        // tryVerify message would be the state before the wait.
        function showsStateBarAt(t) {
            for (const end = Date.now() + 30000; stateBarMismatch(t) !== "" && Date.now() < end;) wait(20)
            compare(stateBarMismatch(t), "", "state bar at " + t + " (" + timeline.status + ")")
        }

        function activeAlarms() {
            return ParkController.alarms.active.map(a => a.id).sort()
        }

        function written(name) {
            const text = Peer.read(name)
            return text !== undefined && text !== null
        }

        function test_1_replay_spans_the_servers_history() {
            findChild(part, "serverUrlField").text = Peer.serverUrl
            findChild(part, "serverTokenField").text = Peer.token
            mouseClick(findChild(part, "serverReplayButton"))
            tryVerify(() => timeline.connected && timeline.endMs === history.last, 30000, "span: " + timeline.status)
            compare(timeline.mode, "replay")
            verify(timeline.replayingServer)
            verify(timeline.fromServer)
            compare(timeline.startMs, history.first)
            compare(timeline.timeMs, history.last)  // seeking back from the newest sample
            showsStateAt(history.last)
        }

        function test_2_values_states_and_alarms_at_several_times() {
            timeline.showSparklines([], history.stateTag)
            for (const t of history.times) {
                timeline.seek(t)
                showsStateAt(t)
                showsStateBarAt(t)
                const state = stateAt(t)
                compare(timeline.lineState("potline-1"), state["potline-1.state"].v, "line state at " + t)
                const bath = state["potline-1.bath_temp"].v
                const expected = []
                if (bath < history.coldBelow) expected.push("potline-1-bath-cold")
                if (bath > history.hotAbove) expected.push("potline-1-bath-hot")
                compare(activeAlarms().filter(id => id.startsWith("potline-1-bath")), expected, "alarms at " + t + ", bath " + bath)
                // Since when: the run's first sample, as the server read it from its history (QA:
                // the time seeked to).
                for (const a of ParkController.alarms.active.filter(a => a.id.startsWith("potline-1-bath"))) {
                    const breaks = a.id.endsWith("-hot") ? (v => v > history.hotAbove) : (v => v < history.coldBelow)
                    compare(a.sinceMs, bathRunStart(t, breaks), a.id + " since, at " + t)
                }
            }
        }

        function test_3_a_seek_while_a_request_is_in_flight_ends_on_the_last_time() {
            const [first, last] = history.inFlight
            const firstBath = stateAt(first)["potline-1.bath_temp"].v
            verify(firstBath !== stateAt(last)["potline-1.bath_temp"].v)
            test.shownBath = []
            timeline.seek(first)  // its request is sent now and cannot be answered before this function returns
            timeline.seek(last)
            showsStateAt(last)
            verify(test.shownBath.indexOf(firstBath) < 0, "the stale answer was shown: " + JSON.stringify(test.shownBath))
        }

        function test_4_sparkline_and_play() {
            const s = history.sparkline
            timeline.seek(s.at)
            timeline.showSparklines([s.tag])
            tryVerify(() => timeline.sparklines[s.tag] !== undefined && timeline.sparklines[s.tag].length === s.means.length,
                      15000, "sparkline of " + s.tag)
            const shown = timeline.sparklines[s.tag]
            for (let k = 0; k < s.means.length; ++k) {
                if (s.means[k] === null) verify(isNaN(shown[k]), "bucket " + k)
                else fuzzyCompare(shown[k], s.means[k], 1e-9, "bucket " + k)
            }
            timeline.showSparklines([])
            timeline.seek(history.first)
            timeline.setSpeed(600)
            timeline.play()
            tryVerify(() => timeline.timeMs >= history.first + 20 * 60000, 20000, "played to " + timeline.timeMs)
            timeline.pause()
            showsStateAt(timeline.timeMs)
            timeline.setSpeed(1)
        }

        function test_5_back_to_live_and_replay_again() {
            const button = findChild(bar, "serverHistoryButton")
            verify(button.visible)
            mouseClick(button)
            tryVerify(() => timeline.mode === "live" && timeline.connected, 30000, "live: " + timeline.status)
            mouseClick(button)
            tryVerify(() => timeline.mode === "replay" && timeline.connected && timeline.endMs === history.last, 30000,
                      "replay again: " + timeline.status)
        }

        function test_6_server_stopped_is_reported_without_a_hang() {
            const [during, after] = history.whileStopped
            timeline.showSparklines([], history.stateTag)
            showsStateBarAt(timeline.timeMs)
            verify(Peer.signal("stop-server"))
            tryVerify(() => written("stopped"), 60000, "the driver stopped the server")
            timeline.seek(during)
            tryVerify(() => timeline.serverProblem.indexOf("cannot reach") >= 0, 15000, "problem: " + timeline.serverProblem)
            verify(!timeline.connected)
            verify(timeline.status.indexOf(timeline.serverProblem) >= 0 && timeline.status.indexOf("retrying") >= 0, timeline.status)
            compare(timeline.status.split("127.0.0.1:").length, 2, "the server named once: " + timeline.status)
            timeline.seek(after)  // the window still answers at once while the server is away
            compare(timeline.timeMs, after)
            verify(Peer.signal("saw-it-stopped"))
            tryVerify(() => written("restarted"), 60000, "the driver restarted the server")
            tryVerify(() => timeline.connected, 30000, "reconnected: " + timeline.status)
            compare(timeline.serverProblem, "")
            showsStateAt(after)
            showsStateBarAt(after)  // asked while the server was away: asked again once it is back
            timeline.close()
        }

        // A desk showing another park (Jiulong) replays a server of Beidu (QA: it asked the server
        // for Jiulong's history and retried a 404 forever): the replay is of the server's park,
        // the banner names both, and its button takes the server's park with the replay still
        // running. Nobody changed that park: closing the window has nothing to ask.
        function test_7_a_desk_of_another_park_replays_the_servers() {
            if (!ParkDocument.open(Peer.sourceDir() + "/assets/parks/jiulong.json")) ParkDocument.resolvePending("discard")
            compare(ParkController.parkId, "jiulong")
            findChild(part, "serverUrlField").text = Peer.serverUrl
            findChild(part, "serverTokenField").text = Peer.token
            mouseClick(findChild(part, "serverReplayButton"))
            tryVerify(() => timeline.connected && timeline.endMs === history.last, 30000, "span: " + timeline.status)
            compare(timeline.startMs, history.first)
            tryVerify(() => ParkController.serverParkDifference.startsWith("This server serves another park, "), 20000,
                      "banner: " + ParkController.serverParkDifference)
            compare(ParkController.parkId, "jiulong", "not taken before asked")
            ParkDocument.useServerPark()
            tryVerify(() => ParkController.parkId === "beidu" && !ParkDocument.fetchingServerModels, 30000, ParkController.parkId)
            compare(ParkController.serverParkDifference, "")
            compare(timeline.mode, "replay")
            const t = history.times[2]
            timeline.seek(t)
            showsStateAt(t)
            verify(ParkDocument.untitled && !ParkDocument.modified, "the server's park, unchanged, is not marked unsaved")
            timeline.close()
        }
    }
}
