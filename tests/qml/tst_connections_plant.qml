// A connections file in the window with the plant protocols, each against a real peer started by
// the test (the programs of the feed's unit tests): a pymodbus server with a known register map,
// a Python Sparkplug B edge node on the official .proto, and a node-opcua server through the
// bundled gateway. What the window reads (ParkController.timeline.tagValue, the inspector's rows) is
// compared with values worked out by hand from the peer's own data.
import QtQuick
import QtTest
import ParkTwin
import ParkTwinTest

Item {
    width: 400
    height: 300

    DataSourceDialog { id: dialog }

    TestCase {
        name: "ConnectionsPlant"
        when: windowShown
        readonly property var connections: ParkController.connections

        function cleanup() {
            ParkController.language = "en"
            connections.stop()
            ParkController.timeline.close()
            PlantFixture.stopAll()
            LiveFixture.stopBroker()
        }

        function startFile(name, source, gatewayMqtt) {
            const text = JSON.stringify({format: "parktwin-connections/1", park: "beidu", sources: [source]})
            verify(connections.open(LiveFixture.writeFile(name, text)), connections.problems.join("\n"))
            verify(connections.start("", gatewayMqtt || ""), connections.failures.join("\n"))
            compare(ParkController.timeline.mode, "live")
        }

        function near(tag, expected) {
            return Math.abs(ParkController.timeline.tagValue(tag) - expected) < 1e-9
        }

        function rowOf(objectId, tag) {
            ParkController.selection.select(objectId)
            return ParkController.selection.liveRows.find(r => r.tag === tag)
        }

        // modbus_test_server.py: holding 200 = 777 (uint16), holding 4..5 = -123456789 (int32, low
        // word first), input 0..1 = 400.25 (float32, high word first).
        function test_modbus_registers_show_as_register_times_scale_plus_offset() {
            const port = PlantFixture.startModbus()
            verify(port > 0, "pymodbus started")
            startFile("modbus.json", {id: "meter", kind: "modbus", host: "127.0.0.1", port: port, poll_interval_ms: 200,
                points: [
                    {table: "holding_register", address: 200, type: "uint16", tag: "potline-1.current", scale: 0.5, offset: 10},
                    {table: "holding_register", address: 4, type: "int32", word_order: "little", tag: "potline-2.current", scale: 0.001},
                    {table: "input_register", address: 0, type: "float32", word_order: "big", tag: "potline-1.voltage", offset: -0.25}
                ]})
            tryVerify(() => near("potline-1.current", 777 * 0.5 + 10), 15000,
                      "potline-1.current: " + ParkController.timeline.tagValue("potline-1.current"))
            // Shown as stored: to the tag's digits (kA: 2 decimals, park-format.md), -123456.789 -> -123456.79.
            verify(near("potline-2.current", -123456.79), "int32 little: " + ParkController.timeline.tagValue("potline-2.current"))
            verify(near("potline-1.voltage", 400.25 - 0.25), "float32: " + ParkController.timeline.tagValue("potline-1.voltage"))
            tryVerify(() => connections.sources.length === 1 && connections.sources[0].connected, 5000)
            compare(connections.sources[0].kind, "modbus")
            compare(connections.sources[0].errors, 0)
            const row = rowOf("potline-1", "potline-1.current")
            verify(row !== undefined, "potline-1.current in the inspector")
            compare(row.source, "meter")
            compare(row.stale, false)
            // 400.25 - 0.25 = 400 V: no decimals from 100 up (model::displayDecimals).
            compare(rowOf("potline-1", "potline-1.voltage").value, "400 V")
            // The meter unplugged: its values go stale (greyed, as a Sparkplug death does) and the
            // status line names the source and why, not the connections file alone.
            PlantFixture.stopModbus()
            tryVerify(() => connections.isStale("potline-1.current"), 10000, "the dead meter's values stale")
            tryVerify(() => rowOf("potline-1", "potline-1.current").stale === true, 5000, "the inspector greys it")
            tryVerify(() => ParkController.timeline.status.indexOf("meter: Modbus 127.0.0.1:" + port) >= 0, 10000,
                      ParkController.timeline.status)
        }

        // A meter polls and is sent no messages (QA: the status line said "10 msg/s" for a Modbus
        // meter, "10 条/秒" in Chinese, and the Data dialog's kind column the file's word "modbus"):
        // the status line counts values, as the dialog's Values/s column does, and the kind reads
        // as its name. Texts by hand.
        function test_a_meter_reads_in_values_per_second_and_by_its_kinds_name() {
            const port = PlantFixture.startModbus()
            verify(port > 0, "pymodbus started")
            ParkController.language = "zh"
            startFile("meter-zh.json", {id: "meter", kind: "modbus", host: "127.0.0.1", port: port, poll_interval_ms: 200,
                points: [{table: "input_register", address: 0, type: "float32", tag: "potline-1.voltage"}]})
            tryVerify(() => /^实时：meter-zh\.json · [0-9]+ 个值\/秒 · /.test(ParkController.timeline.status), 10000,
                      ParkController.timeline.status)
            tryVerify(() => connections.sources.length === 1, 5000)
            compare(connections.sources[0].kindName, "Modbus TCP")
            compare(connections.sources[0].kind, "modbus")
            ParkController.language = "en"
            tryVerify(() => /^Live: meter-zh\.json · [0-9]+ values\/s · /.test(ParkController.timeline.status), 10000,
                      ParkController.timeline.status)
        }

        // Two meters, one never answering (a closed loopback port): the window is live on the
        // other, and its status line names the dead one and why; the live one's values are not stale.
        function test_a_dead_meter_beside_a_live_one_is_named_in_the_status() {
            const port = PlantFixture.startModbus()
            verify(port > 0, "pymodbus started")
            const deadPort = PlantFixture.closedPort()
            const text = JSON.stringify({format: "parktwin-connections/1", park: "beidu", sources: [
                {id: "meter", kind: "modbus", host: "127.0.0.1", port: port, poll_interval_ms: 200,
                 points: [{table: "input_register", address: 0, type: "float32", tag: "potline-1.voltage"}]},
                {id: "dead-meter", kind: "modbus", host: "127.0.0.1", port: deadPort, poll_interval_ms: 200, timeout_ms: 300,
                 points: [{table: "input_register", address: 0, type: "float32", tag: "potline-2.voltage"}]}]})
            verify(connections.open(LiveFixture.writeFile("two.json", text)), connections.problems.join("\n"))
            verify(connections.start("", ""), connections.failures.join("\n"))
            tryVerify(() => near("potline-1.voltage", 400.25), 15000, "the live meter's value")
            tryVerify(() => ParkController.timeline.status.indexOf("dead-meter: Modbus 127.0.0.1:" + deadPort) >= 0, 10000,
                      ParkController.timeline.status)
            verify(ParkController.timeline.status.startsWith("Live: "), ParkController.timeline.status)
            verify(!connections.isStale("potline-1.voltage"))
        }

        // A Chinese window showed a dead meter's error and a source that could not start in
        // English (customer report): twin words both in the window's language. Texts by hand.
        function test_an_unreachable_meter_and_a_refused_start_in_a_chinese_window() {
            ParkController.language = "zh"
            const deadPort = PlantFixture.closedPort()
            const text = JSON.stringify({format: "parktwin-connections/1", park: "beidu", sources: [
                {id: "dead-meter", kind: "modbus", host: "127.0.0.1", port: deadPort, poll_interval_ms: 200, timeout_ms: 300,
                 points: [{table: "input_register", address: 0, type: "float32", tag: "potline-2.voltage"}]},
                {id: "scada", kind: "opcua", endpoint: "opc.tcp://127.0.0.1:" + deadPort,
                 nodes: [{node_id: "ns=1;s=Line1.Temperature", tag: "potline-1.bath_temp"}]}]})
            verify(connections.open(LiveFixture.writeFile("dead-zh.json", text)), connections.problems.join("\n"))
            verify(connections.start("", ""), connections.failures.join("\n"))  // the meter runs; scada has no gateway broker
            compare(connections.failures, ["数据源“scada”未能启动：OPC UA 数据源需要一个 MQTT 代理供其网关转交数值"
                                           + "（parktwin-cli：--gateway-mqtt HOST:PORT；parktwin-server：--mqtt HOST:PORT）"])
            const refused = "Modbus 127.0.0.1:" + deadPort + "：连接失败：连接被拒绝（设备未在此端口监听，或被防火墙拒绝）"
            tryVerify(() => connections.sources.length === 1 && connections.sources[0].lastError === refused, 10000,
                      JSON.stringify(connections.sources))
            // Chinese punctuation between the source and why (it was "dead-meter: 连接失败…").
            tryVerify(() => ParkController.timeline.status.indexOf("dead-meter：" + refused) >= 0, 10000,
                      ParkController.timeline.status)
            ParkController.language = "en"
            tryVerify(() => connections.sources[0].lastError === "Modbus 127.0.0.1:" + deadPort + ": connect: Connection refused",
                      10000, connections.sources[0].lastError)
        }

        // --connections with --mqtt HOST:PORT: the OPC UA source's gateway hands its values over
        // that broker, and the Data dialog's broker field shows it (QA: it stayed empty). The
        // oracle: the broker the test gave; the OPC UA server need not answer for that.
        function test_the_data_dialog_shows_the_gateways_broker() {
            if (!PlantFixture.opcUaModulesInstalled())
                skip("gateway/opcua/node_modules is absent: run `npm ci --omit=dev` there (scripts/setup does)")
            const port = LiveFixture.startBroker()
            verify(port > 0, "mosquitto started")
            startFile("gateway.json", {id: "scada", kind: "opcua", endpoint: "opc.tcp://127.0.0.1:" + PlantFixture.closedPort(),
                nodes: [{node_id: "ns=1;s=Line1.Temperature", tag: "potline-1.bath_temp"}]}, "127.0.0.1:" + port)
            dialog.open()
            tryVerify(() => dialog.opened, 15000)
            compare(findChild(dialog.contentItem, "brokerField").text, "127.0.0.1:" + port)
            dialog.close()
        }

        // A Sparkplug source whose broker is not there (QA: the window said only "not connected", in
        // English): the Data dialog and the status line name the broker in the window's language,
        // as for an MQTT source. The reason is the system's, as it gives it. Texts by hand.
        function test_a_sparkplug_broker_that_is_not_there_is_named_in_the_windows_language() {
            ParkController.language = "zh"
            const port = PlantFixture.refusingPort()
            verify(port > 0, "a bound port")
            startFile("nobroker-zh.json", {id: "edge", kind: "sparkplug", broker: {host: "127.0.0.1", port: port},
                                           group_id: "Plant", edge_node_id: "Edge1",
                                           metrics: [{metric: "Line1/Temperature", tag: "potline-1.bath_temp"}]})
            verify(connections.start("", ""), connections.failures.join("\n"))
            const where = "127.0.0.1:" + port
            tryVerify(() => connections.sources.length === 1 && connections.sources[0].lastError === "无法连接代理 " + where + "：Connection refused",
                      10000, JSON.stringify(connections.sources))
            tryVerify(() => ParkController.timeline.status.indexOf("edge：无法连接代理 " + where + "：Connection refused") >= 0, 10000,
                      ParkController.timeline.status)
            ParkController.language = "en"
            tryVerify(() => connections.sources[0].lastError === "cannot reach the broker " + where + ": Connection refused",
                      10000, connections.sources[0].lastError)
        }

        // sparkplug_edge_node.py births_and_data: Line1/Temperature 20.5 in the NBIRTH, 21.25 in
        // the NDATA; Meter1's Power 1.5 in the DBIRTH, 2.5 in the DDATA.
        function test_sparkplug_values_show_and_deaths_grey_them() {
            const port = LiveFixture.startBroker()
            verify(port > 0, "mosquitto started")
            startFile("sparkplug.json", {id: "edge", kind: "sparkplug", broker: {host: "127.0.0.1", port: port},
                group_id: "Plant", edge_node_id: "Edge1", metrics: [
                    {metric: "Line1/Temperature", tag: "potline-1.bath_temp"},
                    {device: "Meter1", metric: "Power", tag: "potline-1.power", scale: 2, offset: 1}
                ]})
            // Births are not retained: the node speaks once the window listens.
            tryVerify(() => connections.sources.length === 1 && connections.sources[0].connected, 10000)
            verify(PlantFixture.runSparkplug(port, "births_and_data"), "the edge node ran")
            // degC to 1 decimal as stored (park-format.md): 21.25 -> 21.2 (a tie goes to the even digit).
            tryVerify(() => near("potline-1.bath_temp", 21.2) && near("potline-1.power", 2.5 * 2 + 1), 10000,
                      "bath_temp " + ParkController.timeline.tagValue("potline-1.bath_temp") + ", power " + ParkController.timeline.tagValue("potline-1.power"))
            verify(!connections.isStale("potline-1.power"))
            compare(rowOf("potline-1", "potline-1.power").stale, false)

            // DDEATH of Meter1: its tag goes stale, the node's own does not.
            verify(PlantFixture.runSparkplug(port, "device_death"))
            tryVerify(() => connections.isStale("potline-1.power"), 10000, "Meter1's power stale after its DDEATH")
            verify(!connections.isStale("potline-1.bath_temp"))
            tryVerify(() => rowOf("potline-1", "potline-1.power").stale === true, 5000, "the inspector greys it")
            compare(rowOf("potline-1", "potline-1.bath_temp").stale, false)
            verify(near("potline-1.power", 6), "the last value stays, greyed")
            tryVerify(() => connections.tags.some(t => t.tag === "potline-1.power" && t.stale), 5000)

            // NDEATH (bdSeq 0, the births' session): every tag of the node.
            verify(PlantFixture.runSparkplug(port, "node_death"))
            tryVerify(() => connections.isStale("potline-1.bath_temp"), 10000, "the node's tags stale after its NDEATH")
            compare(rowOf("potline-1", "potline-1.bath_temp").stale, true)

            // A new birth makes them current again.
            verify(PlantFixture.runSparkplug(port, "births_and_data"))
            tryVerify(() => !connections.isStale("potline-1.bath_temp") && !connections.isStale("potline-1.power"), 10000)
        }

        // opcua_test_server.js: Line1.Temperature = 20 + 0.5 i every 100 ms, each stamped one hour
        // behind the wall clock; its log of changes is the oracle.
        function test_an_opc_ua_value_shows_with_its_source_timestamp() {
            if (!PlantFixture.opcUaModulesInstalled())
                skip("gateway/opcua/node_modules is absent: run `npm ci --omit=dev` there (scripts/setup does)")
            const port = LiveFixture.startBroker()
            verify(port > 0, "mosquitto started")
            const endpoint = PlantFixture.startOpcUa()
            verify(endpoint !== "", "node-opcua started")
            startFile("opcua.json", {id: "scada", kind: "opcua", endpoint: endpoint,
                nodes: [{node_id: "ns=1;s=Line1.Temperature", sampling_interval_ms: 100, tag: "potline-1.bath_temp",
                         scale: 2, offset: 1}]}, "127.0.0.1:" + port)
            tryVerify(() => isFinite(ParkController.timeline.tagValue("potline-1.bath_temp")), 90000,
                      "a value through the gateway: " + (connections.sources[0] || {}).lastError)
            const shown = ParkController.timeline.tagValue("potline-1.bath_temp")
            const shownAt = ParkController.timeline.timeMs
            const changes = PlantFixture.opcUaChanges("ns=1;s=Line1.Temperature")
            verify(changes.some(c => Math.abs(c.v * 2 + 1 - shown) < 1e-9), "value " + shown + " = 2 v + 1 of a change the server made")
            // The window's clock follows the newest sample: the server's source timestamp, an hour
            // behind, not the time the value arrived.
            verify(changes.some(c => c.ts === shownAt), "time " + shownAt + " is a source timestamp of the server")
            verify(Date.now() - shownAt > 3500 * 1000, "an hour behind the wall clock")
            const row = rowOf("potline-1", "potline-1.bath_temp")
            compare(row.source, "scada")
            compare(connections.sources[0].kind, "opcua")
        }
    }
}
