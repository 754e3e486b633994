// The 3D model files that could not be loaded, a line each (where the window looked, the
// objects using it, why); those objects are drawn as their boxes instead, so the park stays
// readable (docs/park-format.md, "model"). Six lines show and the rest scroll, so that a park
// missing many models keeps its view; × hides the notice until the problems change. Hidden
// while presenting and while a tour video is recorded: it would sit on the tour's title.
import QtQuick
import QtQuick.Controls
import ParkTwin

Rectangle {
    id: root
    objectName: "modelProblems"
    readonly property var lines: ParkController.scene.modelProblems
    readonly property string shownLines: lines.join("\n")
    // The lines showing when the user closed the notice: it stays closed while they are the same.
    property string closedOn: ""
    readonly property int maxVisibleLines: 6
    // From the view's size, not the notice's own (whose width follows its lines).
    readonly property real widthLimit: Math.min(parent ? parent.width * 0.7 : 480, 760)
    visible: lines.length > 0 && shownLines !== closedOn && !ParkController.presenting && !ViewState.recording
    width: Math.min(widthLimit, Math.max(header.implicitWidth, list.implicitWidth + 12) + 20)
    height: header.height + 4 + scroller.height + (more.visible ? more.height + 2 : 0) + 12
    radius: 6
    color: "#f2fff4e0"
    border.color: "#e8a200"

    // Lines below the visible ones, for the "+N more" line (none once scrolled to the end).
    readonly property int linesBelow: {
        const bottom = scroller.contentY + scroller.height + 1
        let count = 0
        for (let i = 0; i < lineRepeater.count; ++i) {
            const line = lineRepeater.itemAt(i)
            if (line && line.y + line.height > bottom) ++count
        }
        return count
    }
    Row {
        id: header
        x: 10
        y: 4
        spacing: 6
        Label {
            id: title
            anchors.verticalCenter: parent.verticalCenter
            text: qsTr("3D models not loaded (drawn as boxes):")
            font.bold: true
            color: "#5a3d00"
        }
        ToolButton {
            objectName: "closeModelProblems"
            anchors.verticalCenter: parent.verticalCenter
            implicitWidth: 24
            implicitHeight: 24
            padding: 0
            text: "×"
            ToolTip.visible: hovered
            ToolTip.text: qsTr("Hide until the model problems change")
            onClicked: root.closedOn = root.shownLines
        }
    }
    Flickable {
        id: scroller
        objectName: "modelProblemLines"
        x: 10
        y: header.y + header.height + 2
        width: root.width - 20
        // Whole lines: up to the end of the last one allowed (a wrapped line takes two rows).
        height: {
            const last = lineRepeater.count > root.maxVisibleLines ? lineRepeater.itemAt(root.maxVisibleLines - 1) : null
            return last ? last.y + last.height : contentHeight
        }
        contentHeight: list.implicitHeight
        clip: true
        boundsBehavior: Flickable.StopAtBounds
        ScrollBar.vertical: ScrollBar { policy: scroller.contentHeight > scroller.height + 1 ? ScrollBar.AlwaysOn : ScrollBar.AlwaysOff }
        Column {
            id: list
            spacing: 2
            Repeater {
                id: lineRepeater
                model: root.lines
                Label {
                    text: modelData
                    color: "#5a3d00"
                    wrapMode: Text.Wrap  // at spaces, else anywhere (a long path)
                    width: Math.min(implicitWidth, root.widthLimit - 32)
                }
            }
        }
    }
    Label {
        id: more
        objectName: "moreModelProblems"
        x: 10
        y: scroller.y + scroller.height + 2
        visible: root.linesBelow > 0
        text: qsTr("+%n more (scroll)", "", root.linesBelow)
        font.italic: true
        color: "#5a3d00"
    }
}
