// The selected zone or road, lit in the 3D scene: an orange veil over the zone's outline, or
// an orange band a little wider than the road along each of its segments, both just above
// what they mark so they are never hidden by it. Made outside the View3D (ShapeOverlay) and
// placed into its scene, since ParkView has no room for more.
import QtQuick
import QtQuick3D
import ParkTwin

Node {
    id: root
    required property Item scene
    parent: root.scene.view.scene
    readonly property var shape: ShapeEditor.shape
    readonly property var points: ShapeEditor.handles.map(h => Qt.point(h.xM, h.yM))
    readonly property color colour: "#ff8c00"
    // The band's margin each side of the road, metres: visible at a whole-park zoom.
    readonly property real roadMarginM: 1.5

    Model {
        objectName: "zoneHighlight"
        visible: root.shape.type === "zone"
        y: 0.7
        geometry: PolygonGeometry { outline: root.shape.type === "zone" ? root.points : [] }
        materials: PrincipledMaterial {
            baseColor: root.colour
            opacity: 0.55
            lighting: PrincipledMaterial.NoLighting
            cullMode: Material.NoCulling
        }
    }

    Repeater3D {
        // Segments as ParkView draws roads: centre, length with the road's width added (the
        // joints overlap), angle from east; scene z is minus park y.
        model: root.shape.type === "road" ? root.points.slice(1).map((b, i) => {
            const a = root.points[i]
            return { x: (a.x + b.x) / 2, z: -(a.y + b.y) / 2,
                     length: Math.hypot(b.x - a.x, b.y - a.y) + root.shape.widthM,
                     angle: Math.atan2(b.y - a.y, b.x - a.x) * 180 / Math.PI }
        }) : []
        Model {
            required property var modelData
            objectName: "roadHighlight"
            source: "#Cube"
            position: Qt.vector3d(modelData.x, 0.8, modelData.z)
            eulerRotation.y: modelData.angle
            scale: Qt.vector3d(modelData.length / 100, 0.01, (root.shape.widthM + 2 * root.roadMarginM) / 100)
            materials: PrincipledMaterial {
                baseColor: root.colour
                opacity: 0.55
                lighting: PrincipledMaterial.NoLighting
            }
        }
    }
}
