// What File does besides its menu: the open and save dialogs, the "save the changes?" question,
// the shortcuts and the window title. The decisions live in ParkDocument; this only asks.
import QtQuick
import QtQuick.Controls
import QtQuick.Dialogs
import ParkTwin

Item {
    id: root
    // Shortcuts and dialogs are off while presenting: the audience's window edits nothing.
    property bool active: true
    // "• beidu.json — Beidu … — ParkTwin": the file, a mark for unsaved changes, the park.
    readonly property string windowTitle: {
        const file = ParkDocument.untitled ? qsTr("Untitled") : ParkDocument.fileName
        return (ParkDocument.modified ? "• " : "") + qsTr("%1 — %2 — ParkTwin").arg(file).arg(ParkController.parkName)
    }
    readonly property alias unsavedDialog: unsaved
    readonly property alias openDialog: openDialog
    readonly property alias saveDialog: saveDialog
    readonly property alias importDialog: importDialog
    readonly property alias problemsDialog: problemsDialog
    readonly property alias tourActions: tourActions
    readonly property alias savedNote: savedNote
    signal closeApproved()

    function openFile() { openDialog.open() }
    function saveFile() { ParkDocument.save() }
    function saveFileAs() { saveDialog.open() }
    function importGeoJson() { importDialog.open() }
    function presentTour() { tourActions.choose() }

    FileDialog {
        id: openDialog
        // Bound, not found once: the window an item is shown in may come after it is made.
        parentWindow: root.Window.window
        title: qsTr("Open park")
        fileMode: FileDialog.OpenFile
        acceptLabel: qsTr("Open")
        nameFilters: [qsTr("Park files (*.park.json *.json)"), qsTr("All files (*)")]
        onAccepted: ParkDocument.open(selectedFile)
    }
    FileDialog {
        id: saveDialog
        parentWindow: root.Window.window
        title: qsTr("Save park as")
        fileMode: FileDialog.SaveFile
        // Qt 6.4's own dialog labels its button "Open" in every mode.
        acceptLabel: qsTr("Save")
        defaultSuffix: "park.json"
        nameFilters: [qsTr("Park files (*.park.json *.json)")]
        onAccepted: ParkDocument.saveAs(selectedFile)
        // Save as… asked for by "save the changes?" and cancelled: the waiting action is dropped.
        onRejected: ParkDocument.resolvePending("cancel")
        onVisibleChanged: {
            if (!visible) return
            enterSaves.attach(root.Overlay.overlay)
            enterSaves.prefill(ParkDocument.suggestedFileName())
        }
    }
    SaveNameEnterKey { id: enterSaves }
    TourFileActions { id: tourActions }
    SavedNote { id: savedNote }
    FileDialog {
        id: importDialog
        parentWindow: root.Window.window
        title: qsTr("Import GeoJSON")
        fileMode: FileDialog.OpenFile
        acceptLabel: qsTr("Import")
        nameFilters: [qsTr("GeoJSON files (*.geojson *.json)"), qsTr("All files (*)")]
        // The imported park opens as a new unsaved document; a bad file leaves the open park.
        onAccepted: GeoJsonImporter.importFile(selectedFile)
    }
    UnsavedChangesDialog {
        id: unsaved
        parent: Overlay.overlay
        anchors.centerIn: parent
    }
    SaveWithProblemsDialog {
        id: problemsDialog
        parent: Overlay.overlay
        anchors.centerIn: parent
    }
    Connections {
        target: ParkDocument
        function onSaveAsRequested() { saveDialog.open() }
        function onSaveWithProblemsRequested(path, count, summary) { problemsDialog.ask(path, count, summary) }
        function onPendingChanged() {
            if (ParkDocument.pendingAction !== "") unsaved.open()
            else unsaved.close()
        }
        function onCloseApproved() { root.closeApproved() }
        function onSaved() { savedNote.show(ParkDocument.fileName) }
    }

    Shortcut { sequence: "Ctrl+N"; enabled: root.active; onActivated: ParkDocument.newPark() }
    Shortcut { sequence: "Ctrl+O"; enabled: root.active; onActivated: root.openFile() }
    Shortcut { sequence: "Ctrl+S"; enabled: root.active; onActivated: root.saveFile() }
    Shortcut { sequence: "Ctrl+Shift+S"; enabled: root.active; onActivated: root.saveFileAs() }
}
