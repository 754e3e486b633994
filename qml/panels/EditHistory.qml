// Edit mode's history: Undo and Redo, and the list of edits, where a click goes back (or
// forward) to that entry. It stands under the asset tree, whose column has height to spare: in
// the editor's column, beside a building's fields, it got one row at 1366x768 (QA).
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import ParkTwin

ColumnLayout {
    id: root
    objectName: "editHistory"
    readonly property int rowHeight: 26
    spacing: 4
    RowLayout {
        Layout.leftMargin: 10
        Layout.rightMargin: 10
        Label { text: qsTr("History"); font.bold: true; Layout.fillWidth: true }
        Button { objectName: "undoButton"; text: qsTr("Undo"); enabled: ParkEditor.canUndo; onClicked: ParkEditor.undo() }
        Button { objectName: "redoButton"; text: qsTr("Redo"); enabled: ParkEditor.canRedo; onClicked: ParkEditor.redo() }
    }
    ListView {
        id: historyList
        objectName: "historyList"
        Layout.fillWidth: true
        Layout.fillHeight: true
        Layout.minimumHeight: 5 * root.rowHeight
        clip: true
        boundsBehavior: Flickable.StopAtBounds
        ScrollBar.vertical: ScrollBar {}
        // Row 0 is the park as opened; row i the state after the i-th entry.
        model: [qsTr("Opened park")].concat(Array.from(ParkEditor.history))
        // The newest edit stays in view as the list grows.
        onCountChanged: positionViewAtEnd()
        delegate: ItemDelegate {
            required property string modelData
            required property int index
            width: historyList.width
            height: root.rowHeight
            highlighted: index === ParkEditor.undoCount
            // The style's 12 px above and below leave a 26 px row 2 px for its text, which then
            // hung from the top padding onto the row's lower edge (QA): the text takes the row's
            // height, centred in it.
            topPadding: 0
            bottomPadding: 0
            contentItem: Label {
                text: parent.modelData
                elide: Text.ElideRight
                verticalAlignment: Text.AlignVCenter
                color: parent.index <= ParkEditor.undoCount ? "#1b2733" : "#9aa6b2"
            }
            onClicked: ParkEditor.undoTo(index)
        }
    }
}
