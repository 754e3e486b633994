// QML reads the park's kinds as enums (Kinds.Smelter, Kinds.Potline, Kinds.Critical) with the
// numbers of twin/model's enums; every model value has its QML name.
import QtQuick
import QtTest
import ParkTwin

TestCase {
    name: "Kinds"

    function test_every_model_value_has_its_qml_name() {
        const unmatched = Kinds.unmatchedWords()
        compare(unmatched.length, 0, unmatched.join(", "))
    }

    function test_qml_compares_kinds_by_name() {
        compare(Kinds.Smelter, 0)
        compare(Kinds.Dam, 10)
        compare(Kinds.Potline, 0)
        compare(Kinds.Assembly, 13)
        verify(Kinds.Critical > Kinds.Warning && Kinds.Warning > Kinds.Info)
    }
}
