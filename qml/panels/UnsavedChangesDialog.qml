// "Save the changes?" before New, Open or closing the window drops them. The answer goes to
// ParkDocument.resolvePending, which finishes or drops the waiting action.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import ParkTwin

Dialog {
    id: root
    objectName: "unsavedChangesDialog"
    title: qsTr("Unsaved changes")
    modal: true
    closePolicy: Popup.NoAutoClose
    width: 460
    readonly property alias saveButton: saveButton
    readonly property alias discardButton: discardButton
    readonly property alias cancelButton: cancelButton

    function answer(choice) {
        close()
        ParkDocument.resolvePending(choice)
    }

    Label {
        width: parent.width
        wrapMode: Text.Wrap
        text: qsTr("%1 has changes that are not saved. Save them first?")
              .arg(ParkDocument.untitled ? qsTr("The new park") : ParkDocument.fileName)
    }
    footer: DialogButtonBox {
        Button {
            id: saveButton
            objectName: "saveChangesButton"
            text: qsTr("Save")
            DialogButtonBox.buttonRole: DialogButtonBox.AcceptRole
            onClicked: root.answer("save")
        }
        Button {
            id: discardButton
            objectName: "discardChangesButton"
            text: qsTr("Discard")
            DialogButtonBox.buttonRole: DialogButtonBox.DestructiveRole
            onClicked: root.answer("discard")
        }
        Button {
            id: cancelButton
            objectName: "cancelChangesButton"
            text: qsTr("Cancel")
            DialogButtonBox.buttonRole: DialogButtonBox.RejectRole
            onClicked: root.answer("cancel")
        }
    }
}
