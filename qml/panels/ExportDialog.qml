// Export the current 3D view as a PNG at any size: the camera, the data shown and the labels
// are those of the view; the picture is rendered afresh at the chosen size (not scaled).
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import ParkTwin

Dialog {
    id: root
    objectName: "exportDialog"
    title: qsTr("Export view as PNG")
    modal: true
    width: 560
    property Item sourceView
    property bool busy: exporter !== null
    property var exporter: null
    property string message: ""
    property bool failed: false

    readonly property var presets: [[1920, 1080], [3840, 2160], [1600, 900], [1280, 720]]

    onAboutToShow: {
        message = ""
        failed = false
        if (sourceView) {
            widthField.value = Math.round(sourceView.width)
            heightField.value = Math.round(sourceView.height)
        }
        pathField.text = WindowImage.defaultPath(ParkController.parkId)
    }

    function startExport() {
        if (busy) return
        failed = false
        message = qsTr("Rendering %1 × %2…").arg(widthField.value).arg(heightField.value)
        exporter = exportComponent.createObject(null, {
            width: widthField.value, height: heightField.value, path: pathField.text, sourceView: root.sourceView })
        exporter.finished.connect((ok, problem) => {
            failed = !ok
            message = ok ? qsTr("Saved %1").arg(exporter.path) : problem
            exporter.destroy()
            exporter = null
        })
        exporter.visible = true
    }

    Component {
        id: exportComponent
        ExportWindow {}
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: 10
        GridLayout {
            columns: 2
            columnSpacing: 10
            Label { text: qsTr("Size (pixels)") }
            RowLayout {
                SpinBox { id: widthField; objectName: "exportWidth"; from: 320; to: 8192; editable: true; value: 1920 }
                Label { text: "×" }
                SpinBox { id: heightField; objectName: "exportHeight"; from: 240; to: 8192; editable: true; value: 1080 }
            }
            Label { text: qsTr("Presets") }
            Flow {
                Layout.fillWidth: true
                spacing: 6
                Repeater {
                    model: root.presets
                    Button {
                        text: modelData[0] + " × " + modelData[1]
                        flat: true
                        onClicked: { widthField.value = modelData[0]; heightField.value = modelData[1] }
                    }
                }
            }
            Label { text: qsTr("File") }
            TextField { id: pathField; objectName: "exportPath"; Layout.fillWidth: true; selectByMouse: true }
        }
        Label {
            objectName: "exportMessage"
            Layout.fillWidth: true
            text: root.message
            wrapMode: Text.Wrap
            color: root.failed ? "#b03030" : "#33414e"
        }
        RowLayout {
            Layout.alignment: Qt.AlignRight
            Button {
                objectName: "exportButton"
                text: qsTr("Export")
                enabled: !root.busy && pathField.text !== ""
                onClicked: root.startExport()
            }
            Button {
                text: qsTr("Close")
                onClicked: root.close()
            }
        }
    }
}
