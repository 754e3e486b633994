// The form a Link drag ends in: material (a product, capacity in t/h) or energy (a carrier,
// capacity in kW), from the words the park reader accepts; OK adds the link (LinkEditor).
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import ParkTwin

Popup {
    id: root
    objectName: "linkForm"
    property string from: ""
    property string to: ""
    readonly property bool material: materialButton.checked
    modal: true
    padding: 14

    function ask(fromId, toId) {
        from = fromId
        to = toId
        capacityField.text = ""
        open()
    }
    // The new link's id, "" if refused.
    function accept() {
        const capacity = Number(capacityField.text)
        const id = material
            ? LinkEditor.addMaterialLink(from, to, LinkEditor.products[kindBox.currentIndex], capacity)
            : LinkEditor.addEnergyLink(from, to, LinkEditor.carriers[kindBox.currentIndex], capacity)
        if (id !== "") close()
        return id
    }

    ColumnLayout {
        spacing: 8
        Label {
            text: qsTr("New link")
            color: palette.placeholderText
            font.pixelSize: 11
        }
        // One line of names (describe() adds the kind on a line of its own: a tooltip's layout).
        Label {
            objectName: "linkTitle"
            text: "%1 → %2".arg(ParkController.nameOf(root.from) || root.from)
                           .arg(ParkController.nameOf(root.to) || root.to)
            font.bold: true
            Layout.maximumWidth: 360
            elide: Text.ElideMiddle
        }
        RowLayout {
            RadioButton { id: materialButton; objectName: "materialLinkButton"; text: qsTr("Material"); checked: true }
            RadioButton { objectName: "energyLinkButton"; text: qsTr("Energy") }
        }
        GridLayout {
            columns: 2
            Label { text: root.material ? qsTr("Product") : qsTr("Carrier") }
            ComboBox {
                id: kindBox
                objectName: "linkKindBox"
                Layout.preferredWidth: 220
                model: root.material ? LinkEditor.products : LinkEditor.carriers
                displayText: root.material ? LinkEditor.productName(currentText) : LinkEditor.carrierName(currentText)
                delegate: ItemDelegate {
                    required property string modelData
                    width: kindBox.width
                    text: root.material ? LinkEditor.productName(modelData) : LinkEditor.carrierName(modelData)
                }
            }
            Label { text: root.material ? qsTr("Capacity (t/h)") : qsTr("Capacity (kW)") }
            TextField {
                id: capacityField
                objectName: "linkCapacityField"
                Layout.fillWidth: true
                validator: DoubleValidator { bottom: 0; locale: "C" }
                selectByMouse: true
            }
        }
        Label {
            visible: ParkEditor.lastError !== ""
            Layout.maximumWidth: 320
            wrapMode: Text.Wrap
            color: "#b03030"
            text: ParkEditor.lastError
        }
        RowLayout {
            Layout.alignment: Qt.AlignRight
            Button { text: qsTr("Cancel"); onClicked: root.close() }
            Button {
                objectName: "linkOkButton"
                text: qsTr("Add link")
                enabled: Number(capacityField.text) > 0
                onClicked: root.accept()
            }
        }
    }
}
