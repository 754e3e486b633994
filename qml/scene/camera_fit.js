// The orbit camera's axes (for panning and moving along the ground) and its framing: where to
// look and how far back to stand for a set of points to show whole and centred, at a given
// heading and tilt. Pure maths, no scene objects.
.pragma library

// The camera's axes for the orbit node's rotation (-pitch, yaw): right, up, back (target to
// camera) and ahead (along the ground, away from the camera).
function axes(yawDeg, pitchDeg) {
    const p = pitchDeg * Math.PI / 180, y = yawDeg * Math.PI / 180
    return {
        right: Qt.vector3d(Math.cos(y), 0, -Math.sin(y)),
        up: Qt.vector3d(-Math.sin(p) * Math.sin(y), Math.cos(p), -Math.sin(p) * Math.cos(y)),
        back: Qt.vector3d(Math.cos(p) * Math.sin(y), Math.sin(p), Math.cos(p) * Math.cos(y)),
        ahead: Qt.vector3d(-Math.sin(y), 0, -Math.cos(y)),
        sinPitch: Math.sin(p)
    }
}

// view: {width, height, fovDeg (vertical)}; band: {top, bottom}, the rows of pixels the picture
// may use. A point's offsets across and up the view over its depth are its position in
// "tangent units", where the view spans tan(fov / 2) from its centre to its top edge.
// Returns {target (on the ground), distance}.
function fitPose(points, start, yawDeg, pitchDeg, view, band) {
    const a = axes(yawDeg, pitchDeg)
    const tanHalf = Math.tan(view.fovDeg * Math.PI / 360)
    const across = 0.94 * tanHalf * view.width / view.height
    const topEdge = (1 - 2 * band.top / view.height) * tanHalf
    const bottomEdge = (1 - 2 * band.bottom / view.height) * tanHalf
    const centre = (topEdge + bottomEdge) / 2
    const distanceFor = (target) => {
        let d = 0
        for (const point of points) {
            const v = point.minus(target)  // the point's depth in front of the camera is d - v.back
            const u = v.dotProduct(a.up), b = v.dotProduct(a.back)
            d = Math.max(d, Math.abs(v.dotProduct(a.right)) / across + b, u / topEdge + b, u / bottomEdge + b)
        }
        return d
    }
    // Perspective shows near points larger, so centre the picture, not the box: move the
    // target along the ground until the points' extremes sit evenly about the band's centre.
    let target = Qt.vector3d(start.x, 0, start.z)
    for (let step = 0; step < 4; ++step) {
        const d = distanceFor(target)
        let left = Infinity, right = -Infinity, bottom = Infinity, top = -Infinity
        for (const point of points) {
            const v = point.minus(target)
            const depth = d - v.dotProduct(a.back)
            left = Math.min(left, v.dotProduct(a.right) / depth)
            right = Math.max(right, v.dotProduct(a.right) / depth)
            bottom = Math.min(bottom, v.dotProduct(a.up) / depth)
            top = Math.max(top, v.dotProduct(a.up) / depth)
        }
        target = target.plus(a.right.times(d * (left + right) / 2))
                       .plus(a.ahead.times(d * ((bottom + top) / 2 - centre) / Math.max(0.2, a.sinPitch)))
    }
    return {target: target, distance: distanceFor(target)}
}
