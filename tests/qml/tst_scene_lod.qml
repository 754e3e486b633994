// The level of detail for large parks: far away, machines are drawn as their roofs; close up,
// as boxes again. Small parks always get boxes.
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

    TestCase {
        name: "SceneLevelOfDetail"
        when: windowShown

        function cleanupTestCase() {
            verify(ParkController.loadPark(Fixture.beiduPath))
        }

        function wallPixels(height) {
            return height * Math.cos(parkView.pitch * Math.PI / 180) / parkView.metresPerPixel()
        }

        function test_far_machines_are_roofs_and_near_ones_boxes() {
            compare(ParkController.scene.machines.count, 538)
            parkView.distance = 20000
            verify(!parkView.machineRoofsOnly, "538 machines: always boxes")

            ParkController.scene.useSyntheticMachines(20000, false)
            compare(ParkController.scene.machines.count, 20000)
            compare(ParkController.scene.machines.typicalHeight, 4)  // every synthetic machine is 4 m high
            parkView.pitch = 48
            parkView.distance = 5000
            verify(wallPixels(4) < 3, "walls " + wallPixels(4) + " px")
            verify(parkView.machineRoofsOnly)
            parkView.distance = 200
            verify(wallPixels(4) > 3, "walls " + wallPixels(4) + " px")
            verify(!parkView.machineRoofsOnly)
        }
    }
}
