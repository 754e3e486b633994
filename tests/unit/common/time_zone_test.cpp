// TimeZone against Python's zoneinfo (its own TZif reader, over the same tzdata): offsets at
// instants spread over 1950-2036, in zones with DST, half-hour DST and a 45-minute offset.
#include "parktwin/common/time_zone.hpp"

#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>

namespace {

using parktwin::TimeZone;

std::vector<std::int64_t> instantsMs() {
  std::vector<std::int64_t> out;
  std::uint64_t x = 12345;
  const std::int64_t from = -631152000LL, span = 2745000000LL;  // 1950-01-01 .. ~2036
  for (int i = 0; i < 300; ++i) {
    x = x * 6364136223846793005ULL + 1442695040888963407ULL;
    out.push_back((from + std::int64_t((x >> 20) % std::uint64_t(span))) * 1000);
  }
  out.push_back(1'780'272'000'000);  // 2026-06-01T00:00:00Z
  return out;
}

std::vector<int> pythonOffsets(const std::string& zone, const std::vector<std::int64_t>& ms) {
  std::ostringstream script;
  script << "/usr/bin/python3 -c 'import sys, zoneinfo, datetime\n"
            "z = zoneinfo.ZoneInfo(sys.argv[1])\n"
            "for t in sys.argv[2:]:\n"
            "    d = datetime.datetime.fromtimestamp(int(t) / 1000, tz=datetime.timezone.utc).astimezone(z)\n"
            "    print(int(d.utcoffset().total_seconds()))' "
         << zone;
  for (auto t : ms) script << ' ' << t;
  std::unique_ptr<FILE, int (*)(FILE*)> pipe(popen(script.str().c_str(), "r"), pclose);
  std::vector<int> out;
  int v = 0;
  while (pipe && std::fscanf(pipe.get(), "%d", &v) == 1) out.push_back(v);
  return out;
}

class TimeZoneOracle : public ::testing::TestWithParam<const char*> {};

TEST_P(TimeZoneOracle, OffsetsMatchPythonZoneinfo) {
  auto zone = TimeZone::load(GetParam());
  ASSERT_TRUE(zone) << zone.error().message;
  const auto instants = instantsMs();
  const auto expected = pythonOffsets(GetParam(), instants);
  ASSERT_EQ(expected.size(), instants.size()) << "python3 zoneinfo did not answer";
  for (std::size_t i = 0; i < instants.size(); ++i) {
    EXPECT_EQ(zone->offsetSecondsAt(instants[i]), expected[i]) << GetParam() << " at " << instants[i] << " ms";
  }
}

INSTANTIATE_TEST_SUITE_P(Zones, TimeZoneOracle,
                         ::testing::Values("Asia/Shanghai", "Europe/Berlin", "America/New_York",
                                           "Australia/Lord_Howe", "Asia/Kathmandu"));

TEST(TimeZone, ShanghaiIsChinaStandardTimeToday) {
  auto zone = TimeZone::load("Asia/Shanghai");
  ASSERT_TRUE(zone) << zone.error().message;
  EXPECT_EQ(zone->offsetLabelAt(1'780'272'000'000), "UTC+08:00");
  EXPECT_EQ(zone->toLocalMs(1'780'272'000'000), 1'780'272'000'000 + 8 * 3'600'000);
}

// Civil time back to the instant; the expected values are Python zoneinfo's (fold=1 for the
// repeated hour, fold=0 for the skipped one).
TEST(TimeZone, CivilTimeBackToTheInstant) {
  auto shanghai = TimeZone::load("Asia/Shanghai");
  ASSERT_TRUE(shanghai) << shanghai.error().message;
  // 2026-06-01 08:00 in Chongqing (UTC+8) is 2026-06-01T00:00:00Z: 20,605 days after 1970-01-01.
  const std::int64_t civil = 20'605LL * 86'400'000 + 8 * 3'600'000;
  EXPECT_EQ(shanghai->fromLocalMs(civil), 20'605LL * 86'400'000);
  auto berlin = TimeZone::load("Europe/Berlin");
  ASSERT_TRUE(berlin) << berlin.error().message;
  const std::int64_t mar29 = 20'541LL * 86'400'000, oct25 = 20'751LL * 86'400'000;  // 2026-03-29, 2026-10-25
  EXPECT_EQ(berlin->fromLocalMs(mar29 + 5'400'000), 1'774'744'200'000);   // 01:30, before the shift
  EXPECT_EQ(berlin->fromLocalMs(mar29 + 9'000'000), 1'774'747'800'000);   // 02:30, skipped
  EXPECT_EQ(berlin->fromLocalMs(oct25 + 9'000'000), 1'792'891'800'000);   // 02:30, repeated
}

TEST(TimeZone, FixedOffsetsAndTheirLabels) {
  EXPECT_EQ(TimeZone::fixed(-(5 * 3600 + 30 * 60)).name(), "UTC-05:30");
  EXPECT_EQ(TimeZone::fixed(8 * 3600).offsetSecondsAt(0), 8 * 3600);
}

TEST(TimeZone, UnknownAndUnsafeNamesAreRefusedWithTheReason) {
  auto unknown = TimeZone::load("Mars/Olympus_Mons");
  ASSERT_FALSE(unknown);
  EXPECT_NE(unknown.error().message.find("no such zone"), std::string::npos) << unknown.error().message;
  for (const char* bad : {"../etc/passwd", "/etc/passwd", "", "Asia/Shang hai"}) {
    auto refused = TimeZone::load(bad);
    ASSERT_FALSE(refused) << bad;
    EXPECT_NE(refused.error().message.find("expected an IANA name"), std::string::npos) << refused.error().message;
  }
}

TEST(TimeZone, AFileThatIsNotTzifIsAnErrorNotACrash) {
  const auto dir = std::filesystem::temp_directory_path() / "parktwin-tz-test";
  std::filesystem::create_directories(dir / "Park");
  std::ofstream(dir / "Park" / "Zone") << "TZif2 but not really";
  std::ofstream(dir / "Park" / "Text") << "hello";
  auto truncated = TimeZone::load("Park/Zone", dir.string());
  auto text = TimeZone::load("Park/Text", dir.string());
  std::filesystem::remove_all(dir);
  ASSERT_FALSE(truncated);
  ASSERT_FALSE(text);
  EXPECT_NE(text.error().message.find("not a TZif"), std::string::npos) << text.error().message;
}

}  // namespace
