// A connections file in the window: an MQTT source of the plant's own shape started from it
// feeds the same live path as the MQTT feed (the value the scene and inspector read), with its
// counters and the source of each value; a bad file lists its problems with their JSON paths.
// The broker is a real mosquitto, the message is sent by mosquitto_pub.
import QtQuick
import QtTest
import ParkTwin
import ParkTwinTest

Item {
    width: 400
    height: 300

    ConnectionsPart { id: part; width: 400 }

    TestCase {
        name: "Connections"
        when: windowShown
        readonly property var connections: ParkController.connections

        function cleanup() {
            ParkController.language = "en"
            connections.stop()
            ParkController.timeline.close()
            LiveFixture.stopBroker()
        }

        function connectionsFile(port, extra) {
            return JSON.stringify({
                format: "parktwin-connections/1", park: "beidu",
                sources: [{id: "plant-mqtt", kind: "mqtt", broker: {host: "127.0.0.1", port: port},
                           subscriptions: [Object.assign({topic: "plant/{line}/amps", payload: "json",
                               values: [{pointer: "/a/amps", tag: "{line}.current", scale: 0.1, offset: 2}]}, extra || {})]}]
            })
        }

        // The lag in the status line, in the unit that reads best (hand-worked: 29,242,195.9 s
        // is 338 whole days; a source replaying last year showed that figure in seconds).
        function test_lag_reads_in_seconds_minutes_hours_or_days() {
            const timeline = ParkController.timeline
            compare(timeline.lagText(400), "0.4 s")
            compare(timeline.lagText(59949), "59.9 s")
            compare(timeline.lagText(125000), "2 min")
            compare(timeline.lagText(5 * 3600 * 1000 + 1), "5 h")
            compare(timeline.lagText(29242195900), "338 d")
        }

        function test_an_mqtt_source_of_the_plants_shape_feeds_the_live_values() {
            const port = LiveFixture.startBroker()
            verify(port > 0, "mosquitto started")
            // Retained: the source gets it whenever it subscribes (no race with the start).
            verify(LiveFixture.publishRetained("plant/potline-1/amps", "{\"a\": {\"amps\": 4015}}"))
            const path = LiveFixture.writeFile("plant.json", connectionsFile(port))
            verify(connections.open(path), connections.problems.join("\n"))
            compare(connections.problems.length, 0)
            const db = LiveFixture.writeFile("recorded.db", "")
            verify(connections.start(db), connections.failures.join("\n"))
            compare(ParkController.timeline.mode, "live")

            const expected = 4015 * 0.1 + 2  // raw × scale + offset
            tryVerify(() => Math.abs(ParkController.timeline.tagValue("potline-1.current") - expected) < 1e-9, 10000,
                      "potline-1.current as the window reads it: " + ParkController.timeline.tagValue("potline-1.current"))
            tryVerify(() => connections.sources.length === 1 && connections.sources[0].connected
                            && connections.sources[0].values >= 1, 5000, "the source connected with a value")
            const source = connections.sources[0]
            compare(source.id, "plant-mqtt")
            compare(source.kind, "mqtt")
            compare(source.errors, 0)
            tryVerify(() => connections.tags.some(t => t.tag === "potline-1.current" && t.source === "plant-mqtt"
                                                      && Math.abs(t.value - expected) < 1e-9), 5000, "the tag list")
            compare(connections.sourceOf("potline-1.current"), "plant-mqtt")
            // How old the newest value is, said as that (QA: "lag 52.6 s" on a quiet feed read as a
            // slow system; a retained value published before the start is older still).
            tryVerify(() => / · newest value [0-9.]+ (s|min|h|d) ago · /.test(ParkController.timeline.status), 5000,
                      ParkController.timeline.status)

            // The inspector says where the selected line's value came from.
            ParkController.selection.select("potline-1")
            const row = ParkController.selection.liveRows.find(r => r.tag === "potline-1.current")
            verify(row !== undefined, "potline-1.current in the inspector")
            compare(row.source, "plant-mqtt")

            connections.stop()
            verify(!connections.running)
            compare(LiveFixture.countSamples(db, "potline-1.current"), 1, "recorded, as the MQTT feed records")
            compare(ParkController.timeline.mode, "design")
            compare(connections.sourceOf("potline-1.current"), "")
        }

        // The last values name each tag as the park does, in the window's language, the id small
        // beside (QA: ids alone). The oracle: beidu.json's names of potline-1.current and of
        // potline-1, copied here by hand.
        function test_the_last_values_name_the_tag_as_the_park_does() {
            const port = LiveFixture.startBroker()
            verify(port > 0, "mosquitto started")
            verify(LiveFixture.publishRetained("plant/potline-1/amps", "{\"a\": {\"amps\": 4015}}"))
            verify(connections.open(LiveFixture.writeFile("names.json", connectionsFile(port))))
            verify(connections.start(), connections.failures.join("\n"))
            const list = findChild(part, "connectionsTags")
            tryVerify(() => list.count === 1, 10000, "one tag in the list")
            const row = list.itemAt(0)
            // "Potline 1 current" already says "Potline 1": the tag's name alone.
            compare(findChild(row, "tagName").text, "Potline 1 current")
            compare(findChild(row, "tagId").text, "potline-1.current")
            verify(findChild(row, "tagId").implicitHeight < findChild(row, "tagName").implicitHeight, "the id small")
            verify(findChild(row, "tagValue").text.indexOf("(from plant-mqtt)") >= 0, findChild(row, "tagValue").text)
            ParkController.language = "zh"
            tryVerify(() => findChild(list.itemAt(0), "tagName").text === "1号电解系列 · 1号系列电流", 5000,
                      "in Chinese: " + findChild(list.itemAt(0), "tagName").text)
            ParkController.language = "en"
        }

        function test_a_message_of_another_shape_is_counted_as_an_error() {
            const port = LiveFixture.startBroker()
            verify(port > 0)
            verify(LiveFixture.publishRetained("plant/potline-1/amps", "{\"b\": 1}"))
            verify(connections.open(LiveFixture.writeFile("shape.json", connectionsFile(port))))
            verify(connections.start())
            tryVerify(() => connections.sources.length === 1 && connections.sources[0].errors >= 1, 10000)
            verify(connections.sources[0].lastError.indexOf("/a/amps") >= 0, connections.sources[0].lastError)
            verify(connections.settled)
        }

        // The dialog's part: Start and Stop are one button, the table shows while running.
        function test_the_dialog_part_starts_and_stops_the_file() {
            const port = LiveFixture.startBroker()
            verify(port > 0)
            const button = findChild(part, "connectionsStartButton")
            verify(!connections.open(LiveFixture.writeFile("bad.json", connectionsFile(port, {qos: 5}))))
            verify(!button.enabled, "nothing to start from a file with problems")
            verify(connections.open(LiveFixture.writeFile("part.json", connectionsFile(port))))
            verify(button.enabled)
            mouseClick(button)
            verify(connections.running)
            verify(findChild(part, "connectionsSources").visible)
            tryVerify(() => connections.sources.length === 1 && connections.sources[0].connected, 10000)
            mouseClick(button)
            verify(!connections.running)
            verify(!findChild(part, "connectionsSources").visible)
        }

        function test_a_bad_file_lists_its_problems_with_their_paths() {
            // Wrong in itself: a QoS of 5.
            verify(!connections.open(LiveFixture.writeFile("qos.json", connectionsFile(1883, {qos: 5}))))
            verify(connections.problems.some(p => p.indexOf("/sources/0/subscriptions/0/qos") >= 0),
                   connections.problems.join("\n"))
            verify(!connections.loaded)
            verify(!connections.start())
            // Right in itself, wrong for Beidu: a tag the park does not have.
            const text = connectionsFile(1883).replace("{line}.current", "no-such-line.current")
            verify(!connections.open(LiveFixture.writeFile("tag.json", text)))
            verify(connections.problems.some(p => p.indexOf("/sources/0/subscriptions/0/values/0/tag") >= 0
                                                  && p.indexOf("no-such-line.current") >= 0),
                   connections.problems.join("\n"))
        }

        // A file that is no JSON, in a Chinese window: in Chinese (QA: English).
        function test_a_file_that_is_no_json_is_worded_in_the_windows_language() {
            ParkController.language = "zh"
            const opened = connections.open(LiveFixture.writeFile("yaml-zh.json", "sources: []\n"))
            ParkController.language = "en"
            verify(!opened)
            compare(connections.problems.length, 1, connections.problems.join("\n"))
            verify(connections.problems[0].endsWith("yaml-zh.json: 不是有效的 JSON：第 1 行第 1 列出现意外的“sources”"),
                   connections.problems[0])
        }
    }
}
