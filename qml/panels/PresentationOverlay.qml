// Presentation mode for investors: the tour's caption and KPI call-outs over a full-screen
// park, with play/pause, previous, next and exit. Read-only: nothing here changes data. It opens
// on the first stop and waits for Play tour: the presenter starts when the room is ready (the
// user guide, §6, says so). Main.qml lays it above a replay's timeline, which stays usable.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import ParkTwin

Item {
    id: root
    readonly property var tour: ParkController.tour
    property bool showControls: true
    // What the scene's labels keep clear of (ParkView.labelKeepOut).
    readonly property var keepOut: [callouts, captionBox, controls]
    // How far up from its bottom the tour's controls cover the park (ParkView.coveredBottom).
    readonly property real coveredBottom: visible && showControls ? height - controls.y : 0
    signal exitRequested()

    // A bar button as wide as its widest text, so that the buttons to its right stay put under
    // the presenter's mouse when Play tour turns to Pause (QA).
    component SteadyButton: HeaderButton {
        id: steady
        property var texts: []
        FontMetrics { id: metrics; font: steady.contentItem.font }
        Layout.preferredWidth: Math.ceil(Math.max(...texts.map(t => metrics.advanceWidth(t)))) + leftPadding + rightPadding
    }

    // Title and KPI call-outs, top left.
    Column {
        id: callouts
        anchors { left: parent.left; top: parent.top; margins: 28 }
        spacing: 12
        Label {
            text: root.tour.name !== "" ? root.tour.name : ParkController.parkName
            color: "white"
            font.pixelSize: 26
            font.bold: true
            style: Text.Outline
            styleColor: "#80000000"
        }
        Repeater {
            model: root.tour.kpis
            Rectangle {
                width: kpiColumn.implicitWidth + 28
                height: kpiColumn.implicitHeight + 18
                radius: 8
                color: "#e61f3347"
                Column {
                    id: kpiColumn
                    anchors.centerIn: parent
                    Label { text: modelData.label; color: "#9fd3ff"; font.pixelSize: 14 }
                    Label { text: modelData.value; color: "white"; font.pixelSize: 24; font.bold: true }
                }
            }
        }
    }

    // Caption, bottom centre.
    Rectangle {
        id: captionBox
        objectName: "captionBox"
        visible: root.tour.caption !== ""
        anchors { horizontalCenter: parent.horizontalCenter; bottom: controls.top; bottomMargin: 18 }
        width: Math.min(parent.width * 0.8, captionText.implicitWidth + 48)
        height: captionText.implicitHeight + 28
        radius: 10
        color: "#e6ffffff"
        border.color: "#1f3347"
        Label {
            id: captionText
            objectName: "captionText"
            anchors.centerIn: parent
            width: Math.min(implicitWidth, root.width * 0.8 - 48)
            text: root.tour.caption
            wrapMode: Text.Wrap
            horizontalAlignment: Text.AlignHCenter
            font.pixelSize: 22
            color: "#1b2733"
        }
    }

    // Tour controls and progress, bottom.
    Rectangle {
        id: controls
        objectName: "presentationControls"
        opacity: root.showControls ? 1 : 0
        anchors { horizontalCenter: parent.horizontalCenter; bottom: parent.bottom; bottomMargin: 20 }
        width: row.implicitWidth + 24
        height: row.implicitHeight + 16
        radius: 8
        color: "#cc1f3347"
        RowLayout {
            id: row
            anchors.centerIn: parent
            spacing: 8
            // A park without a tour (the user's own, at first) presents its view: no stops to step.
            HeaderButton { text: qsTr("Previous"); enabled: root.tour.stopCount > 0; onClicked: root.tour.previous() }
            SteadyButton {
                objectName: "tourPlayButton"
                texts: [qsTr("Play tour"), qsTr("Pause")]
                enabled: root.tour.stopCount > 0
                text: root.tour.playing ? qsTr("Pause") : qsTr("Play tour")
                onClicked: root.tour.togglePlay()
            }
            HeaderButton { text: qsTr("Next"); enabled: root.tour.stopCount > 0; onClicked: root.tour.next() }
            // A tour that cannot be read says why (twin words it in the window's language).
            Label {
                objectName: "tourStopLabel"
                color: "white"
                text: root.tour.stopCount > 0 ? qsTr("Stop %1 of %2").arg(root.tour.stopIndex + 1).arg(root.tour.stopCount)
                      : root.tour.error !== "" ? root.tour.error : qsTr("No tour for this park")
                Layout.leftMargin: 8
                Layout.maximumWidth: 640
                wrapMode: Text.Wrap
                maximumLineCount: 4
                elide: Text.ElideRight
            }
            SteadyButton {
                objectName: "presentNightButton"
                texts: [qsTr("Day"), qsTr("Night")]
                text: ViewState.night ? qsTr("Day") : qsTr("Night")
                onClicked: ViewState.night = !ViewState.night
            }
            HeaderButton {
                text: ParkController.language === "zh" ? "English" : "中文"
                onClicked: ParkController.chooseLanguage(ParkController.language === "zh" ? "en" : "zh")
            }
            HeaderButton { text: qsTr("Exit presentation"); onClicked: root.exitRequested() }
        }
    }
}
