// Exporting the 3D view as a PNG from the window: the file has exactly the size asked for, also
// larger than the screen (rendered, not scaled), shows the park (not blank), and a folder that
// does not exist gives a message naming the file.
import QtQuick
import QtTest
import ParkTwin
import ParkTwinTest

Item {
    width: 1200
    height: 800

    ParkView {
        id: view
        width: 800
        height: 500
        Component.onCompleted: fitPark(true)
    }
    ExportDialog { id: dialog; sourceView: view }

    TestCase {
        name: "ExportPng"
        when: windowShown

        function exportAt(w, h, path) {
            dialog.open()
            tryVerify(() => dialog.opened, 15000)
            compare(findChild(dialog.contentItem, "exportWidth").value, 800, "starts at the view's size")
            findChild(dialog.contentItem, "exportWidth").value = w
            findChild(dialog.contentItem, "exportHeight").value = h
            findChild(dialog.contentItem, "exportPath").text = path
            mouseClick(findChild(dialog.contentItem, "exportButton"))
            verify(dialog.busy)
            tryVerify(() => !dialog.busy, 60000, "the export finishes")
            const message = findChild(dialog.contentItem, "exportMessage").text
            dialog.close()
            return message
        }

        function test_export_has_the_size_asked_for_and_shows_the_park() {
            const path = Fixture.tempPath("view-1280.png")
            const message = exportAt(1280, 720, path)
            verify(!dialog.failed, message)
            verify(message.indexOf(path) >= 0, message)
            const info = Fixture.imageInfo(path)
            compare(info.width, 1280)
            compare(info.height, 720)
            verify(info.colours > 200, "a park, not a blank picture: " + info.colours + " colours")
        }

        function test_export_larger_than_the_screen_is_rendered_at_full_size() {
            const path = Fixture.tempPath("view-2400.png")
            exportAt(2400, 1600, path)  // the Xvfb screen is 1600x900
            verify(!dialog.failed)
            const info = Fixture.imageInfo(path)
            compare(info.width, 2400)
            compare(info.height, 1600)
            verify(info.colours > 200, info.colours + " colours")
        }

        function test_a_folder_that_does_not_exist_is_reported() {
            const path = Fixture.tempPath("no-such-folder/view.png")
            const message = exportAt(640, 360, path)
            verify(dialog.failed)
            verify(message.indexOf(path) >= 0, "the message names the file: " + message)
            compare(Fixture.imageInfo(path).width, 0, "nothing written")
        }
    }
}
