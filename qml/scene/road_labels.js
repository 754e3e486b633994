// Where a road's name goes on screen (LabelLayer.qml): beside the road at one of its spots
// (road_layout.hpp), turned along the road and kept upright, only where it is no longer than its
// segment on screen and clear of every label placed before it. Small and grey: the quietest
// names of the map, on the ground beside the road rather than on its dark surface.
.pragma library

var fontPixels = 11
var height = 14
var color = "#4f5b66"

// The name's box at `spot` ({position, ahead, edge, roomM}) in a layer of layerWidth x
// layerHeight, or null where it is out of view, longer than its segment on screen, or overlaps
// `placed` on both sides of the road. Returned: the upright box round the turned name ({x, y,
// w, h}, what later labels keep clear of) and `item`, the name itself before its turn ({x, y,
// w, angle} in degrees).
function freeSpot(view, layerWidth, layerHeight, w, spot, placed) {
    var p = view.mapFrom3DScene(spot.position)
    var q = view.mapFrom3DScene(spot.ahead)
    var e = view.mapFrom3DScene(spot.edge)
    if (p.z <= 0 || q.z <= 0 || e.z <= 0) return null
    var pixelsPer10m = Math.hypot(q.x - p.x, q.y - p.y)
    if (pixelsPer10m < 1e-3 || w / 2 > spot.roomM * pixelsPer10m / 10) return null  // would run off its segment
    var angle = Math.atan2(q.y - p.y, q.x - p.x) * 180 / Math.PI
    if (angle > 90) angle -= 180  // upright: never read upside down
    else if (angle <= -90) angle += 180
    // Off the centre line by half the road on screen, then half the name and a pixel.
    var nx = e.x - p.x, ny = e.y - p.y
    var halfRoad = Math.hypot(nx, ny)
    if (halfRoad < 0.5) {  // a road thinner than a pixel: across it on screen
        nx = p.y - q.y
        ny = q.x - p.x
        var across = Math.hypot(nx, ny)
        nx /= across
        ny /= across
    } else {
        nx /= halfRoad
        ny /= halfRoad
    }
    var off = halfRoad + height / 2 + 1
    var rad = angle * Math.PI / 180
    var boxW = Math.abs(w * Math.cos(rad)) + Math.abs(height * Math.sin(rad))
    var boxH = Math.abs(w * Math.sin(rad)) + Math.abs(height * Math.cos(rad))
    // The side above the road on screen first, then the one below.
    var sides = ny <= 0 ? [1, -1] : [-1, 1]
    for (var s = 0; s < sides.length; ++s) {
        var cx = p.x + sides[s] * nx * off, cy = p.y + sides[s] * ny * off
        var box = {x: cx - boxW / 2, y: cy - boxH / 2, w: boxW, h: boxH,
                   item: {x: cx - w / 2, y: cy - height / 2, w: w, angle: angle}}
        if (inView(box, layerWidth, layerHeight) && clear(box, placed)) return box
    }
    return null
}

function inView(box, layerWidth, layerHeight) {
    return box.x >= 0 && box.y >= 0 && box.x + box.w <= layerWidth && box.y + box.h <= layerHeight
}

function clear(box, placed) {
    for (var i = 0; i < placed.length; ++i) {
        var o = placed[i]
        if (!(box.x + box.w + 2 < o.x || o.x + o.w + 2 < box.x || box.y + box.h + 2 < o.y || o.y + o.h + 2 < box.y))
            return false
    }
    return true
}
