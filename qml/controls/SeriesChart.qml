// Baseline and scenario of one hourly series side by side on one time axis: grey baseline,
// orange scenario, with the value range, a legend and the time axis under it: timeLabels spread
// evenly from the left edge to the right (the scenario panel gives the period's start, middle
// and end, in the park's time). Points are averaged into at most one per
// two pixels so a year (8,760 hours) draws quickly.
import QtQuick

Canvas {
    id: root
    property var baselineValues: []
    property var scenarioValues: []
    property string unit: ""
    property var timeLabels: []
    readonly property color baselineColor: "#7b8794"
    readonly property color scenarioColor: "#e8590c"
    onBaselineValuesChanged: requestPaint()
    onScenarioValuesChanged: requestPaint()
    onTimeLabelsChanged: requestPaint()
    onWidthChanged: requestPaint()

    function reduce(values, buckets) {
        if (values.length <= buckets) return values
        const out = []
        for (let b = 0; b < buckets; ++b) {
            const from = Math.floor(b * values.length / buckets), to = Math.floor((b + 1) * values.length / buckets)
            let sum = 0
            for (let i = from; i < to; ++i) sum += values[i]
            out.push(sum / Math.max(1, to - from))
        }
        return out
    }

    onPaint: {
        const c = getContext("2d")
        c.reset()
        const axis = timeLabels.length > 0 ? 16 : 0
        const top = 16, bottom = height - 4 - axis, left = 2, right = width - 2
        const buckets = Math.max(2, Math.floor((right - left) / 2))
        const a = reduce(baselineValues, buckets), b = reduce(scenarioValues, buckets)
        const all = a.concat(b).filter(v => isFinite(v))
        if (all.length < 2) return
        let lo = Math.min(...all), hi = Math.max(...all)
        if (hi - lo < 1e-9) { lo -= 1; hi += 1 }
        c.font = "11px sans-serif"
        c.fillStyle = "#5b6b78"
        c.fillText(Number(hi).toLocaleString(Qt.locale(), "f", hi < 10 ? 2 : 0) + " " + unit, left, 11)
        const line = (values, color) => {
            c.strokeStyle = color
            c.lineWidth = 1.5
            c.beginPath()
            for (let i = 0; i < values.length; ++i) {
                const x = left + i * (right - left) / (values.length - 1)
                const y = bottom - (values[i] - lo) / (hi - lo) * (bottom - top)
                if (i === 0) c.moveTo(x, y); else c.lineTo(x, y)
            }
            c.stroke()
        }
        line(a, baselineColor)
        line(b, scenarioColor)
        if (axis === 0) return
        c.fillStyle = "#5b6b78"
        c.strokeStyle = "#c5ced6"
        c.lineWidth = 1
        c.beginPath()
        c.moveTo(left, bottom + 2)
        c.lineTo(right, bottom + 2)
        c.stroke()
        for (let i = 0; i < timeLabels.length; ++i) {
            const share = timeLabels.length > 1 ? i / (timeLabels.length - 1) : 0
            c.textAlign = i === 0 ? "left" : i === timeLabels.length - 1 ? "right" : "center"
            c.fillText(timeLabels[i], left + share * (right - left), height - 3)
        }
        c.textAlign = "left"
    }
}
