// A replayed history file recorded for another park (--park jiulong --replay beidu.db): the
// scene would show nothing useful and say nothing, so a banner names the file and how many of
// this park's tags it holds (ParkController.replayParkMismatch; the rule and its words are
// twin/model's history_fit). Placed at the top of the view, left of the compass, as the other
// banners; they never show together (those are live, this a local replay).
import QtQuick
import QtQuick.Controls
import ParkTwin

Rectangle {
    objectName: "replayParkBanner"
    visible: ParkController.replayParkMismatch !== "" && !ParkController.presenting
    anchors { left: parent.left; right: parent.right; top: parent.top; margins: 12; rightMargin: 100 }
    height: mismatchText.implicitHeight + 16
    radius: 6
    color: "#fff4e5"
    border.color: "#e08a00"
    Label {
        id: mismatchText
        objectName: "replayParkText"
        anchors { fill: parent; margins: 8 }
        text: ParkController.replayParkMismatch
        wrapMode: Text.Wrap
        color: "#7a4a00"
    }
}
