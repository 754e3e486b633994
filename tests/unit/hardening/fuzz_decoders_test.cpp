// The decoders fuzzed since issue 21 (fuzz/fuzz_mqtt_packet.cpp, fuzz_gltf.cpp,
// fuzz_opcua_gateway.cpp, fuzz_clickhouse_tsv.cpp, fuzz_snapshot.cpp, fuzz_tail_row.cpp): every corpus input
// through its decoder in the normal suite, and each bug the fuzzers found as a named test with
// the input written out by hand (docs/hardening.md, "Bugs found and fixed").
#include <gtest/gtest.h>

#include <string>

#include "clickhouse_http.hpp"
#include "fuzz_corpus.hpp"
#include "parktwin/model/gltf_summary.hpp"
#include "snapshot_codec.hpp"
#include "tail_codec.hpp"
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

TEST(FuzzCorpus, TailRowsDecodeOrFail) {
  int decoded = 0;
  for (const auto& blob : corpus("tail_row")) {
    const auto* bytes = reinterpret_cast<const std::uint8_t*>(blob.data());
    if (parktwin::store::decodeTailRow(std::span<const std::uint8_t>(bytes, blob.size()))) ++decoded;
  }
  EXPECT_GE(decoded, 2);  // three_tags.bin, magic_only.bin; length_past_end.bin is refused
}

// A glTF with one mesh (one triangle, POSITION bounds `bounds`) and the given nodes.
std::string gltfWith(const std::string& nodes, const std::string& accessorExtra = "", const std::string& bounds = "\"min\":[0,0,0],\"max\":[1,1,1]",
                     const std::string& primitiveExtra = "") {
  return R"({"asset":{"version":"2.0"},"scenes":[{"nodes":[0]}],"nodes":)" + nodes +
         R"(,"meshes":[{"primitives":[{"attributes":{"POSITION":0})" + primitiveExtra + R"(}]}],"accessors":[{"count":3,)" +
         bounds + accessorExtra + "}]}";
}

TEST(FuzzRegression, GltfAccessorCountBeyondInt64IsRefused) {
  // The count was cast from double to int64: undefined beyond 2^63 (UBSan: float-cast-overflow).
  const std::string text = R"({"asset":{"version":"2.0"},"meshes":[{"primitives":[{"attributes":{"POSITION":0}}]}],)"
                           R"("accessors":[{"count":18446744073709551615,"min":[0,0,0],"max":[1,1,1]}]})";
  auto summary = summarizeGltfBytes(text, "big.gltf", ".");
  ASSERT_FALSE(summary);
  EXPECT_NE(summary.error().message.find("big.gltf: /accessors/0/count"), std::string::npos) << summary.error().message;
}

TEST(FuzzRegression, GltfPrimitiveModeOutsideTheSpecificationIsRefused) {
  // glTF 2.0 5.24.3: mode is 0..6; 1e300 was cast to int (undefined behaviour).
  auto summary = summarizeGltfBytes(gltfWith(R"([{"mesh":0}])", "", R"("min":[0,0,0],"max":[1,1,1])", R"(,"mode":1e300)"),
                                    "mode.gltf", ".");
  ASSERT_FALSE(summary);
  EXPECT_NE(summary.error().message.find("mode.gltf: /meshes/0/primitives/0/mode"), std::string::npos)
      << summary.error().message;
}

TEST(FuzzRegression, GltfNodeTreeDrawingTooManyInstancesIsRefusedQuickly) {
  // Node i has node i+1 twice as child: 2^40 instances from 41 nodes. The depth limit (256)
  // alone let this run for ever; a node that is its own child twice ([0,0]) did the same.
  std::string nodes = "[";
  for (int i = 0; i < 40; ++i) nodes += R"({"children":[)" + std::to_string(i + 1) + "," + std::to_string(i + 1) + "]},";
  nodes += R"({"mesh":0}])";
  auto summary = summarizeGltfBytes(gltfWith(nodes), "tree.gltf", ".");
  ASSERT_FALSE(summary);
  EXPECT_NE(summary.error().message.find("tree.gltf: /nodes"), std::string::npos) << summary.error().message;
  EXPECT_FALSE(summarizeGltfBytes(gltfWith(R"([{"mesh":0,"children":[0,0]}])"), "cycle.gltf", "."));
  // 64 instances of a node are a legitimate scene and still summarised: 64 triangles.
  std::string fan = "[{\"children\":[";
  for (int i = 0; i < 64; ++i) fan += (i ? ",1" : "1");
  fan += R"(]},{"mesh":0}])";
  auto ok = summarizeGltfBytes(gltfWith(fan), "fan.gltf", ".");
  ASSERT_TRUE(ok) << ok.error().message;
  EXPECT_EQ(ok->triangles, 64);
  EXPECT_EQ(ok->nodes_drawn, 64);
}

TEST(FuzzRegression, GltfBoundsBeyondFloatRangeAreRefused) {
  // 1e308 scaled by 10 is infinite, and infinity times a zero of the rotation is NaN: bounds
  // the window would fit its camera to.
  auto summary = summarizeGltfBytes(gltfWith(R"([{"mesh":0,"scale":[10,10,10]}])", "", R"("min":[-1e308,0,0],"max":[1e308,1,1])"),
                                    "huge.gltf", ".");
  ASSERT_FALSE(summary);
  EXPECT_NE(summary.error().message.find("huge.gltf: /nodes/0"), std::string::npos) << summary.error().message;
  // Finite but beyond float: the window's float(...) of the bounds was undefined behaviour.
  EXPECT_FALSE(summarizeGltfBytes(gltfWith(R"([{"mesh":0}])", "", R"("min":[-1e300,0,0],"max":[1e300,1,1])"), "f.gltf", "."));
  EXPECT_TRUE(summarizeGltfBytes(gltfWith(R"([{"mesh":0}])", "", R"("min":[-1e38,0,0],"max":[1e38,1,1])"), "f.gltf", "."));
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
  for (const auto& line : corpus("opcua_gateway")) (void)parktwin::feed::detail::parseGatewayLine(line);
  using parktwin::feed::detail::GatewayEvent;
  const auto lost = parktwin::feed::detail::parseGatewayLine(readSeed("opcua_gateway", "error_session.json"));
  ASSERT_TRUE(lost);
  EXPECT_EQ(lost->kind, GatewayEvent::Kind::error);
  EXPECT_EQ(lost->message, "BadSessionIdInvalid");
  EXPECT_TRUE(lost->loosesConnection);
  EXPECT_FALSE(parktwin::feed::detail::parseGatewayLine(readSeed("opcua_gateway", "node_warning.txt")));
}

TEST(FuzzRegression, GatewayLineWithFieldsOfAnotherTypeIsNotAnException) {
  using parktwin::feed::detail::GatewayEvent;
  using parktwin::feed::detail::parseGatewayLine;
  // json::value() throws type_error.302 when the field has another type; the exception left
  // the OPC UA source's reader thread and terminated the program.
  EXPECT_FALSE(parseGatewayLine(R"({"level":1})"));
  auto error = parseGatewayLine(R"({"level":"error","message":5,"kind":"session"})");
  ASSERT_TRUE(error);
  EXPECT_EQ(error->kind, GatewayEvent::Kind::error);
  EXPECT_EQ(error->message, "unknown gateway error");
  EXPECT_TRUE(error->loosesConnection);
  auto kindless = parseGatewayLine(R"({"level":"error","message":"x","kind":7})");
  ASSERT_TRUE(kindless);
  EXPECT_FALSE(kindless->loosesConnection);
  auto other = parseGatewayLine(R"({"level":"info","event":["connected"]})");
  ASSERT_TRUE(other);
  EXPECT_EQ(other->kind, GatewayEvent::Kind::other);
}
#endif

}  // namespace
