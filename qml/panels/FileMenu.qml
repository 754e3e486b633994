// The header's File button and its menu: New, Open…, Open recent, Import GeoJSON…, Present tour…,
// Save, Save as…. The work is FileActions' (dialogs) and ParkDocument's (the file).
import QtQuick
import QtQuick.Controls
import ParkTwin

HeaderButton {
    id: root
    objectName: "fileButton"
    required property FileActions actions
    readonly property alias menu: menu
    text: qsTr("File")
    onClicked: menu.popup(0, height)

    Menu {
        id: menu
        objectName: "fileMenu"
        width: 300
        ShortcutMenuItem {
            objectName: "newParkItem"
            text: qsTr("New park")
            shortcutText: "Ctrl+N"
            onTriggered: ParkDocument.newPark()
        }
        ShortcutMenuItem {
            objectName: "openItem"
            text: qsTr("Open…")
            shortcutText: "Ctrl+O"
            onTriggered: root.actions.openFile()
        }
        Menu {
            id: recentMenu
            objectName: "recentMenu"
            title: qsTr("Open recent")
            width: 360
            Instantiator {
                model: ParkDocument.recent.entries
                delegate: MenuItem {
                    required property var modelData
                    objectName: "recentItem"
                    // A file that is gone stays listed, greyed, until removed below.
                    text: modelData.exists ? modelData.name : qsTr("%1 (missing)").arg(modelData.name)
                    enabled: modelData.exists
                    ToolTip.visible: hovered
                    ToolTip.text: modelData.path
                    onTriggered: ParkDocument.open(modelData.path)
                }
                onObjectAdded: (index, object) => recentMenu.insertItem(index, object)
                onObjectRemoved: (index, object) => recentMenu.removeItem(object)
            }
            MenuSeparator {}
            MenuItem {
                text: qsTr("Remove missing files")
                enabled: ParkDocument.recent.entries.some(e => !e.exists)
                onTriggered: ParkDocument.recent.removeMissing()
            }
            MenuItem {
                text: qsTr("Clear list")
                enabled: ParkDocument.recent.entries.length > 0
                onTriggered: ParkDocument.recent.clear()
            }
        }
        MenuItem {
            objectName: "importGeoJsonItem"
            text: qsTr("Import GeoJSON…")
            onTriggered: root.actions.importGeoJson()
        }
        MenuItem {
            objectName: "presentTourItem"
            text: qsTr("Present tour…")
            enabled: ParkController.loaded
            onTriggered: root.actions.presentTour()
        }
        MenuSeparator {}
        ShortcutMenuItem {
            objectName: "saveItem"
            text: qsTr("Save")
            shortcutText: "Ctrl+S"
            enabled: ParkController.loaded
            onTriggered: root.actions.saveFile()
        }
        ShortcutMenuItem {
            objectName: "saveAsItem"
            text: qsTr("Save as…")
            shortcutText: "Ctrl+Shift+S"
            enabled: ParkController.loaded
            onTriggered: root.actions.saveFileAs()
        }
    }
}
