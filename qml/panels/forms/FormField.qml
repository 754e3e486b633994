// One field's editor in a FormCard, by its type (object_form_fields.hpp): zh and en names side
// by side, text, a number (plain digits with a dot, as the park file writes them), a check
// box or a kind. A change goes to ObjectForms.setValue on Enter or when the field is left.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import ParkTwin

Loader {
    id: root
    required property var field
    sourceComponent: field.type === "names" ? namesEditor
                     : field.type === "bool" ? boolEditor
                     : field.type === "kind" ? kindEditor : textEditor

    function shown(value) { return value === undefined || value === null ? "" : String(value) }

    Component {
        id: namesEditor
        RowLayout {
            spacing: 4
            Repeater {
                model: ["zh", "en"]
                TextField {
                    required property string modelData
                    objectName: "field:" + root.field.pointer + "/" + modelData
                    Layout.fillWidth: true
                    placeholderText: modelData === "zh" ? "中文" : "English"
                    text: root.field[modelData]
                    selectByMouse: true
                    Component.onCompleted: cursorPosition = 0  // a long name shows its start
                    onEditingFinished: if (text !== root.field[modelData]) ObjectForms.setValue(root.field.pointer + "/" + modelData, "text", text)
                }
            }
        }
    }
    Component {
        id: textEditor
        TextField {
            objectName: "field:" + root.field.pointer
            text: root.shown(root.field.value)
            selectByMouse: true
            Component.onCompleted: cursorPosition = 0
            validator: root.field.type === "integer" ? integerValidator : root.field.type === "text" ? null : numberValidator
            onEditingFinished: if (text !== root.shown(root.field.value)) ObjectForms.setValue(root.field.pointer, root.field.type, text)
            IntValidator { id: integerValidator }
            DoubleValidator { id: numberValidator; locale: "C" }
        }
    }
    Component {
        id: boolEditor
        CheckBox {
            objectName: "field:" + root.field.pointer
            checked: root.field.value === true
            onToggled: ObjectForms.setValue(root.field.pointer, "bool", checked)
        }
    }
    Component {
        id: kindEditor
        ComboBox {
            objectName: "field:" + root.field.pointer
            model: root.field.options
            textRole: "name"
            valueRole: "word"
            currentIndex: root.field.options.findIndex(o => o.word === root.field.value)
            onActivated: (index) => ObjectForms.setValue(root.field.pointer, "kind", root.field.options[index].word)
        }
    }
}
