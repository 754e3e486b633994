// A manager's own park and tour (QA F9, F10): presenting finds the tour of the park's id beside
// the park file (it said "No tour for this park"); File > Present tour… presents a tour from
// anywhere and refuses another park's in the window's language, keeping the tour there was; the
// Play tour button keeps its width when it turns to Pause, so Next and the rest stay put under
// the presenter's mouse. Stops, names and ids come from the files written here.
import QtQuick
import QtTest
import ParkTwin
import ParkTwinTest

Item {
    id: top
    width: 1400
    height: 800

    PresentationOverlay {
        id: overlay
        anchors.fill: parent
    }
    TourFileActions { id: tourActions }

    function park() {
        return JSON.stringify({
            format: "parktwin-park/1", id: "yuxi-test", name: { zh: "渝西", en: "Yuxi" },
            latitude_deg: 29.5, longitude_deg: 106.5, land_area_mu: 100, grid_emission_t_per_mwh: 0.57,
            buildings: [{ id: "smt-hall", name: { zh: "SMT车间", en: "SMT hall" }, kind: "plant",
                          position: { x_m: 0, y_m: 0 }, width_m: 40, depth_m: 20, height_m: 10 }]
        })
    }
    function tour(park, name, stops) {
        const list = []
        for (let i = 0; i < stops; ++i) {
            list.push({ focus: "smt-hall", distance_m: 200 + 100 * i, fly_s: 2, hold_s: 3,
                        caption: { zh: "第" + (i + 1) + "站", en: "Stop " + (i + 1) } })
        }
        return JSON.stringify({ format: "parktwin-tour/1", park: park, name: { zh: name + "（中）", en: name }, stops: list })
    }

    TestCase {
        name: "PresentOwnTour"
        when: windowShown

        function init() {
            // The park file and its tour side by side, as a manager keeps them.
            Fixture.writeFile("yuxi-test-tour.json", top.tour("yuxi-test", "Yuxi for investors", 3))
            verify(ParkController.loadPark(Fixture.writeFile("yuxi-test.park.json", top.park())), ParkController.errorText)
        }
        function cleanup() {
            tourActions.refusal.close()
            ParkController.presenting = false
            ParkController.language = "en"
        }
        function cleanupTestCase() {
            Fixture.removeFile(Fixture.tempPath("yuxi-test-tour.json"))
            verify(ParkController.loadPark(Fixture.beiduPath))
        }

        function test_1_the_tour_beside_the_park_file_is_presented() {
            // A broken draft of the same park, first by name, does not hide the good tour.
            const draft = Fixture.writeFile("a-draft-tour.json", top.tour("yuxi-test", "Draft", 1).replace("smt-hall", "ghost"))
            ParkController.presenting = true
            Fixture.removeFile(draft)
            compare(ParkController.tour.stopCount, 3)
            compare(ParkController.tour.name, "Yuxi for investors")
            compare(findChild(overlay, "tourStopLabel").text, "Stop 1 of 3")
            verify(findChild(overlay, "tourPlayButton").enabled)
            verify(!ParkController.tour.playing, "it waits on stop 1 for the presenter (user guide §6)")
        }

        function test_2_present_tour_refuses_another_parks_tour_and_keeps_its_own() {
            const other = Fixture.writeFile("beidu-elsewhere.json", top.tour("beidu", "Beidu", 2))
            verify(!tourActions.present(other))
            verify(tourActions.refusal.opened || tourActions.refusal.visible, "the refusal is shown")
            compare(findChild(tourActions.refusal, "tourRefusalText").text,
                    other + ": /park: this tour is written for the park \"beidu\", not the open park \"yuxi-test\"")
            verify(!ParkController.presenting)
            tourActions.refusal.close()
            ParkController.language = "zh"
            verify(!tourActions.present(other))
            compare(findChild(tourActions.refusal, "tourRefusalText").text,
                    other + ": /park: 此导览是为园区“beidu”编写的，不是打开的园区“yuxi-test”")
            ParkController.language = "en"
            tourActions.refusal.close()
            // A tour of this park from another file: presented from its first stop.
            const second = Fixture.writeFile("yuxi-second.json", top.tour("yuxi-test", "Second", 2))
            verify(tourActions.present("file://" + second))
            verify(ParkController.presenting)
            compare(ParkController.tour.stopCount, 2)
            compare(ParkController.tour.name, "Second")
            compare(ParkController.tour.stopIndex, 0)
            // Refused while one is shown: the one shown stays, its bar says nothing of the refusal.
            verify(!tourActions.present(other))
            compare(ParkController.tour.name, "Second")
            compare(findChild(overlay, "tourStopLabel").text, "Stop 1 of 2")
            Fixture.removeFile(other)
            Fixture.removeFile(second)
        }

        function test_3_play_keeps_the_bar_where_it_is() {
            ParkController.presenting = true
            const play = findChild(overlay, "tourPlayButton")
            const row = play.parent.children
            let next = null
            for (let i = 0; i + 1 < row.length; ++i) {
                if (row[i] === play) next = row[i + 1]
            }
            compare(next.text, "Next")
            waitForRendering(overlay)
            const playWidth = play.width, nextX = next.mapToItem(overlay, 0, 0).x
            mouseClick(play)
            verify(ParkController.tour.playing)
            compare(play.text, "Pause")
            waitForRendering(overlay)
            compare(play.width, playWidth)
            compare(next.mapToItem(overlay, 0, 0).x, nextX)
            mouseClick(play)
            verify(!ParkController.tour.playing)
        }
    }
}
