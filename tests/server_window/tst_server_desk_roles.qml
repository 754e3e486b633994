// A desk knows what its token's user may do (GET /api/v1/session, read by ServerLink when it
// connects; two_windows_test.py's DeskRolesTest starts one window per role, one after the
// other). A viewer's alarm panel shows Acknowledge disabled, with a line saying why; an
// operator's is as before: it acknowledges, and the server records the operator.
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
        name: "DeskRoles"
        when: windowShown

        readonly property var timeline: ParkController.timeline
        readonly property string rule: "potline-1-bath-hot"

        function hotAlarm() {
            return ParkController.alarms.active.find(a => a.id === test.rule)
        }

        function test_acknowledge_follows_the_users_role() {
            findChild(part, "serverUrlField").text = Peer.serverUrl
            findChild(part, "serverTokenField").text = Peer.token
            mouseClick(findChild(part, "serverConnectButton"))
            tryVerify(() => timeline.connected, 30000, "connected to " + Peer.serverUrl + ": " + timeline.status)
            tryVerify(() => hotAlarm() !== undefined, 20000, "the server's active alarm is listed")
            verify(!hotAlarm().acknowledged)
            tryVerify(() => findChild(panel, "ackButton") !== null, 5000, "the alarm's row is shown")
            findChild(panel, "ackComment").text = "crew sent"
            const button = findChild(panel, "ackButton")
            const why = findChild(panel, "ackRefusal")
            if (Peer.role === "viewer") {
                tryVerify(() => !button.enabled, 20000, "a viewer's Acknowledge is disabled")
                verify(why.visible)
                compare(why.text, "Your user (viewer) may not acknowledge alarms; that needs the role operator")
                const shot = Peer.read("screenshot-path")
                if (shot) grabImage(panel).save(shot)  // throws where it cannot write
            } else {
                verify(button.enabled)
                verify(!why.visible, why.text)
                mouseClick(button)
                tryVerify(() => hotAlarm().acknowledged, 20000, "acknowledged: " + timeline.serverProblem)
                compare(hotAlarm().acknowledgedBy, Peer.ackUser)
            }
            timeline.close()
        }
    }
}
