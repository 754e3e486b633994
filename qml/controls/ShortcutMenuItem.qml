// A menu item that shows its keyboard shortcut on the right, greyed (Qt 6.4's Basic MenuItem
// has no place for one).
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts

MenuItem {
    id: control
    property string shortcutText: ""
    contentItem: RowLayout {
        spacing: 16
        Label {
            Layout.fillWidth: true
            text: control.text
            color: control.enabled ? "#1b2733" : "#9aa5b1"
            elide: Text.ElideRight
        }
        Label {
            visible: control.shortcutText !== ""
            text: control.shortcutText
            color: "#7a8794"
        }
    }
}
