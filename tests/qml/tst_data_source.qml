// The data-source dialog opens a replay as --replay does, and a bad file is refused with a
// message, leaving the twin as it was.
import QtQuick
import QtTest
import ParkTwin
import ParkTwinTest

Item {
    width: 1200
    height: 800

    DataSourceDialog { id: dialog }

    TestCase {
        name: "DataSource"
        when: windowShown
        readonly property var timeline: ParkController.timeline

        function cleanup() { timeline.close() }

        function test_opening_a_replay_from_the_dialog() {
            dialog.open()
            tryVerify(() => dialog.opened, 15000)
            const field = findChild(dialog.contentItem, "replayPath")
            field.text = Fixture.dbPath
            mouseClick(findChild(dialog.contentItem, "openReplayButton"))
            compare(timeline.mode, "replay")
            tryVerify(() => !dialog.visible, 15000, "the dialog closes")
            tryVerify(() => timeline.valueCount > 0, 15000, "values arrive from the historian")
        }

        // Port 1 refuses at once, so the feed keeps retrying in the background; what matters
        // here is what the window is told about the connection it was asked for.
        function test_plain_mqtt_to_another_machine_is_flagged_and_loopback_is_not() {
            verify(timeline.connectLive("0.0.0.0:1", "beidu", "operator", "s3cret-pw"))
            compare(timeline.mode, "live")
            verify(timeline.sendsInTheClear, "not loopback, no CA file")
            verify(timeline.source.indexOf("s3cret-pw") < 0, "the password is never shown")
            verify(timeline.connectLive("127.0.0.1:1", "beidu"))
            verify(!timeline.sendsInTheClear, "loopback never leaves the PC")
            timeline.close()
            verify(!timeline.sendsInTheClear)
        }

        // The dialog shows the broker the window is connected to (QA: an empty field), and keeps
        // it after a disconnect. The oracle: the address the test connected to.
        function test_the_dialog_shows_the_connected_broker() {
            verify(timeline.connectLive("127.0.0.1:1", "beidu"))
            dialog.open()
            tryVerify(() => dialog.opened, 15000)
            const broker = findChild(dialog.contentItem, "brokerField")
            compare(broker.text, "127.0.0.1:1")
            timeline.close()
            compare(broker.text, "127.0.0.1:1")
            broker.text = ""
            dialog.close()
        }

        // QA pass 4, Q15: the broker's field was labelled "Server" (服务器) right above the
        // section "ParkTwin server" with its own address: it says MQTT broker (MQTT 代理), and its
        // placeholder is words of the window's language.
        function test_the_broker_is_named_apart_from_the_parktwin_server() {
            dialog.open()
            tryVerify(() => dialog.opened, 15000)
            const label = findChild(dialog.contentItem, "brokerLabel")
            const field = findChild(dialog.contentItem, "brokerField")
            verify(label, "the broker's field has its label")
            compare(label.text, "MQTT broker")
            ParkController.language = "zh"
            compare(label.text, "MQTT 代理")
            verify(!/[A-Za-z]/.test(field.placeholderText), "a Chinese placeholder: " + field.placeholderText)
            ParkController.language = "en"
            dialog.close()
        }

        // The dialog warns before connecting, by the same rule as the banner: a name that
        // merely starts with "127." is another machine (the dialog's regular expression took
        // 127.example.com for loopback).
        function test_the_dialog_warns_about_plain_mqtt_to_another_machine() {
            compare(timeline.isLoopbackHost("127.example.com"), false)
            compare(timeline.isLoopbackHost("127.example.com:1883"), false)
            for (const host of ["127.0.0.1", "127.0.0.1:1883", "::1", "[::1]:1883", "localhost", "localhost:1883"])
                verify(timeline.isLoopbackHost(host), host)
            dialog.open()
            tryVerify(() => dialog.opened, 15000)
            const broker = findChild(dialog.contentItem, "brokerField")
            const warning = findChild(dialog.contentItem, "inTheClearWarning")
            broker.text = "127.example.com:1883"
            verify(warning.visible, "127.example.com is not this machine")
            broker.text = "127.0.0.1:1883"
            verify(!warning.visible, "loopback never leaves the PC")
            broker.text = ""
            dialog.close()
        }

        // A recording that cannot reach its file (a full disk, here RLIMIT_FSIZE) is shown in
        // the window at once; when writes work again the message goes and every sample that
        // arrived meanwhile is in the file.
        function test_a_recording_that_cannot_write_says_so_and_loses_nothing() {
            const port = LiveFixture.startBroker()
            verify(port > 0, "mosquitto started")
            const db = Fixture.tempPath("recording-stall.db")
            const tag = "potline-1.current"
            verify(timeline.connectLive("127.0.0.1:" + port, "beidu", "", "", "", db))
            tryVerify(() => timeline.connected, 15000, "connected to the broker")
            let sent = 0
            const send = () => { if (LiveFixture.publish("beidu", tag, 400 + sent)) ++sent; return true }
            tryVerify(() => send() && timeline.valueCount > 0, 15000, "a first sample arrives")
            compare(timeline.recordingError, "")
            verify(LiveFixture.failFileWrites(true))
            tryVerify(() => send() && timeline.recordingError !== "", 15000, "the stall is shown")
            verify(LiveFixture.failFileWrites(false))
            verify(timeline.recordingError.indexOf(db) >= 0, timeline.recordingError)
            tryVerify(() => send() && timeline.recordingError === "", 15000, "recovered once writes work")
            const last = 400 + sent
            verify(send(), "a last, recognisable sample")
            tryVerify(() => ParkController.timeline.tagValue(tag) === last, 15000, "every sample reached the feed")
            const arrived = sent
            timeline.close()
            LiveFixture.stopBroker()
            compare(LiveFixture.countSamples(db, tag), arrived, "every published sample is in the file")
        }

        function test_a_file_that_is_not_a_historian_is_refused() {
            dialog.open()
            tryVerify(() => dialog.opened, 15000)
            findChild(dialog.contentItem, "replayPath").text = Fixture.beiduPath
            mouseClick(findChild(dialog.contentItem, "openReplayButton"))
            compare(timeline.mode, "design")
            verify(timeline.status.indexOf("Cannot open") === 0, timeline.status)
            verify(dialog.visible, "the dialog stays open to fix the path")
            dialog.close()
        }
    }
}
