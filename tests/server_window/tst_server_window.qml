// One of two windows on one parktwin-server (two_windows_test.py starts both): connect through
// Data… → Server, show a value published to the server's broker, then the acker acknowledges the
// active alarm in its alarm panel and the watcher sees that acknowledgement with the acker's
// user. Last, a wrong token: the part says why it is not connected.
import QtQuick
import QtTest
import ParkTwin
import ParkTwinServerTest

Item {
    width: 1000
    height: 760

    ServerPart { id: part; width: 600 }
    AlarmPanel { id: panel; width: 420; height: 520; y: 200 }

    TestCase {
        id: test
        name: "ServerWindow"
        when: windowShown

        readonly property var timeline: ParkController.timeline
        readonly property string rule: "potline-1-bath-hot"

        // A file the driver or the other window wrote (Peer.read gives undefined while it is not there).
        function written(name) {
            const text = Peer.read(name)
            return text !== undefined && text !== null
        }

        function hotAlarm() {
            return ParkController.alarms.active.find(a => a.id === test.rule)
        }

        function connectWith(token) {
            findChild(part, "serverUrlField").text = Peer.serverUrl
            findChild(part, "serverTokenField").text = token
            mouseClick(findChild(part, "serverConnectButton"))
        }

        function test_1_shows_a_value_published_to_the_servers_broker() {
            connectWith(Peer.token)
            tryVerify(() => timeline.connected, 30000, "connected to " + Peer.serverUrl + ": " + timeline.status)
            verify(timeline.fromServer)
            compare(findChild(part, "serverState").text, "Connected")
            verify(Peer.signal("ready-" + Peer.role))
            tryVerify(() => written("published"), 60000, "the driver published a value")
            const published = JSON.parse(Peer.read("published"))
            tryVerify(() => ParkController.timeline.tagValue(published.tag) === published.v, 20000,
                      published.tag + " = " + published.v + ", shown " + ParkController.timeline.tagValue(published.tag))
        }

        function test_2_an_acknowledgement_in_one_window_shows_in_the_other() {
            tryVerify(() => hotAlarm() !== undefined, 20000, "the server's active alarm is listed")
            verify(!hotAlarm().acknowledged)
            if (Peer.role === "acker") {
                // Only once the watcher has seen the alarm unacknowledged: it must see the change.
                tryVerify(() => written("watching"), 60000, "the watcher lists the alarm")
                findChild(panel, "ackComment").text = "crew sent"
                mouseClick(findChild(panel, "ackButton"))
                tryVerify(() => hotAlarm().acknowledged, 20000, "acknowledged here")
                compare(hotAlarm().acknowledgedBy, Peer.ackUser)
                verify(Peer.signal("acked"))
            } else {
                verify(Peer.signal("watching"))
                tryVerify(() => hotAlarm() !== undefined && hotAlarm().acknowledged, 60000, "the other window's acknowledgement")
                compare(hotAlarm().acknowledgedBy, Peer.ackUser)
                compare(hotAlarm().comment, "crew sent")
            }
            tryVerify(() => findChild(panel, "ackText") !== null && findChild(panel, "ackText").text.indexOf(Peer.ackUser) >= 0,
                      5000, "the panel names the user")
        }

        function test_3_a_wrong_token_is_reported() {
            connectWith("not-the-token")
            tryVerify(() => timeline.serverProblem.indexOf("401") >= 0, 30000, "problem: " + timeline.serverProblem)
            verify(!timeline.connected)
            const state = findChild(part, "serverState")
            verify(state.visible)
            verify(state.text.indexOf("401") >= 0, state.text)
            verify(timeline.status.indexOf("401") >= 0, timeline.status)  // the footer's line
            timeline.close()
        }
    }
}
