// The asset tree: park → enterprise → building → line → machines. Clicking selects; a
// selection made elsewhere (in the 3D view) expands the tree and scrolls to it. While editing,
// the edit history stands below it.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import ParkTwin

Pane {
    id: root
    padding: 0
    property alias tree: tree
    signal activated(string objectId)

    ColumnLayout {
        anchors.fill: parent
        spacing: 0
        Label {
            text: qsTr("Assets")
            font.bold: true
            padding: 10
            Layout.fillWidth: true
        }
        TreeView {
            id: tree
            objectName: "assetTree"
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            model: ParkController.assetTree
            boundsBehavior: Flickable.StopAtBounds
            ScrollBar.vertical: ScrollBar {}
            Component.onCompleted: expandRecursively(0, 1)
            readonly property TreeExpansionKeeper keeper: TreeExpansionKeeper { tree: tree }
            Connections {
                target: ParkController
                function onParkChanged() { Qt.callLater(() => tree.expandRecursively(0, 1)) }
            }
            Connections {
                target: ParkController.selection
                function onChanged() {
                    if (ParkController.selection.objectId === "") return
                    const index = ParkController.assetTree.indexOfObject(ParkController.selection.objectId)
                    if (!index.valid) return
                    tree.expandToIndex(index)
                    Qt.callLater(() => {
                        const row = tree.cellAtIndex(index).y
                        if (row >= 0) tree.positionViewAtRow(row, TableView.Contain)
                    })
                }
            }
            delegate: TreeViewDelegate {
                id: node
                implicitWidth: tree.width
                implicitHeight: 28
                indentation: 14
                readonly property bool chosen: model.objectId === ParkController.selection.objectId
                highlighted: chosen
                contentItem: Label {
                    text: model.display
                    elide: Text.ElideRight
                    font.bold: node.chosen
                    color: node.chosen ? "#7a4f00" : "#1b2733"
                }
                background: Rectangle { color: node.chosen ? "#ffe9a8" : (node.row % 2 ? "#f4f6f8" : "white") }
                onClicked: root.activated(model.objectId)
            }
        }
        // While editing, the edits below the tree: a third of the column, and five rows at least.
        EditHistory {
            visible: ParkEditor.editing
            Layout.fillWidth: true
            Layout.fillHeight: false  // a layout fills by default: the tree takes the rest
            Layout.preferredHeight: Math.max(implicitHeight, root.height / 3)
            Layout.bottomMargin: 6
        }
    }
}
