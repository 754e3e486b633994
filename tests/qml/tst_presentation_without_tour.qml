// Presentation mode on a park with no tour (a user's own park, QA 6 Dec): it said "Stop 1 of 0"
// with Previous, Play tour and Next live. Now it says there is no tour and those are off; a
// bundled park's tour still steps.
import QtQuick
import QtTest
import ParkTwin
import ParkTwinTest

Item {
    id: top
    width: 1200
    height: 700

    PresentationOverlay {
        id: overlay
        anchors.fill: parent
    }

    function ownPark() {
        return JSON.stringify({
            format: "parktwin-park/1", id: "own", name: { zh: "自有园区", en: "Own park" },
            latitude_deg: 29.5, longitude_deg: 106.5, land_area_mu: 100, grid_emission_t_per_mwh: 0.57,
            buildings: [{ id: "hall", name: { zh: "车间", en: "Hall" }, kind: "plant", position: { x_m: 0, y_m: 0 },
                          width_m: 30, depth_m: 20, height_m: 10 }]
        })
    }

    TestCase {
        name: "PresentationWithoutTour"
        when: windowShown

        function cleanup() {
            ParkController.presenting = false
            ParkController.language = "en"  // a failed test in Chinese leaves none of the others in it
        }
        function cleanupTestCase() {
            ParkController.language = "en"
            verify(ParkController.loadPark(Fixture.beiduPath))
        }

        function test_no_tour_says_so_and_offers_no_steps() {
            verify(ParkController.loadPark(Fixture.writeFile("own.park.json", top.ownPark())), ParkController.errorText)
            ParkController.presenting = true  // loads the park's tour, where it has one
            compare(ParkController.tour.stopCount, 0)
            // What the controls cover of the park, for the fit to centre above (QA4 Q13).
            const controls = findChild(overlay, "presentationControls")
            verify(controls.y > 0 && overlay.coveredBottom > controls.height, overlay.coveredBottom + " vs " + controls.height)
            compare(overlay.coveredBottom, overlay.height - controls.y)
            const label = findChild(overlay, "tourStopLabel")
            compare(label.text, "No tour for this park")
            verify(!findChild(overlay, "tourPlayButton").enabled)
            ParkController.language = "zh"
            compare(label.text, "本园区没有导览")
            ParkController.language = "en"
        }

        // A Chinese window showed an unreadable tour's refusal in English (customer report). The
        // label says why, in the window's language, and again after a switch; texts by hand.
        function test_an_unreadable_tour_says_why_in_the_window_language() {
            verify(ParkController.loadPark(Fixture.writeFile("own.park.json", top.ownPark())), ParkController.errorText)
            const tour = Fixture.writeFile("other.tour.json", JSON.stringify({
                format: "parktwin-tour/1", park: "elsewhere", name: { zh: "游", en: "Tour" },
                stops: [{ position: { x_m: 0, y_m: 0 }, distance_m: 100, hold_s: 3, caption: { zh: "甲", en: "A" } }]
            }))
            ParkController.presenting = true
            verify(!ParkController.tour.load(tour))
            const label = findChild(overlay, "tourStopLabel")
            compare(label.text, tour + ": /park: this tour is written for the park \"elsewhere\", not the open park \"own\"")
            ParkController.language = "zh"
            compare(label.text, tour + ": /park: 此导览是为园区“elsewhere”编写的，不是打开的园区“own”")
            const missing = tour + ".gone"
            verify(!ParkController.tour.load(missing))
            compare(label.text, missing + ": 无法打开导览文件：没有这个文件")
            ParkController.language = "en"
            compare(label.text, missing + ": cannot open the tour file: there is no such file")
        }

        function test_a_bundled_tour_still_steps() {
            verify(ParkController.loadPark(Fixture.beiduPath))
            ParkController.presenting = true
            verify(ParkController.tour.stopCount > 0)
            compare(findChild(overlay, "tourStopLabel").text, "Stop 1 of " + ParkController.tour.stopCount)
            verify(findChild(overlay, "tourPlayButton").enabled)
        }
    }
}
