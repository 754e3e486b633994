// Why a park's flows cannot be solved (no material or energy links, no origin...), shown in the
// KPI bar's place rather than nothing at all: FlowController.problem, one translated line per
// network the twin could not build.
import QtQuick
import ParkTwin

Rectangle {
    width: problemText.width + 24
    height: problemText.height + 14
    radius: 6
    color: "#ee1f3347"
    Text {
        id: problemText
        objectName: "flowProblemText"
        anchors.centerIn: parent
        width: Math.min(unwrapped.implicitWidth, 460)
        wrapMode: Text.Wrap
        textFormat: Text.PlainText
        text: qsTr("The flows cannot be shown:") + "\n" + ParkController.flows.problem
        color: "white"; font.pixelSize: 13
    }
    // The widest line as written: a wrapped Text's own implicitWidth follows the width it is given.
    Text { id: unwrapped; visible: false; text: problemText.text; font: problemText.font; textFormat: Text.PlainText }
}
