// Enter in the save dialog's file-name field saves, as its Save button does. Qt 6.4's own file
// dialog (QtQuick.Dialogs, drawn in the window where the desktop offers none) only takes the
// typed name on Enter and leaves the dialog open (QA: "Save As ignores Enter"). The dialog's
// items are Qt's, found under the window's overlay by the objectName Qt gives the field.
import QtQuick
import QtQuick.Controls

QtObject {
    id: root
    property Item nameField: null

    function findNamed(item, name) {
        if (!item) return null
        if (item.objectName === name && item.visible) return item  // the open dialog's, not a hidden one's
        for (let i = 0; i < item.children.length; ++i) {
            const found = findNamed(item.children[i], name)
            if (found) return found
        }
        return null
    }
    // The dialog's accept button, labelled Save: in the DialogButtonBox beside the field.
    function saveButton() {
        const row = nameField.parent.children
        for (let i = 0; i < row.length; ++i) {
            if (row[i].standardButton !== undefined) return row[i].standardButton(Dialog.Open)
        }
        return null
    }
    function attach(overlay) {
        if (nameField) return  // the dialog, and so its field, lives as long as the window
        nameField = findNamed(overlay, "fileNameTextField")
        if (nameField) nameField.accepted.connect(root.save)
    }
    // The name the dialog offers as it opens (it opened with an empty field: QA).
    function prefill(name) {
        if (!nameField) return
        nameField.text = name
        nameField.editingFinished()  // the dialog takes it as its selected file
    }
    function save() {
        const button = saveButton()
        if (!button || !button.enabled || nameField.text === "") return
        nameField.editingFinished()  // the dialog takes the typed name, as on leaving the field
        button.clicked()             // then saves as the button does (an existing file is asked about)
    }
}
