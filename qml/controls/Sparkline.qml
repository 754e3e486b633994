// A small line chart of recent values (the last hour in one-minute buckets), drawn from its first
// value to its last across the chart's width. Data sampled slower than the buckets (a 5-minute
// SCADA or Excel export fills one bucket in five) still reads as a line: neighbouring values are
// joined across gaps up to three times the series' usual spacing; only a longer gap (an outage)
// breaks the line, and a value left alone by such gaps is drawn as a dot.
import QtQuick

Canvas {
    id: root
    property var values: []
    property color lineColor: "#2a6fb0"
    // How many buckets hold a value: fewer than two draw nothing (the caller hides the chart).
    readonly property int pointCount: values.filter(v => isFinite(v)).length
    onValuesChanged: requestPaint()
    onWidthChanged: requestPaint()
    onHeightChanged: requestPaint()

    // The indices of the buckets that hold a value.
    function filledIndices() {
        const out = []
        for (let i = 0; i < values.length; ++i) {
            if (isFinite(values[i])) out.push(i)
        }
        return out
    }
    // The widest gap, in buckets, still joined by a line: three times the median spacing.
    function joinLimit(filled) {
        const gaps = []
        for (let k = 1; k < filled.length; ++k) gaps.push(filled[k] - filled[k - 1])
        gaps.sort((a, b) => a - b)
        return 3 * gaps[Math.floor(gaps.length / 2)]
    }
    onPaint: {
        const c = getContext("2d")
        c.reset()
        const filled = filledIndices()
        if (filled.length < 2) return
        const finite = filled.map(i => values[i])
        const lo = Math.min(...finite), hi = Math.max(...finite)
        const span = hi - lo || 1
        // Across the buckets that hold values, not the whole hour: a replay's first minutes were
        // a sliver at the chart's right edge (QA).
        const first = filled[0], last = filled[filled.length - 1]
        const xOf = i => (i - first) * (width - 2) / (last - first) + 1
        const yOf = v => height - 2 - (v - lo) / span * (height - 4)
        const limit = joinLimit(filled)
        c.strokeStyle = lineColor
        c.fillStyle = lineColor
        c.lineWidth = 1.5
        c.beginPath()
        for (let k = 0; k < filled.length; ++k) {
            const i = filled[k], x = xOf(i), y = yOf(values[i])
            const joinedBefore = k > 0 && i - filled[k - 1] <= limit
            const joinedAfter = k + 1 < filled.length && filled[k + 1] - i <= limit
            if (joinedBefore) c.lineTo(x, y)
            else c.moveTo(x, y)
            if (!joinedBefore && !joinedAfter) c.fillRect(x - 1.5, y - 1.5, 3, 3)
        }
        c.stroke()
    }
}
