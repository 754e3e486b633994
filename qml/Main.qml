// ParkTwin main window: asset tree | 3D park | inspector, with a header for the file, the park
// and language and a status bar with the park's counts.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import ParkTwin

ApplicationWindow {
    id: window
    width: 1600
    height: 900
    visible: true
    title: ParkController.loaded ? fileActions.windowTitle : "ParkTwin"
    readonly property alias parkView: parkView
    readonly property alias fileActions: fileActions
    readonly property bool sceneReady: parkView.sceneReady && ParkController.scenarios.state !== "running"
                                       && ParkController.connections.settled
    // For --screenshot-info: what the data source said and how many tags it gave values for.
    readonly property string dataStatus: ParkController.timeline.status
    readonly property int dataValueCount: ParkController.timeline.valueCount

    function focusObject(objectId, immediate) {
        ParkController.selection.select(objectId)
        if (objectId !== "") parkView.focusOn(objectId, immediate === true)
    }

    // --open FILE and --show-menu file|about|data|data:PART (app/startup.cpp); PART is a part of the
    // Data dialog to scroll to (connections, server...).
    function openParkFile(path) { ParkDocument.open(path) }
    function showMenu(name) {
        if (name === "file") fileMenu.menu.popup(fileMenu, 0, fileMenu.height)
        else if (name === "data") dataDialog.open()
        else if (name.startsWith("data:")) dataDialog.showPart(name.slice(5))
        else if (name === "about") aboutDialog.open()
    }

    Connections {
        target: ParkController
        function onParkChanged() { if (ParkController.loaded) parkView.fitPark(true) }
    }
    // --select (ParkDocument.selectWhenShown): selected once its park is shown; the camera follows.
    Connections {
        target: ParkDocument
        function onFocusRequested(objectId) { parkView.focusOn(objectId, true) }
    }
    // Flows on screen follow the replay or live step they are shown at (re-solved off the GUI thread).
    Binding {
        target: ParkController.flows
        property: "followTimeline"
        value: ViewState.showFlows || ViewState.showSankey
    }
    // Unsaved changes are asked about first; once answered, ParkDocument lets the window go.
    onClosing: (close) => { close.accepted = ParkDocument.requestClose() }
    FileActions {
        id: fileActions
        active: !window.presenting
        onCloseApproved: window.close()
    }
    property bool showProblems: false
    Connections {
        target: ParkDocument
        function onProblemsChanged() { window.showProblems = ParkDocument.problems.length > 0 }
    }
    // Started presenting (--present): the tour was loaded and set to its start before this window
    // existed, so its pose never reached the view; show the first stop, not a fitted park.
    Component.onCompleted: {
        if (presenting && ParkController.tour.loaded) ParkController.tour.setTime(0)
        else if (ParkController.loaded) parkView.fitPark(true)
    }

    // Presentation: full screen (unless rendering headless), no panels, the tour on top.
    readonly property bool presenting: ParkController.presenting
    onPresentingChanged: {
        if (presenting && ViewState.allowFullScreen) window.showFullScreen()
        else if (!presenting && window.visibility === Window.FullScreen) window.showNormal()
        if (presenting && ParkController.tour.loaded) ParkController.tour.setTime(0)
    }
    Shortcut {
        sequence: "Esc"
        enabled: window.presenting
        onActivated: ParkController.presenting = false
    }

    header: ToolBar {
        visible: !window.presenting
        background: Rectangle { color: "#1f3347" }
        RowLayout {
            anchors.fill: parent
            anchors.leftMargin: 12
            anchors.rightMargin: 12
            // 8, not 12, and the buttons' side padding of 6: at 1280 px the full English title of
            // Beidu then fits beside the eleven buttons (it was elided by about 90 px).
            spacing: 8
            Label {
                text: "ParkTwin"
                color: "#9fd3ff"
                font.bold: true
                font.pixelSize: 18
            }
            FileMenu { id: fileMenu; actions: fileActions }
            Label {
                objectName: "parkTitle"
                text: ParkController.parkName
                color: "white"
                font.pixelSize: 16
                // Gives way (elided) before the header's buttons do on a narrow window, but only
                // after the description has given up all its room (its preferred width is 0).
                elide: Text.ElideRight
                Layout.fillWidth: true
                // Whole pixels, and a short name's minimum no more than its width: a minimum above
                // the maximum elided "Chongqing site" in an empty header (QA, 6 Dec).
                Layout.maximumWidth: Math.ceil(implicitWidth)
                Layout.minimumWidth: Math.min(120, Math.ceil(implicitWidth))
            }
            Label {
                objectName: "parkDescription"
                Layout.fillWidth: true
                Layout.preferredWidth: 0
                // A sliver of it would be a lone "…" (transparent, so the layout stays as it is).
                opacity: width < 48 ? 0 : 1
                text: ParkController.parkDescription
                color: "#b8c7d6"
                elide: Text.ElideRight
            }
            // Night mode, shadows and the plain look (the header has no room for more buttons at 1280 px).
            ViewMenu { id: viewMenu }
            HeaderButton {
                objectName: "editButton"
                text: ParkEditor.editing ? qsTr("Done editing") : qsTr("Edit")
                onClicked: ParkEditor.editing = !ParkEditor.editing
            }
            HeaderButton {
                objectName: "flowsButton"
                // One word whether on or off (lit while on): "Hide flows" was 40 px wider and
                // elided Beidu's title at 1280 px whenever the flows were shown.
                text: qsTr("Flows")
                checked: ViewState.showFlows
                onClicked: ViewState.showFlows = !ViewState.showFlows
            }
            HeaderButton {
                objectName: "balanceButton"
                text: qsTr("Balance")
                onClicked: ViewState.showSankey = !ViewState.showSankey
            }
            HeaderButton {
                objectName: "scenariosButton"
                text: qsTr("Scenarios")
                onClicked: ViewState.showScenarios = !ViewState.showScenarios
            }
            HeaderButton {
                objectName: "dataButton"
                text: qsTr("Data…")
                onClicked: dataDialog.open()
            }
            HeaderButton {
                objectName: "presentButton"
                text: qsTr("Present")
                // Any park can be presented; one without a tour shows its view (PresentationOverlay).
                onClicked: ParkController.presenting = true
            }
            HeaderButton {
                objectName: "exportPngButton"
                text: qsTr("Export PNG…")
                onClicked: exportDialog.open()
            }
            HeaderButton {
                objectName: "fitButton"
                text: qsTr("Fit park")
                onClicked: parkView.fitPark(false)
            }
            HeaderButton {
                objectName: "aboutButton"
                text: qsTr("About")
                onClicked: aboutDialog.open()
            }
            HeaderButton {
                objectName: "languageButton"
                // Names the language you switch to, in that language.
                text: ParkController.language === "zh" ? "English" : "中文"
                onClicked: ParkController.chooseLanguage(ParkController.language === "zh" ? "en" : "zh")
            }
        }
    }

    SplitView {
        anchors.fill: parent
        orientation: Qt.Horizontal

        AssetTreePanel {
            id: assetPanel
            visible: !window.presenting
            SplitView.preferredWidth: 300
            SplitView.minimumWidth: 200
            onActivated: (objectId) => window.focusObject(objectId)
        }

        ParkView {
            id: parkView
            SplitView.fillWidth: true
            showFlows: ViewState.showFlows
            machinesOnly: ViewState.machinesOnly
            labelKeepOut: presentationOverlay.keepOut.concat([scenarioPanel, problemsPanel, serverParkBanner, replayParkBanner])
            coveredBottom: presentationOverlay.coveredBottom
            noticeTop: [clearTextBanner, serverParkBanner, replayParkBanner].reduce((below, b) => b.visible ? Math.max(below, b.y + b.height) : below, 0)
            onObjectPicked: (objectId) => ParkController.selection.select(objectId)

            Rectangle {
                objectName: "errorBanner"
                visible: ParkController.errorText !== ""
                anchors { left: parent.left; right: parent.right; top: parent.top; margins: 12 }
                height: errorText.implicitHeight + 20
                radius: 6
                color: "#fdecea"
                border.color: "#d64545"
                Label {
                    id: errorText
                    anchors { fill: parent; margins: 10 }
                    text: qsTr("The park file could not be loaded:") + "\n" + ParkController.errorText
                    wrapMode: Text.Wrap
                    color: "#8a1f1f"
                }
            }
            Rectangle {
                id: clearTextBanner
                objectName: "clearTextBanner"
                visible: ParkController.timeline.sendsInTheClear
                anchors { left: parent.left; right: parent.right; top: parent.top; margins: 12 }
                height: clearTextLabel.implicitHeight + 16
                radius: 6
                color: "#fff4e5"
                border.color: "#e08a00"
                Label {
                    id: clearTextLabel
                    anchors { fill: parent; margins: 8 }
                    text: qsTr("Live data from %1 without TLS: the feed and the password cross the network unencrypted. Connect with a CA file (Data…) to encrypt it.")
                          .arg(ParkController.timeline.source)
                    wrapMode: Text.Wrap
                    color: "#7a4a00"
                }
            }
            ServerParkBanner { id: serverParkBanner; below: clearTextBanner }
            ReplayParkBanner { id: replayParkBanner }
            SankeyPanel {
                visible: ViewState.showSankey && !window.presenting
                anchors { left: parent.left; top: parent.top; bottom: parent.bottom; bottomMargin: parkView.timelineSpace }
                width: parent.width - (ViewState.showScenarios ? Math.min(440, parent.width * 0.45) : 0)
                side: ViewState.balanceSide
                onSideChanged: ViewState.balanceSide = side
                onCloseRequested: ViewState.showSankey = false
            }
            ScenarioPanel {
                id: scenarioPanel
                visible: ViewState.showScenarios && !window.presenting
                anchors { right: parent.right; top: parent.top; bottom: parent.bottom; bottomMargin: parkView.timelineSpace }
                // 380 px at least: its buttons and the Baseline | Scenario row need that much.
                width: Math.min(440, Math.max(380, parent.width * 0.45))
                onCloseRequested: ViewState.showScenarios = false
            }
            ProblemsPanel {
                id: problemsPanel
                visible: window.showProblems && !window.presenting
                anchors { left: parent.left; right: parent.right; bottom: parent.bottom; bottomMargin: parkView.timelineSpace }
                height: Math.min(280, parent.height * 0.45)
                onFocusRequested: (objectId) => window.focusObject(objectId)
                onCloseRequested: window.showProblems = false
            }
            BuildingHandles {
                anchors.fill: parent
                scene: parkView
            }
            PresentationOverlay {
                id: presentationOverlay
                anchors { fill: parent; bottomMargin: parkView.timelineSpace }  // above a replay's timeline (QA)
                showControls: !ViewState.recording
                visible: window.presenting
                onExitRequested: ParkController.presenting = false
            }
        }

        SplitView {
            visible: !window.presenting
            orientation: Qt.Vertical
            SplitView.preferredWidth: ParkEditor.editing ? 440 : 320  // room for the forms' label | field rows
            SplitView.minimumWidth: 220
            EditorPanel {
                visible: ParkEditor.editing
                // The palette, and a building's fields when one is selected (the history is under the tree).
                SplitView.preferredHeight: implicitHeight
                viewCentre: Qt.point(parkView.target.x, -parkView.target.z)
            }
            ShapeToolsPanel {
                visible: ParkEditor.editing
                SplitView.preferredHeight: implicitHeight
            }
            ObjectFormsPanel {
                visible: ParkEditor.editing
                SplitView.preferredHeight: 400
                SplitView.minimumHeight: 200
                viewCentre: Qt.point(parkView.target.x, -parkView.target.z)
            }
            InspectorPanel {
                objectName: "inspectorPanel"
                visible: !ParkEditor.editing  // the object forms take its room while editing
                SplitView.fillHeight: true
            }
            AlarmPanel {
                visible: !ParkEditor.editing  // room for the editor; alarms come back when done
                SplitView.preferredHeight: 300
                onFocusRequested: (objectId) => window.focusObject(objectId)
            }
        }
    }

    EditShortcuts {}
    ParkDropArea {
        anchors.fill: parent
        active: !window.presenting
    }

    DataSourceDialog {
        id: dataDialog
        anchors.centerIn: parent
    }
    ExportDialog {
        id: exportDialog
        anchors.centerIn: parent
        sourceView: parkView
    }
    AboutDialog {
        id: aboutDialog
        anchors.centerIn: parent
    }

    footer: ToolBar {
        visible: !window.presenting
        background: Rectangle { color: "#eef2f5" }
        RowLayout {
            anchors.fill: parent
            anchors.leftMargin: 12
            anchors.rightMargin: 12
            Label {
                objectName: "statusSummary"
                text: {
                    if (!ParkController.loaded) return qsTr("No park loaded")
                    // One or many, each its own sentence ("1 enterprise", "2 enterprises"; Chinese
                    // has one form). A local function: a method of the label is gone while the
                    // window is torn down, and the binding may still run then.
                    const counted = (n, one, many) => (n === 1 ? one : many).arg(n)
                    const s = ParkController.scene.summary
                    return [counted(s.buildings, qsTr("%1 building"), qsTr("%1 buildings")),
                            counted(s.enterprises, qsTr("%1 enterprise"), qsTr("%1 enterprises")),
                            counted(s.lines, qsTr("%1 line"), qsTr("%1 lines")),
                            counted(s.machines, qsTr("%1 machine"), qsTr("%1 machines")),
                            counted(s.tags, qsTr("%1 tag"), qsTr("%1 tags"))].join(" · ")
                }
                color: "#33414e"
            }
            Label {
                objectName: "timelineStatus"
                visible: ParkController.timeline.status !== ""
                text: "· " + ParkController.timeline.status
                color: ParkController.timeline.mode === "live" && !ParkController.timeline.connected ? "#b03030" : "#33414e"
            }
            Label {
                objectName: "selectProblem"
                visible: ParkDocument.selectProblem !== ""
                text: "· " + ParkDocument.selectProblem
                color: "#b03030"
            }
            Label {
                objectName: "recordingError"
                visible: ParkController.timeline.recordingError !== ""
                text: "· " + ParkController.timeline.recordingError
                color: "#b03030"
                font.bold: true
                elide: Text.ElideRight
                Layout.fillWidth: true
            }
            Item { Layout.fillWidth: true; visible: ParkController.timeline.recordingError === "" }
            Label {
                text: qsTr("Drag: rotate · Right-drag: pan · Wheel: zoom · F: fit")
                color: "#6b7785"
            }
        }
    }
}
