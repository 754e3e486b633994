// The window as a client of parktwin-server over TLS (two_windows_test.py's WindowOverTlsTest
// starts the server with a self-signed certificate it made with openssl): with no CA file (the
// system's store does not know it) and with another CA file the connection is refused with a
// message saying the certificate is not trusted; with the certificate as the CA file it connects
// over https:// and wss://, and a value the driver published with mosquitto_pub shows.
import QtQuick
import QtTest
import ParkTwin
import ParkTwinServerTest

Item {
    width: 1000
    height: 400

    ServerPart { id: part; width: 800 }

    TestCase {
        id: test
        name: "ServerWindowTls"
        when: windowShown

        readonly property var timeline: ParkController.timeline

        function connectWith(caFile) {
            verify(Peer.serverUrl.startsWith("https://"), Peer.serverUrl)
            findChild(part, "serverUrlField").text = Peer.serverUrl
            findChild(part, "serverTokenField").text = Peer.token
            findChild(part, "serverCaField").text = caFile
            mouseClick(findChild(part, "serverConnectButton"))
        }

        function refusedAsUntrusted(expected) {
            tryVerify(() => timeline.serverProblem.indexOf("certificate is not trusted") >= 0, 30000,
                      "problem: " + timeline.serverProblem)
            verify(!timeline.connected)
            verify(timeline.serverProblem.indexOf(expected) >= 0, timeline.serverProblem)
            const state = findChild(part, "serverState")
            verify(state.visible && state.text.indexOf("certificate is not trusted") >= 0, state.text)
            timeline.close()
        }

        function test_1_an_unknown_certificate_is_refused_with_what_to_trust() {
            connectWith("")
            refusedAsUntrusted("CA file")
        }

        function test_2_another_ca_file_is_refused() {
            connectWith(Peer.wrongCaFile)
            refusedAsUntrusted(Peer.wrongCaFile)
        }

        function test_3_a_missing_ca_file_is_refused_before_connecting() {
            verify(!timeline.connectServer(Peer.serverUrl, Peer.token, "beidu", Peer.caFile + ".missing"))
            verify(timeline.status.indexOf(".missing") >= 0, timeline.status)
            verify(!timeline.fromServer)
        }

        function test_4_the_right_ca_file_connects_and_shows_a_published_value() {
            connectWith(Peer.caFile)
            tryVerify(() => timeline.connected, 30000, "connected to " + Peer.serverUrl + ": " + timeline.serverProblem)
            compare(findChild(part, "serverState").text, "Connected")
            verify(Peer.signal("ready-" + Peer.role))
            tryVerify(() => Peer.read("published") !== undefined && Peer.read("published") !== null, 60000,
                      "the driver published a value")
            const published = JSON.parse(Peer.read("published"))
            tryVerify(() => timeline.tagValue(published.tag) === published.v, 20000,
                      published.tag + " = " + published.v + ", shown " + timeline.tagValue(published.tag))
            timeline.close()
        }

        // Each desk opens its own copy of the park file. Where it is not the server's, the window
        // says so (a user's copy without a warehouse showed "Connected" and nothing more); the
        // server's own file (the bundled Beidu on both sides): nothing to say.
        function test_5_a_park_other_than_the_servers_is_named_in_a_banner() {
            connectWith(Peer.caFile)
            tryVerify(() => timeline.connected, 30000, "connected to " + Peer.serverUrl + ": " + timeline.serverProblem)
            verify(ParkEditor.remove("casthouse"))
            // By its name in the server's park (beidu.json), as people know it, not its id.
            tryVerify(() => ParkController.serverParkDifference.indexOf("objects only on the server: Qineng casthouse") >= 0, 20000,
                      "banner: " + ParkController.serverParkDifference)
            // In a Chinese window, in Chinese (written here by hand).
            ParkController.language = "zh"
            const zh = ParkController.serverParkDifference
            ParkController.language = "en"
            verify(zh.startsWith("本窗口的园区文件不是服务器所用的文件：仅服务器有的对象：旗能铸造车间"), zh)
            verify(ParkEditor.undo())
            compare(ParkController.serverParkDifference, "")
            timeline.close()
        }

        // The banner's button: the desk takes the server's park (QA: a desk could see that its
        // park differed but not take the server's). The removal is unsaved, so it asks first;
        // then the server's objects are back, with the desk still live from the server, and the
        // park not yet in any file (closing asks to save it). Its machines are drawn with the
        // server's own model files, fetched to this desk (they were boxes): the same bytes as
        // the files the server was started with, each with its mid level of detail.
        function test_6_the_servers_park_is_taken_from_the_banner() {
            connectWith(Peer.caFile)
            tryVerify(() => timeline.connected, 30000, "connected to " + Peer.serverUrl + ": " + timeline.serverProblem)
            verify(ParkEditor.remove("casthouse"))
            tryVerify(() => ParkController.serverParkDifference !== "", 20000)
            const hasCasthouse = () => ParkController.scene.buildings.some(b => b.id === "casthouse")
            verify(!hasCasthouse())
            ParkDocument.useServerPark()
            compare(ParkDocument.pendingAction, "server", "unsaved changes: asked first")
            verify(!hasCasthouse())
            ParkDocument.resolvePending("discard")
            tryVerify(() => !ParkDocument.fetchingServerModels && hasCasthouse(), 30000, "the server's casthouse is back")
            const models = ParkController.scene.machineModels
            verify(models.length >= 5, "modelled machine groups: " + models.length)
            for (const m of models) {
                const local = m.url.toString().replace("file://", "")
                verify(local.indexOf("/server-models/") > 0, local)
                const name = local.substring(local.lastIndexOf("/") + 1)
                verify(Peer.sameBytes(local, Peer.sourceDir() + "/assets/models/" + name), local)
                verify(m.midUrl !== undefined && m.midUrl.toString().endsWith(name.replace(".glb", "-lod1.glb")), m.midUrl)
            }
            compare(ParkController.serverParkDifference, "")
            verify(timeline.connected, "still live from the server")
            verify(ParkDocument.untitled && !ParkDocument.modified, "the server's park, unchanged, is not marked unsaved")
            timeline.close()
        }

        function openJiulong() {
            if (!ParkDocument.open(Peer.sourceDir() + "/assets/parks/jiulong.json")) ParkDocument.resolvePending("discard")
            compare(ParkController.parkId, "jiulong")
        }

        // A desk with another park open (Jiulong) on a server of Beidu (QA: the window asked the
        // server for its own park and retried a 404 forever, with no banner): the link follows
        // the park the server serves, the banner names both parks by their names in the park
        // files (the sentence written here by hand), and its button takes the server's park.
        function test_7_a_server_of_another_park_is_named_and_can_be_taken() {
            openJiulong()
            connectWith(Peer.caFile)
            tryVerify(() => timeline.connected, 30000, "connected to " + Peer.serverUrl + ": " + timeline.serverProblem)
            tryVerify(() => ParkController.serverParkDifference !== "", 20000)
            compare(ParkController.serverParkDifference,
                    "This server serves another park, Qijiang Beidu Aluminium Industrial Park (beidu); this window shows " +
                    "Jiulong New City / Huanglin Port Park (jiulong). The values and alarms shown are the server's park's.")
            ParkController.language = "zh"
            const zh = ParkController.serverParkDifference
            ParkController.language = "en"
            compare(zh, "此服务器提供的是另一个园区：綦江北渡铝产业园（beidu）；本窗口显示的是九龙新城·黄磏临港产业园（jiulong）。" +
                        "所显示的数值和报警属于服务器的园区。")
            compare(ParkController.parkId, "jiulong", "not taken before asked")
            ParkDocument.useServerPark()
            tryVerify(() => ParkController.parkId === "beidu" && !ParkDocument.fetchingServerModels, 30000, ParkController.parkId)
            compare(ParkController.serverParkDifference, "")
            verify(timeline.connected, "still live from the server")
            timeline.close()
        }

        // A window started with --server and no park (main.cpp: takeServerParkWhenServed) takes the
        // server's park without a click.
        function test_8_a_window_started_for_a_server_takes_its_park() {
            openJiulong()
            ParkDocument.takeServerParkWhenServed()
            connectWith(Peer.caFile)
            tryVerify(() => ParkController.parkId === "beidu" && !ParkDocument.fetchingServerModels, 30000,
                      ParkController.parkId + ": " + timeline.serverProblem)
            compare(ParkController.serverParkDifference, "")
            timeline.close()
        }
    }
}
