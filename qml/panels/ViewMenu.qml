// The header's View button and its menu: night mode, shadows and the plain look. Shadows
// default to on only with a GPU (ViewState.watchRenderer); the choice made here is kept.
import QtQuick
import QtQuick.Controls
import ParkTwin

HeaderButton {
    id: root
    objectName: "viewButton"
    readonly property alias menu: menu
    text: qsTr("View")
    onClicked: menu.popup(0, height)

    Menu {
        id: menu
        objectName: "viewMenu"
        width: 300
        MenuItem {
            objectName: "nightItem"
            text: qsTr("Night mode")
            checkable: true
            checked: ViewState.night
            onTriggered: ViewState.night = checked
        }
        MenuItem {
            objectName: "shadowsItem"
            text: qsTr("Shadows")
            checkable: true
            checked: ViewState.shadows
            onTriggered: ViewState.shadows = checked
        }
        MenuItem {
            objectName: "plainLookItem"
            text: qsTr("Plain look (fastest)")
            checkable: true
            checked: ViewState.plainLook
            onTriggered: ViewState.plainLook = checked
        }
        MenuSeparator {}
        MenuItem {
            enabled: false
            text: qsTr("Renderer: %1").arg(ViewState.renderer === "" ? "…" : ViewState.renderer)
        }
    }
}
