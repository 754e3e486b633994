// The selection of an object drawn by its own 3D model: a frame of thin bars along the twelve
// edges of the model's bounds, in the selection's yellow. A box's selection tints its glass
// shell; a model keeps its own colours (QA: tinted and see-through, a selected hall's model
// became a salmon box its owner no longer recognised), so the frame says which one is chosen.
// Its four lower bars lie on the ground round the footprint.
import QtQuick
import QtQuick3D

Node {
    id: root
    // {min, max} in the parent's frame (LoadedModel.objectBox).
    required property var box
    property color color: "#ffd43b"
    // Thick enough to read from a park-wide view, thin beside a hall.
    readonly property real barM: Math.max(0.4, Math.min(1.2, 0.01 * box.max.minus(box.min).length()))
    readonly property vector3d centre: box.min.plus(box.max).times(0.5)
    readonly property vector3d extent: box.max.minus(box.min)

    // Each bar: its centre and its size, along x, y or z.
    readonly property var bars: {
        const out = []
        const lo = box.min, hi = box.max, c = centre, e = extent, t = barM
        for (const y of [lo.y, hi.y]) {
            for (const z of [lo.z, hi.z]) out.push([Qt.vector3d(c.x, y, z), Qt.vector3d(e.x + t, t, t)])
            for (const x of [lo.x, hi.x]) out.push([Qt.vector3d(x, y, c.z), Qt.vector3d(t, t, e.z + t)])
        }
        for (const x of [lo.x, hi.x]) {
            for (const z of [lo.z, hi.z]) out.push([Qt.vector3d(x, c.y, z), Qt.vector3d(t, e.y, t)])
        }
        return out
    }

    Repeater3D {
        model: root.bars
        Model {
            source: "#Cube"
            position: modelData[0]
            scale: modelData[1].times(0.01)
            castsShadows: false
            materials: PrincipledMaterial {
                baseColor: root.color
                lighting: PrincipledMaterial.NoLighting
            }
        }
    }
}
