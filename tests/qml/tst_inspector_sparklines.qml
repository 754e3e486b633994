// The inspector's last-hour sparklines (QA pass 3, F1 and F17): drawn for an object selected
// before its values arrived (--select at start), drawn as a line for data sampled every 5
// minutes, and each value on its label's line, with no empty box under it when there is no
// line to draw. Oracles: the simulator's own samples and the 5-minute samples the fixture wrote.
import QtQuick
import QtTest
import ParkTwin
import ParkTwinTest

Item {
    width: 1200
    height: 800

    InspectorPanel {
        id: inspector
        width: 300
        height: parent.height
        anchors.right: parent.right
    }

    TestCase {
        name: "InspectorSparklines"
        when: windowShown
        readonly property var timeline: ParkController.timeline
        readonly property string tag: "potline-1.current"

        function cleanup() {
            ParkController.selection.select("")
            timeline.close()
        }

        function itemsNamed(item, name, out) {
            if (item.objectName === name) out.push(item)
            const kids = item.children || []
            for (let k = 0; k < kids.length; ++k) itemsNamed(kids[k], name, out)
            return out
        }
        // The sparkline of a tag's row (its parent is the row's value column).
        function sparklineOf(tag) {
            return itemsNamed(inspector, "sparkline", []).find(s => s.parent.modelData.tag === tag)
        }
        function filledIndices(series) {
            const out = []
            for (let i = 0; i < series.length; ++i) {
                if (isFinite(series[i])) out.push(i)
            }
            return out
        }
        function sameMeans(got, expected) {
            return got.length === expected.length && got.every((v, k) => isFinite(v) === isFinite(expected[k])
                && (!isFinite(v) || Math.abs(v - expected[k]) <= 1e-9 * Math.abs(expected[k])))
        }

        // --select at start, or a click before the replay started: the selection comes first.
        function test_a_line_selected_before_its_values_gets_its_sparkline() {
            timeline.close()
            ParkController.selection.select("potline-1")
            compare(ParkController.selection.liveRows.length, 0, "no values yet")
            verify(timeline.openReplay(Fixture.dbPath), timeline.status)
            timeline.seek(Fixture.probeMs)
            const expected = Fixture.currentMinuteMeans(Fixture.probeMs)
            verify(expected.every(v => isFinite(v)), "the simulator wrote every minute of that hour")
            tryVerify(() => sameMeans(timeline.sparklines[tag] || [], expected), 15000,
                      "the last hour's minute means: " + JSON.stringify(timeline.sparklines[tag]))
            tryVerify(() => sparklineOf(tag) !== undefined && sparklineOf(tag).visible, 5000, "the inspector draws it")
        }

        // One sample every 5 minutes fills one bucket in five: the line joins them.
        function test_a_five_minute_series_is_drawn_as_a_line() {
            verify(timeline.openReplay(Fixture.sparseDbPath), timeline.status)
            timeline.seek(Fixture.sparseProbeMs)
            ParkController.selection.select("potline-1")
            const t0 = Fixture.sparseProbeMs - 3600000
            const samples = Fixture.sparseSamplesBetween(t0, Fixture.sparseProbeMs + 1)
            compare(samples.length, 12)
            tryVerify(() => filledIndices(timeline.sparklines[tag] || []).length === samples.length, 15000,
                      JSON.stringify(timeline.sparklines[tag]))
            const series = timeline.sparklines[tag]
            const filled = filledIndices(series)
            for (let i = 0; i < samples.length; ++i) {
                compare(filled[i], Math.floor((samples[i].t - t0) / 60000), "sample " + i + "'s minute")
                compare(series[filled[i]], samples[i].value)
            }
            const line = sparklineOf(tag)
            tryVerify(() => line.visible && line.pointCount === samples.length, 5000, "shown with its 12 values")
            waitForRendering(line)
            // Half way between two neighbouring samples the line passes half way between their
            // heights (x by minute from the first sample's to the last's over the width, y by value
            // between the hour's lowest and highest).
            const values = samples.map(s => s.value)
            const lo = Math.min(...values), hi = Math.max(...values)
            const first = filled[0], last = filled[filled.length - 1]
            const xOf = k => (k - first) * (line.width - 2) / (last - first) + 1
            const yOf = v => line.height - 2 - (v - lo) / (hi - lo) * (line.height - 4)
            const points = []
            for (let i = 0; i + 1 < samples.length; ++i) {
                for (let y = 0; y < line.height; ++y) points.push(Qt.point((xOf(filled[i]) + xOf(filled[i + 1])) / 2, y))
            }
            const pixels = Fixture.windowPixels(line, points)
            for (let i = 0; i + 1 < samples.length; ++i) {
                const column = pixels.slice(i * line.height, (i + 1) * line.height)
                const blueness = column.map(c => c.b - c.r)  // the line is #2a6fb0 on a light pane
                const y = blueness.indexOf(Math.max(...blueness))
                verify(blueness[y] > 0.2, "a line between samples " + i + " and " + (i + 1))
                const expectedY = (yOf(values[i]) + yOf(values[i + 1])) / 2
                verify(Math.abs(y + 0.5 - expectedY) <= 2, "between samples " + i + " and " + (i + 1) + ": y " + y + " vs " + expectedY)
            }
        }

        // Each row's value starts on its label's line, sparkline or not.
        function checkRowsLineUp(context) {
            const labels = itemsNamed(inspector, "liveLabel", [])
            const values = itemsNamed(inspector, "liveValue", [])
            verify(labels.length >= 2, context + ": rows shown")
            for (const label of labels) {
                const value = values.find(v => v.parent.index === label.index)
                const labelY = label.mapToItem(inspector, 0, 0).y, valueY = value.mapToItem(inspector, 0, 0).y
                verify(Math.abs(labelY - valueY) <= 1, context + ": \"" + label.text + "\" at y " + labelY + ", its value at " + valueY)
            }
        }

        // Thirty seconds into the file the hour before holds one filled minute: no line, no box.
        function test_rows_line_up_without_a_sparkline() {
            verify(timeline.openReplay(Fixture.dbPath), timeline.status)
            timeline.seek(timeline.startMs + 30000)
            ParkController.selection.select("potline-1")
            tryVerify(() => (timeline.sparklines[tag] || []).length === 60, 15000, "the hour read")
            compare(filledIndices(timeline.sparklines[tag]).length, 1, "one filled minute")
            const line = sparklineOf(tag)
            verify(!line.visible, "no empty sparkline box")
            waitForRendering(inspector)
            checkRowsLineUp("no sparkline")
            // The row below starts right under the value: no band left for a sparkline.
            const column = line.parent
            compare(column.height, itemsNamed(column, "liveValue", [])[0].height)
        }

        function test_rows_line_up_with_sparklines() {
            verify(timeline.openReplay(Fixture.dbPath), timeline.status)
            timeline.seek(Fixture.probeMs)
            ParkController.selection.select("potline-1")
            tryVerify(() => sparklineOf(tag) !== undefined && sparklineOf(tag).visible, 15000, "sparkline shown")
            waitForRendering(inspector)
            checkRowsLineUp("with sparklines")
        }
    }
}
