// File → New park showed an empty green field with no hint what to do next (QA pass 4, Q13).
// A park without buildings shows, in the middle of the view, how to add one, import GeoJSON or
// open a park file, in the window's language; the first building takes the hint away.
// Oracle: the view's own geometry and the words of the menus the hint points to.
import QtQuick
import QtTest
import ParkTwin
import ParkTwinTest

Item {
    id: top
    width: 1000
    height: 700

    ParkView { id: parkView; anchors.fill: parent }

    TestCase {
        name: "EmptyParkHint"
        when: windowShown

        function cleanup() {
            ParkEditor.editing = false
            ParkController.language = "en"
            ParkDocument.resolvePending("cancel")
            ParkController.loadPark(Fixture.beiduPath)
        }

        function test_a_park_with_buildings_shows_no_hint() {
            const hint = findChild(parkView, "emptyParkHint")
            verify(hint, "the view has the hint")
            verify(ParkController.scene.buildings.length > 0)
            verify(!hint.visible)
        }

        function test_a_new_park_says_what_to_do_until_it_has_a_building() {
            ParkDocument.newPark()
            compare(ParkController.scene.buildings.length, 0, "File → New park: no buildings")
            const hint = findChild(parkView, "emptyParkHint")
            tryVerify(() => hint.visible, 5000, "the hint shows")
            const centre = hint.mapToItem(parkView, hint.width / 2, hint.height / 2)
            verify(Math.abs(centre.x - parkView.width / 2) <= 1 && Math.abs(centre.y - parkView.height / 2) <= 1,
                   "centred in the view: " + centre.x + ", " + centre.y)
            verify(hint.width < parkView.width && hint.height < parkView.height, "inside the view")
            for (const words of ["Add building", "Import GeoJSON", "Open"])
                verify(hint.text.indexOf(words) >= 0, words + " in: " + hint.text)
            ParkController.language = "zh"
            for (const words of ["添加建筑", "导入 GeoJSON", "打开"])
                verify(hint.text.indexOf(words) >= 0, words + " in: " + hint.text)
            ParkEditor.editing = true
            verify(ParkEditor.addBuilding("workshop", 0, 0) !== "")
            tryVerify(() => !hint.visible, 5000, "the first building takes the hint away")
        }
    }
}
