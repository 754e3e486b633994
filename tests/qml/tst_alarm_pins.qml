// Two alarms in one building (QA F6): the casthouse's own molten stock and its ingot casting
// line's power, both over limits set below any value, so both fire. One pin stands over the
// casthouse (there were two at one spot, their colour the depth test's choice), with the count 2;
// red while either waits, amber once both are acknowledged. While presenting, no pin and no alarm
// colour on the labels (QA F24): the investor view shows no alarms. The tags' objects are from
// assets/parks/beidu.json (casthouse.molten_stock: the casthouse; ingot-casting.power: its line).
import QtQuick
import QtTest
import ParkTwin
import ParkTwinTest

Item {
    width: 1200
    height: 700

    ParkView {
        id: parkView
        anchors.fill: parent
    }

    TestCase {
        name: "AlarmPins"
        when: windowShown
        readonly property var timeline: ParkController.timeline

        function initTestCase() {
            const park = JSON.parse(Fixture.readText(Fixture.beiduPath))
            park.alarm_rules = (park.alarm_rules || []).concat([
                { id: "pin-stock", tag: "casthouse.molten_stock", above: -1, severity: "critical",
                  message: { zh: "铝液库存", en: "Molten stock" } },
                { id: "pin-power", tag: "ingot-casting.power", above: -1, severity: "warning",
                  message: { zh: "铸锭功率", en: "Ingot power" } }])
            verify(ParkController.loadPark(Fixture.writeFile("beidu-two-alarms.json", JSON.stringify(park))), ParkController.errorText)
            // A copy: the acknowledgements below are stored in the file, which tst_alarms reads after.
            const db = Fixture.copyToTemp(Fixture.dbPath, "alarm-pins.db")
            verify(db !== "", "copied the replay file")
            verify(timeline.openReplay(db), timeline.status)
            timeline.seek(Fixture.probeMs)
            tryVerify(() => ["pin-stock", "pin-power"].every(id => ParkController.alarms.active.some(a => a.id === id)), 15000,
                      "both rules fire: " + ParkController.alarms.active.map(a => a.id))
        }
        function cleanupTestCase() {
            ParkController.presenting = false
            timeline.close()
            verify(ParkController.loadPark(Fixture.beiduPath))
        }

        function pinsAt(place) { return AlarmPinList.pins.filter(p => p.place === place) }
        function label(objectId) {
            const items = findChild(parkView, "labelLayer").children
            for (let i = 0; i < items.length; ++i) {
                if (items[i].objectId === objectId) return items[i]
            }
            return null
        }
        function casthousePin() {
            const repeater = findChild(parkView, "alarmPins")
            for (let i = 0; i < repeater.count; ++i) {
                const pin = repeater.objectAt(i)
                if (pin.position === pinsAt("casthouse")[0].position) return pin
            }
            return null
        }

        function test_1_one_pin_for_two_alarms_in_one_building() {
            compare(pinsAt("casthouse").length, 1)
            compare(pinsAt("casthouse")[0].count, 2)
            verify(!pinsAt("casthouse")[0].acknowledged)
            compare(pinsAt("casthouse")[0].severity, Kinds.Critical)
            const repeater = findChild(parkView, "alarmPins")
            compare(repeater.count, AlarmPinList.pins.length, "a pin drawn per place, not per alarm")
            const pin = casthousePin()
            verify(pin !== null)
            compare(pin.alarmCount, 2)
            compare(String(pin.pinColor), "#e02f2f")
            tryVerify(() => label("casthouse") && label("casthouse").alarm === "raised", 15000)
        }

        function test_2_red_until_every_alarm_there_is_acknowledged() {
            verify(ParkController.alarms.acknowledge("pin-power", "line checked"))
            verify(!pinsAt("casthouse")[0].acknowledged, "the stock alarm still waits")
            compare(String(casthousePin().pinColor), "#e02f2f")
            compare(label("casthouse").alarm, "raised")
            verify(ParkController.alarms.acknowledge("pin-stock", "stock checked"))
            verify(pinsAt("casthouse")[0].acknowledged)
            compare(String(casthousePin().pinColor), "#e8a200")
            tryCompare(label("casthouse"), "alarm", "acknowledged")
        }

        function test_3_the_investor_view_shows_no_alarms() {
            ParkController.presenting = true
            compare(AlarmPinList.pins.length, 0)
            compare(findChild(parkView, "alarmPins").count, 0)
            tryCompare(label("casthouse"), "alarm", "")
            verify(ParkController.alarms.active.length >= 2, "the alarms are still there for the desks")
            ParkController.presenting = false
            compare(pinsAt("casthouse").length, 1)
        }
    }
}
