// File > Present tour…: a tour file chosen from anywhere, presented on the open park (QA: a
// manager could present his own tour only with --tour on the command line). A tour of another
// park, or one that cannot be read, is refused with twin's words in the window's language, and
// the tour there was stays.
import QtQuick
import QtQuick.Controls
import QtQuick.Dialogs
import ParkTwin

Item {
    id: root
    readonly property alias fileDialog: fileDialog
    readonly property alias refusal: refusal

    function choose() { fileDialog.open() }
    // Presents the tour at `pathOrUrl` (a path, or the dialog's file URL) from its first stop;
    // false, saying why, if refused (TourPlayer.load keeps the tour it had).
    function present(pathOrUrl) {
        const text = String(pathOrUrl)
        const path = text.startsWith("file://") ? decodeURIComponent(text.slice(7)) : text
        if (!ParkController.tour.load(path)) {
            refusal.text = ParkController.tour.error
            refusal.open()
            return false
        }
        ParkController.presenting = true
        return true
    }

    FileDialog {
        id: fileDialog
        parentWindow: root.Window.window
        title: qsTr("Present tour")
        fileMode: FileDialog.OpenFile
        acceptLabel: qsTr("Present")
        nameFilters: [qsTr("Tour files (*.json)"), qsTr("All files (*)")]
        onAccepted: root.present(selectedFile)
    }
    Dialog {
        id: refusal
        objectName: "tourRefusal"
        property alias text: refusalText.text
        parent: Overlay.overlay
        anchors.centerIn: parent
        width: Math.min(640, parent ? parent.width - 40 : 640)
        title: qsTr("This tour cannot be presented")
        modal: true
        standardButtons: Dialog.Ok
        Label {
            id: refusalText
            objectName: "tourRefusalText"
            width: parent.width
            wrapMode: Text.Wrap
        }
    }
}
