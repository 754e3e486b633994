// Data… → Server: the address a person typed last time is shown again, readable (the oracle: the
// field's own geometry, its width in the row and where its first character is drawn), and the
// token remembered with it is kept where only its user can read it (the oracle: stat).
import QtQuick
import QtTest
import ParkTwin
import ParkTwinTest

Item {
    id: top
    width: 900
    height: 300

    Component { id: partComponent; ServerPart { width: 860 } }

    TestCase {
        name: "ServerPart"
        when: windowShown

        function cleanup() { ParkController.timeline.close() }

        // QA: a remembered https:// address was cut short, its field squeezed beside the token and
        // both buttons. It has a row of its own now, and opens at its start.
        function test_a_long_remembered_address_shows_its_start() {
            const address = "https://parktwin-server.qijiang-beidu-aluminium-industrial-park.example.cn:8600"
            verify(ParkController.timeline.connectServer(address, "", "beidu", ""), "an address it takes, so it is remembered")
            ParkController.timeline.close()
            const part = createTemporaryObject(partComponent, top)
            const field = findChild(part, "serverUrlField")
            compare(field.text, address)
            verify(field.width > 0.7 * part.width, "the address has the row: " + field.width)
            const first = field.positionToRectangle(0)
            verify(first.x >= 0 && first.x < field.width / 2, "its first character is in view: x " + first.x)
        }

        // QA pass 4, Q15: a remembered token's dots ran off the left edge of a 150 px field (a
        // clipped dot before the rest). A token as docs/server.md makes one (openssl rand -hex
        // 24: 48 characters) is shown whole, at the width the Data dialog gives the part.
        function test_a_remembered_token_fits_its_field() {
            const token = "3f9a0c2e7b14d8a65e0f3c9b2a7d41e6c8b05f3a9e2d7c14"
            compare(token.length, 48)
            verify(ParkController.timeline.connectServer("http://127.0.0.1:9", token, "beidu", ""))
            ParkController.timeline.close()
            const part = createTemporaryObject(partComponent, top, { width: 600 })
            const field = findChild(part, "serverTokenField")
            compare(field.text, token)
            waitForRendering(field)
            const first = field.positionToRectangle(0), end = field.positionToRectangle(token.length)
            // Where the text area shows them: from 0 to its width (the field less its padding).
            const shown = field.width - field.leftPadding - field.rightPadding
            verify(first.x >= 0, "the first dot is whole: x " + first.x)
            verify(end.x <= shown, "the last dot ends in the field: x " + end.x + " of " + shown)
        }

        // QA: the token was kept in a settings file every user of the computer could read. The
        // file's permission bits, as stat reports them: the owner's only (no group, no others).
        function test_the_remembered_token_is_readable_by_its_user_only() {
            verify(ParkController.timeline.connectServer("http://127.0.0.1:9", "secret-token", "beidu", ""))
            ParkController.timeline.close()
            const mode = Fixture.settingsFileMode()
            verify(mode > 0, "the settings file exists: " + mode)
            compare(mode & 0o077, 0, "mode " + mode.toString(8))
            compare(mode & 0o600, 0o600, "mode " + mode.toString(8))
        }
    }
}
