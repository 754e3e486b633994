// A small line chart of recent values (the last hour, one point per minute); gaps are skipped.
import QtQuick

Canvas {
    id: root
    property var values: []
    property color lineColor: "#2a6fb0"
    onValuesChanged: requestPaint()
    onPaint: {
        const c = getContext("2d")
        c.reset()
        const finite = values.filter(v => isFinite(v))
        if (finite.length < 2) return
        const lo = Math.min(...finite), hi = Math.max(...finite)
        const span = hi - lo || 1
        c.strokeStyle = lineColor
        c.lineWidth = 1.5
        c.beginPath()
        let started = false
        for (let i = 0; i < values.length; ++i) {
            if (!isFinite(values[i])) { started = false; continue }
            const x = i * (width - 2) / (values.length - 1) + 1
            const y = height - 2 - (values[i] - lo) / span * (height - 4)
            if (started) c.lineTo(x, y); else c.moveTo(x, y)
            started = true
        }
        c.stroke()
    }
}
