// "Save anyway?" when the park breaks rules: nothing invalid is written without a warning that
// names the problems (issue 17). ParkDocument asks (saveWithProblemsRequested); "Save anyway"
// writes with saveAs(path, true), "Cancel" writes nothing and drops a waiting New/Open/close.
import QtQuick
import QtQuick.Controls
import ParkTwin

Dialog {
    id: root
    objectName: "saveWithProblemsDialog"
    title: qsTr("The park has problems")
    modal: true
    closePolicy: Popup.NoAutoClose
    width: 560
    property string path: ""
    property int count: 0
    property string summary: ""
    readonly property alias saveAnywayButton: saveAnyway
    readonly property alias cancelButton: cancel

    function ask(filePath, problemCount, problemSummary) {
        path = filePath
        count = problemCount
        summary = problemSummary
        open()
    }

    Label {
        width: parent.width
        wrapMode: Text.Wrap
        text: qsTr("Problems that would be saved: %1. A park with problems does not open again until they are fixed:").arg(root.count)
              + "\n\n" + root.summary + "\n\n" + qsTr("They are listed in Problems. Save anyway?")
    }
    footer: DialogButtonBox {
        Button {
            id: saveAnyway
            objectName: "saveAnywayButton"
            text: qsTr("Save anyway")
            DialogButtonBox.buttonRole: DialogButtonBox.AcceptRole
            onClicked: { root.close(); ParkDocument.saveAs(root.path, true) }
        }
        Button {
            id: cancel
            objectName: "cancelSaveButton"
            text: qsTr("Cancel")
            DialogButtonBox.buttonRole: DialogButtonBox.RejectRole
            onClicked: { root.close(); ParkDocument.resolvePending("cancel") }
        }
    }
}
