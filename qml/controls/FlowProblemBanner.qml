// Why a park's flows cannot be solved (no material or energy links, no origin...), shown in the
// KPI bar's place rather than nothing at all: FlowController.problem, one translated line per
// network the twin could not build.
import QtQuick
import ParkTwin

Rectangle {
    width: Math.min(problemText.implicitWidth, 460) + 24
    height: problemText.height + 14
    radius: 6
    color: "#ee1f3347"
    Text {
        id: problemText
        objectName: "flowProblemText"
        anchors.centerIn: parent
        width: Math.min(implicitWidth, 460)
        wrapMode: Text.Wrap
        textFormat: Text.PlainText
        text: qsTr("The flows cannot be shown:") + "\n" + ParkController.flows.problem
        color: "white"; font.pixelSize: 13
    }
}
