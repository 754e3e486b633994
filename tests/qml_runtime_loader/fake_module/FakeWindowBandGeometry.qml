// Stands in for WindowBandGeometry (a C++ geometry of the app) in scene/: the band's shape is
// not what these tests look at, so any geometry with the same properties will do (Geometry
// itself cannot be made in QML).
import QtQuick
import QtQuick3D.Helpers
GridGeometry {
    property vector3d size
    property real bayM: 6
}
