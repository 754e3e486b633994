// The window's KPI names, labels and units come from the translations (app/models/kpi_text),
// and say in each language what the twin KPI table, which the CLI and reports print, says.
import QtQuick
import QtTest
import ParkTwin
import ParkTwinTest

TestCase {
    name: "KpiText"

    function cleanup() { ParkController.language = "en" }

    function cardOf(key) { return ParkController.flows.kpis.cards.find(c => c.key === key) }

    function test_every_kpi_reads_as_the_twin_table_in_english() {
        ParkController.language = "en"
        const differences = KpiWords.differences("en")
        compare(differences.length, 0, differences.join("\n"))
    }

    function test_every_kpi_reads_as_the_twin_table_in_chinese() {
        ParkController.language = "zh"
        const differences = KpiWords.differences("zh")
        compare(differences.length, 0, differences.join("\n"))
    }

    // A park whose lines count units (tests/unit/scenario/data/electronics_park.json: 960 and
    // 120 units/h): the bar shows their design units for a year, (960 + 120) x 8,760 h =
    // 9,460,800 units, and no electricity per tonne delivered (it delivers no tonnes).
    function test_a_park_that_counts_units_shows_its_design_units_in_the_bar() {
        verify(ParkController.loadPark(Fixture.electronicsPath("electronics_park.json")), ParkController.errorText)
        tryVerify(() => cardOf("capacity_units_per_year") !== undefined, 15000, "the units card")
        compare(cardOf("capacity_units_per_year").text, "9.5 M units/yr")
        compare(cardOf("capacity_units_per_year").name, "Design capacity in units per year")
        compare(cardOf("energy_kwh_per_t_delivered"), undefined)
        ParkController.language = "zh"
        compare(cardOf("capacity_units_per_year").text, "946 万件/年")
        compare(cardOf("capacity_units_per_year").name, "年件数设计产能")
        verify(ParkController.loadPark(Fixture.beiduPath), ParkController.errorText)
        tryVerify(() => cardOf("energy_kwh_per_t_delivered") !== undefined, 15000, "Beidu's cards back")
    }

    function test_the_kpi_bar_follows_the_language() {
        // kpi_table.cpp: energy_kwh_per_t_delivered, its name without the parenthesis.
        ParkController.language = "zh"
        compare(cardOf("energy_kwh_per_t_delivered").name, "每吨交付货物电耗")
        verify(cardOf("energy_kwh_per_t_delivered").label.indexOf("（园区用电 / ") > 0)
        verify(cardOf("energy_kwh_per_t_delivered").text.endsWith(" kWh/吨"), cardOf("energy_kwh_per_t_delivered").text)
        ParkController.language = "en"
        compare(cardOf("energy_kwh_per_t_delivered").name, "Electricity per tonne delivered")
        verify(cardOf("energy_kwh_per_t_delivered").text.endsWith(" kWh/t"), cardOf("energy_kwh_per_t_delivered").text)
    }
}
