// Edit mode's keys: undo, redo, duplicate, delete and rotate the selected building. Text fields
// keep the letters and Delete while they have focus (Qt gives them the key first).
import QtQuick
import ParkTwin

Item {
    id: root
    readonly property string selected: ParkEditor.building.id !== undefined ? ParkEditor.building.id : ""
    readonly property bool active: ParkEditor.editing

    Shortcut { sequence: "Ctrl+Z"; enabled: root.active; onActivated: ParkEditor.undo() }
    Shortcut { sequences: ["Ctrl+Shift+Z", "Ctrl+Y"]; enabled: root.active; onActivated: ParkEditor.redo() }
    Shortcut { sequence: "Ctrl+D"; enabled: root.active && root.selected !== ""; onActivated: ParkEditor.duplicate(root.selected) }
    Shortcut { sequence: "Delete"; enabled: root.active && root.selected !== ""; onActivated: ParkEditor.remove(root.selected) }
    Shortcut { sequence: "R"; enabled: root.active && root.selected !== ""; onActivated: ParkEditor.rotateBy(root.selected, 15) }
    Shortcut { sequence: "Shift+R"; enabled: root.active && root.selected !== ""; onActivated: ParkEditor.rotateBy(root.selected, 1) }
}
