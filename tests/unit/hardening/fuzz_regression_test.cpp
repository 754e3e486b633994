// Every input in fuzz/corpus (the seeds plus every crash the fuzzers found, kept there) runs
// through its parser in the normal suite, under GCC and the asan preset too. Crashes found
// by fuzzing also get a named test below, with the bug they exposed.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <sstream>
#include <string>
#include <vector>

#include "fuzz_corpus.hpp"
#include "parktwin/geo/geojson_import.hpp"
#include "parktwin/model/park_file.hpp"
#include "parktwin/model/validate.hpp"
#include "parktwin/model/tour.hpp"
#include "parktwin/scenario/scenario.hpp"
#include "parktwin/store/csv_import.hpp"
#include "parktwin/store/block_codec.hpp"
#ifdef PARKTWIN_HAVE_FEED
#include "mqtt_mapping_input.hpp"
#include "parktwin/feed/connections_reader.hpp"
#include "parktwin/feed/payload.hpp"
#endif

namespace {

namespace fs = std::filesystem;

TEST(FuzzCorpus, ParkFilesLoadOrFailWithAMessage) {
  const auto inputs = corpus("park");
  ASSERT_GE(inputs.size(), 5u);
  int loaded = 0;
  for (const auto& text : inputs) {
    auto park = parktwin::model::parsePark(text, "seed.json");
    if (park) {
      ++loaded;
      EXPECT_TRUE(parktwin::model::parsePark(parktwin::model::serializePark(*park), "again.json"));
    } else {
      EXPECT_NE(park.error().message.find("seed.json"), std::string::npos) << park.error().message;
    }
  }
  EXPECT_GE(loaded, 1);
}

TEST(FuzzCorpus, GeoJsonImportsAValidParkOrFailsWithAMessage) {
  const auto inputs = corpus("geojson");
  ASSERT_GE(inputs.size(), 4u);
  int imported = 0;
  for (const auto& text : inputs) {
    auto park = parktwin::geo::importGeoJson(text, "seed.geojson", {"seed", {}});
    if (park) {
      ++imported;
      EXPECT_TRUE(parktwin::model::validatePark(park->park).empty());
      auto again = parktwin::model::parsePark(parktwin::model::serializePark(park->park), "again.json");
      ASSERT_TRUE(again) << again.error().message;
      EXPECT_EQ(*again, park->park);
    } else {
      EXPECT_NE(park.error().message.find("seed.geojson"), std::string::npos) << park.error().message;
    }
  }
  EXPECT_GE(imported, 3);
}

TEST(FuzzCorpus, CsvImportReportsOrFails) {
  for (const auto& text : corpus("csv_import")) {
    std::istringstream in(text);
    auto report = parktwin::store::importCsv(in, nullptr);
    if (report) {
      EXPECT_LE(report->bad_lines.size(), report->lines);
    } else {
      EXPECT_FALSE(report.error().message.empty());
    }
  }
}

TEST(FuzzCorpus, GorillaBlocksDecodeOrFail) {
  for (const auto& blob : corpus("gorilla_block")) {
    const auto* bytes = reinterpret_cast<const std::uint8_t*>(blob.data());
    auto samples = parktwin::store::decodeBlock({bytes, blob.size()});
    if (!samples) {
      EXPECT_FALSE(samples.error().message.empty());
      continue;
    }
    auto again = parktwin::store::decodeBlock(parktwin::store::encodeBlock(*samples));
    ASSERT_TRUE(again);
    EXPECT_EQ(again->size(), samples->size());
  }
}

// Found by fuzz_park in its first minute: a number beyond double range (1e400) made nlohmann
// throw out_of_range, which parsePark did not catch: the exception escaped the loader and
// terminated the CLI and the GUI. Fixed by catching every json::exception.
TEST(FuzzRegression, ParkNumberBeyondDoubleRangeIsAnErrorNotAnException) {
  const std::string text = R"({"format": "parktwin-park/1", "id": "p", "latitude_deg": 1e400})";
  parktwin::Result<parktwin::model::Park> park = parktwin::fail("not run");
  EXPECT_NO_THROW(park = parktwin::model::parsePark(text, "overflow.json"));
  ASSERT_FALSE(park);
  EXPECT_NE(park.error().message.find("overflow.json: not valid JSON"), std::string::npos) << park.error().message;
  EXPECT_NE(park.error().message.find("number overflow"), std::string::npos) << park.error().message;
}

TEST(FuzzRegression, TourNumberBeyondDoubleRangeIsAnErrorNotAnException) {
  auto park = parktwin::model::parsePark(readSeed("park", "minimal.json"), "minimal.json");
  ASSERT_TRUE(park) << park.error().message;
  parktwin::Result<parktwin::model::Tour> tour = parktwin::fail("not run");
  EXPECT_NO_THROW(tour = parktwin::model::parseTour(R"({"stops": [{"fly_s": -1e999}]})", "tour.json", *park));
  ASSERT_FALSE(tour);
  EXPECT_NE(tour.error().message.find("tour.json: not valid JSON"), std::string::npos) << tour.error().message;
}

#ifdef PARKTWIN_HAVE_FEED
TEST(FuzzCorpus, MqttPayloadsParseOrFail) {
  for (const auto& input : corpus("mqtt_payload")) {
    const std::string_view view(input);
    const auto nul = view.find('\0');
    const auto payload = nul == std::string_view::npos ? view : view.substr(nul + 1);
    (void)parktwin::feed::parseTopic(view.substr(0, nul));  // it must not crash; any result will do
    auto sample = parktwin::feed::parsePayload(payload);
    if (!sample) {
      EXPECT_FALSE(sample.error().message.empty());
    }
    auto batch = parktwin::feed::parseBatchPayload(payload);
    if (!batch) {
      EXPECT_FALSE(batch.error().message.empty());
    }
  }
  const auto batch = parktwin::feed::parseBatchPayload(readSeed("mqtt_payload", "batch.bin").substr(22));
  ASSERT_TRUE(batch) << batch.error().message;
  EXPECT_EQ(batch->size(), 2U);
}

TEST(FuzzCorpus, ConnectionsFilesLoadOrFailWithPaths) {
  for (const auto& text : corpus("connections")) {
    auto connections = parktwin::feed::parseConnections(text, "c.json");
    if (!connections) {
      // Every refusal names the file (a field's problem also its JSON path; text that is not
      // JSON, or no text, says so), as fuzz_connections checks.
      EXPECT_TRUE(connections.error().message.starts_with("c.json: ")) << connections.error().message;
    }
  }
  EXPECT_TRUE(parktwin::feed::parseConnections(readSeed("connections", "all_kinds.json"), "c.json"));
}

TEST(FuzzCorpus, MqttMappingSeedsMapOrFailWithAReason) {
  std::size_t mapped = 0;
  for (const auto& input : corpus("mqtt_mapping")) {
    const auto samples = parktwin::feed::fuzzing::mapFuzzInput(input);
    if (!samples) continue;
    if (!*samples) {
      EXPECT_FALSE(samples->error().message.empty());
      continue;
    }
    for (const auto& s : **samples) EXPECT_FALSE(s.tag.empty());
    ++mapped;
  }
  EXPECT_GE(mapped, 4u);  // every seed is a message that maps
}
#endif

}  // namespace

// Found by fuzz_scenario after 3 minutes of the 10-minute run: a step of 10^91 minutes was
// converted to int64 milliseconds, undefined behaviour (UBSan). Now an error naming the field.
TEST(FuzzRegression, ScenarioDurationBeyondInt64IsAnError) {
  const std::string text = R"({"format": "parktwin-scenario/1", "id": "s", "step": ")" + std::string(92, '2') + R"(m"})";
  auto scenario = parktwin::scenario::parseScenario(text, "s.json", ".", ".");
  ASSERT_FALSE(scenario);
  EXPECT_NE(scenario.error().message.find("/step"), std::string::npos) << scenario.error().message;
  EXPECT_NE(scenario.error().message.find("expected a positive duration"), std::string::npos) << scenario.error().message;
}

// Found by fuzz_scenario at once: the same out-of-range number in a scenario file.
TEST(FuzzRegression, ScenarioNumberBeyondDoubleRangeIsAnErrorNotAnException) {
  parktwin::Result<parktwin::scenario::Scenario> scenario = parktwin::fail("not run");
  EXPECT_NO_THROW(scenario = parktwin::scenario::parseScenario(R"({"seed": 1e400})", "s.json", ".", "."));
  ASSERT_FALSE(scenario);
  EXPECT_NE(scenario.error().message.find("s.json: not valid JSON"), std::string::npos) << scenario.error().message;
}
