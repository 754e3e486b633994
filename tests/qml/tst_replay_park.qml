// QA: replaying another park's history (--park jiulong --replay beidu.db) showed nothing useful
// and said nothing. The window now says so on a banner, in English and Chinese, naming the file
// and how many of the park's tags it holds (counted by the fixture from the park file and the
// samples it wrote); the file's own park shows no banner.
import QtQuick
import QtTest
import ParkTwin
import ParkTwinTest

Item {
    width: 1000
    height: 400

    ReplayParkBanner { id: banner }

    TestCase {
        name: "ReplayPark"
        when: windowShown
        readonly property var timeline: ParkController.timeline

        function cleanupTestCase() {
            ParkController.language = "en"
            timeline.close()
            verify(ParkController.loadPark(Fixture.beiduPath))
        }

        function test_1_another_parks_file_gets_a_banner_in_both_languages() {
            verify(ParkController.loadPark(Fixture.jiulongPath), ParkController.errorText)
            verify(timeline.openReplay(Fixture.dbPath), timeline.status)
            const others = Fixture.replayTagCount - Fixture.jiulongTagsInReplay
            verify(Fixture.jiulongTagsInReplay * 2 < Fixture.replayTagCount, "the fixture file is mostly Beidu's tags")
            const en = "replay.db holds " + Fixture.jiulongTagsInReplay + " of the " + Fixture.jiulongTagCount
                       + " tags of Jiulong New City / Huanglin Port Park, and " + others + " tags this park does not have"
            verify(ParkController.replayParkMismatch.startsWith(en), ParkController.replayParkMismatch)
            verify(banner.visible, "the banner shows")
            compare(findChild(banner, "replayParkText").text, ParkController.replayParkMismatch)

            ParkController.language = "zh"
            const zh = "replay.db 只含九龙新城·黄磏临港产业园 " + Fixture.jiulongTagCount + " 个测点中的 "
                       + Fixture.jiulongTagsInReplay + " 个，另有 " + others + " 个本园区没有的测点"
            verify(ParkController.replayParkMismatch.startsWith(zh), ParkController.replayParkMismatch)
            ParkController.language = "en"
        }

        function test_2_its_own_park_and_no_replay_have_none() {
            verify(ParkController.loadPark(Fixture.beiduPath), ParkController.errorText)
            compare(ParkController.replayParkMismatch, "", "Beidu's own history")
            verify(!banner.visible)
            verify(ParkController.loadPark(Fixture.jiulongPath))
            verify(ParkController.replayParkMismatch !== "")
            timeline.close()
            compare(ParkController.replayParkMismatch, "", "no replay open")
        }
    }
}
