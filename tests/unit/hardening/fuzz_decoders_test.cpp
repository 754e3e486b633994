// The decoders fuzzed since issue 21 (fuzz/fuzz_mqtt_packet.cpp, fuzz_gltf.cpp,
// fuzz_opcua_gateway.cpp, fuzz_clickhouse_tsv.cpp, fuzz_snapshot.cpp): every corpus input
// through its decoder in the normal suite, and each bug the fuzzers found as a named test with
// the input written out by hand (docs/hardening.md, "Bugs found and fixed").
#include <gtest/gtest.h>

#include <string>

#include "clickhouse_http.hpp"
#include "fuzz_corpus.hpp"
#include "parktwin/model/gltf_summary.hpp"
#include "snapshot_codec.hpp"
#ifdef PARKTWIN_HAVE_FEED
#include "opcua_gateway.hpp"
#include "parktwin/feed/mqtt_packet.hpp"
#endif

namespace {

using parktwin::model::summarizeGltfBytes;

TEST(FuzzCorpus, GltfModelsSummariseOrFailNamingTheFile) {
  const auto inputs = corpus("gltf");
  ASSERT_GE(inputs.size(), 3u);
  int summarised = 0;
  for (const auto& bytes : inputs) {
    auto summary = summarizeGltfBytes(bytes, "seed.glb", "/nonexistent/parktwin-fuzz");
    if (!summary) {
      EXPECT_EQ(summary.error().message.rfind("seed.glb", 0), 0u) << summary.error().message;
      continue;
    }
    ++summarised;
    EXPECT_GE(summary->triangles, 0);
    for (std::size_t axis = 0; summary->has_bounds && axis < 3; ++axis) EXPECT_LE(summary->min[axis], summary->max[axis]);
  }
  EXPECT_GE(summarised, 2);  // hall-sawtooth-roof.glb and instanced.gltf
}

TEST(FuzzCorpus, TsvRowsSplitOnTabsAndNewlines) {
  for (const auto& text : corpus("clickhouse_tsv")) (void)parktwin::store::clickhouse::parseTsv(text);
  // By hand: two lines; "\\t" is an escaped tab inside a field, "\\N" stays as ClickHouse's NULL text.
  const auto rows = parktwin::store::clickhouse::parseTsv("a\\tb\tc\n\\N\n");
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[0], (std::vector<std::string>{"a\tb", "c"}));
  EXPECT_EQ(rows[1], (std::vector<std::string>{"N"}));
}

TEST(FuzzCorpus, SnapshotsDecodeOrFail) {
  int decoded = 0;
  for (const auto& blob : corpus("snapshot")) {
    const auto* bytes = reinterpret_cast<const std::uint8_t*>(blob.data());
    if (parktwin::store::decodeSnapshot(std::span<const std::uint8_t>(bytes, blob.size()))) ++decoded;
  }
  EXPECT_GE(decoded, 3);  // compact.bin, empty.bin, old_layout.bin; huge_count.bin is refused
}

#ifdef PARKTWIN_HAVE_FEED
TEST(FuzzCorpus, MqttStreamsFrameOrStop) {
  for (const auto& stream : corpus("mqtt_packet")) {
    std::string_view rest = stream;
    while (!rest.empty()) {
      auto frame = parktwin::feed::mqtt::nextFrame(rest);
      if (!frame || !*frame) break;
      ASSERT_LE((*frame)->size, rest.size());
      (void)parktwin::feed::mqtt::parsePublish(**frame);
      rest.remove_prefix((*frame)->size);
    }
  }
}

TEST(FuzzCorpus, GatewayLinesAreEventsOrIgnored) {
  int events = 0;
  for (const auto& line : corpus("opcua_gateway")) events += parktwin::feed::detail::parseGatewayLine(line) ? 1 : 0;
  EXPECT_EQ(events, 4);  // every seed but the Node.js warning
}
#endif

}  // namespace
