// A sparkline of values that cover only part of its hour (QA pass 4, Q13: 2.5 minutes of a
// replay were a ~30 px sliver at the right edge of the inspector). The line spans the chart from
// its first value to its last. Oracle: the drawn pixels, found in a grab of the chart.
import QtQuick
import QtTest
import ParkTwin

Item {
    id: top
    width: 300
    height: 100

    Rectangle { anchors.fill: parent; color: "white" }
    Sparkline {
        id: chart
        x: 20
        y: 20
        width: 160
        height: 24
        lineColor: "black"
    }

    TestCase {
        name: "SparklineSpan"
        when: windowShown

        // Each test starts from a blank chart, so that a grab never shows the last test's line.
        function init() {
            chart.values = []
            tryVerify(() => inkColumns(grabImage(chart)).first < 0, 5000, "the chart is blank")
        }

        // The leftmost and rightmost columns of the chart with a dark pixel in them.
        function inkColumns(image) {
            let first = -1, last = -1
            for (let x = 0; x < chart.width; ++x) {
                for (let y = 0; y < chart.height; ++y) {
                    const c = image.pixel(x, y)
                    if (c.r + c.g + c.b < 1.5) {
                        if (first < 0) first = x
                        last = x
                        break
                    }
                }
            }
            return {first: first, last: last}
        }

        // An hour of one-minute buckets with values in the last three only.
        function test_a_series_covering_the_last_minutes_spans_the_chart() {
            const values = []
            for (let i = 0; i < 60; ++i) values.push(i < 57 ? NaN : [1350, 1320, 1365][i - 57])
            chart.values = values
            let ink
            tryVerify(() => { ink = inkColumns(grabImage(chart)); return ink.first >= 0 }, 5000, "a line is drawn")
            verify(ink.first <= 4, "the line starts at the chart's left edge: column " + ink.first)
            verify(ink.last >= chart.width - 5, "and ends at its right edge: column " + ink.last)
        }

        // A full hour still draws the hour, edge to edge (unchanged).
        function test_a_full_hour_spans_the_chart() {
            const values = []
            for (let i = 0; i < 60; ++i) values.push(100 + (i % 7))
            chart.values = values
            let ink
            tryVerify(() => { ink = inkColumns(grabImage(chart)); return ink.first >= 0 }, 5000, "a line is drawn")
            verify(ink.first <= 4 && ink.last >= chart.width - 5, JSON.stringify(ink))
        }
    }
}
