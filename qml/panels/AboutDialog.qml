// About ParkTwin: version, licence, and the libraries it is built on.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts

Dialog {
    id: root
    title: qsTr("About ParkTwin")
    modal: true
    standardButtons: Dialog.Ok
    width: 520
    ColumnLayout {
        anchors.fill: parent
        spacing: 8
        Label {
            objectName: "aboutVersion"
            text: qsTr("ParkTwin %1").arg(Qt.application.version)
            font.pixelSize: 20
            font.bold: true
        }
        Label {
            Layout.fillWidth: true
            wrapMode: Text.Wrap
            text: qsTr("A 3D digital twin of an industrial park, for park managers, investors and planners.")
        }
        Label {
            Layout.fillWidth: true
            wrapMode: Text.Wrap
            text: qsTr("Licence: Apache License 2.0.")
        }
        Label {
            Layout.fillWidth: true
            wrapMode: Text.Wrap
            color: "#5b6b78"
            text: qsTr("Built with Qt 6 and Qt Quick 3D (LGPL-3.0), SQLite (public domain), Boost.Graph (BSL-1.0), nlohmann-json (MIT), CLI11 (BSD-3-Clause) and libmosquitto (EPL-2.0/EDL-1.0).")
        }
    }
}
