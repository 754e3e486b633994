// About ParkTwin: the version (one number, project(VERSION) in CMake, reaching QML through
// Qt.application.version), the licence and the libraries ParkTwin is built on.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts

Dialog {
    id: root
    objectName: "aboutDialog"
    title: qsTr("About ParkTwin")
    modal: true
    // Our own Close button, not standardButtons: Qt's standard button texts come from Qt's own
    // translations, which this package does not ship, so a Chinese window showed "Close".
    footer: DialogButtonBox {
        Button {
            objectName: "closeDialogButton"
            text: qsTr("Close")
            DialogButtonBox.buttonRole: DialogButtonBox.RejectRole
        }
    }
    width: 640

    // Name, what ParkTwin uses it for, and its licence. Names stay untranslated.
    readonly property var libraries: [
        ["Qt 6.4 (Qt Quick, Qt Quick 3D)", qsTr("window, 3D scene, translations"), "LGPL-3.0"],
        ["SQLite", qsTr("historian files"), qsTr("public domain")],
        ["Boost.Graph", qsTr("material and energy networks"), "BSL-1.0"],
        ["nlohmann-json", qsTr("park, tour and scenario files"), "MIT"],
        ["CLI11", qsTr("parktwin-cli command line"), "BSD-3-Clause"],
        ["libmosquitto", qsTr("live data over MQTT"), "EPL-2.0 / EDL-1.0"]
    ]

    ColumnLayout {
        anchors.fill: parent
        spacing: 10

        RowLayout {
            spacing: 14
            Image {
                source: "qrc:/ParkTwin/icons/parktwin.png"
                sourceSize: Qt.size(64, 64)
                visible: status === Image.Ready
            }
            ColumnLayout {
                spacing: 2
                Label { text: "ParkTwin"; font.bold: true; font.pixelSize: 20 }
                Label {
                    objectName: "aboutVersion"
                    text: qsTr("Version %1").arg(Qt.application.version)
                }
            }
        }
        Label {
            Layout.fillWidth: true
            wrapMode: Text.WordWrap
            text: qsTr("A 3D digital twin of an industrial park for park managers, investors and planners.")
        }
        Label {
            objectName: "aboutLicence"
            Layout.fillWidth: true
            wrapMode: Text.WordWrap
            text: qsTr("Licensed under the Apache License, Version 2.0 (see LICENSE, or /usr/share/doc/parktwin/copyright when installed).")
        }
        Label { text: qsTr("Built with"); font.bold: true; Layout.topMargin: 6 }
        GridLayout {
            Layout.fillWidth: true
            columns: 3
            columnSpacing: 16
            rowSpacing: 4
            Repeater {
                model: root.libraries.length * 3
                Label {
                    required property int index
                    text: root.libraries[Math.floor(index / 3)][index % 3]
                    font.bold: index % 3 === 0
                    color: index % 3 === 2 ? "#5a6b7b" : palette.windowText
                }
            }
        }
    }
}
