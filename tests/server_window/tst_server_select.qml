// --server URL --select ID without --park (app/startup.cpp: ParkDocument.takeServerParkWhenServed,
// then selectWhenShown). The window has Beidu open; the server serves Jiulong
// (two_windows_test.py's ServedParkSelectTest). The object is selected, and the camera asked to
// fly to it, once the server's park is shown, not in the park that was open before; an id the
// server's park lacks is said in selectProblem. The ids come from the park files (the driver).
import QtQuick
import QtTest
import ParkTwin
import ParkTwinServerTest

Item {
    width: 1000
    height: 400

    TestCase {
        id: test
        name: "ServedParkSelect"
        when: windowShown

        readonly property var ids: JSON.parse(Peer.read("select-ids"))

        SignalSpy { id: focusSpy; target: ParkDocument; signalName: "focusRequested" }

        function startAsFromTheCommandLine(objectId) {
            focusSpy.clear()
            ParkDocument.takeServerParkWhenServed()
            ParkDocument.selectWhenShown(objectId)
            verify(ParkController.timeline.connectServer(Peer.serverUrl, Peer.token, ParkController.parkId, ""))
        }

        function test_1_select_waits_for_the_servers_park() {
            compare(ParkController.parkId, "beidu")
            startAsFromTheCommandLine(ids.servedOnly)
            tryCompare(ParkController, "parkId", "jiulong", 30000)
            tryCompare(ParkController.selection, "objectId", ids.servedOnly, 5000)
            compare(focusSpy.count, 1)
            compare(focusSpy.signalArguments[0][0], ids.servedOnly)
            compare(ParkDocument.selectProblem, "")
            ParkController.timeline.close()
        }

        function test_2_an_id_the_servers_park_lacks_is_said() {
            verify(ParkDocument.open(Peer.sourceDir() + "/assets/parks/beidu.json"))
            compare(ParkController.parkId, "beidu")
            startAsFromTheCommandLine(ids.windowOnly)  // in Beidu, which is replaced
            tryCompare(ParkController, "parkId", "jiulong", 30000)
            tryVerify(() => ParkDocument.selectProblem !== "", 5000, "the missing id is said")
            compare(ParkDocument.selectProblem, "--select " + ids.windowOnly + ": the park \"" + ids.servedName +
                    "\" has no object with this id")
            compare(ParkController.selection.objectId, "")
            compare(focusSpy.count, 0)
            ParkController.timeline.close()
        }
    }
}
