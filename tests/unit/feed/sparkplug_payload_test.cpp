// The Sparkplug B decoder against payloads encoded by hand from the protobuf wire rules
// (tag = field << 3 | wire type; varints 7 bits at a time, low first), not by our encoder.
#include <gtest/gtest.h>

#include <string>

#include "parktwin/feed/sparkplug_payload.hpp"

namespace {

using namespace parktwin::feed;

std::string bytes(std::initializer_list<unsigned> values) {
  std::string out;
  for (unsigned v : values) out.push_back(static_cast<char>(v));
  return out;
}

TEST(SparkplugTopic, SplitsNodeAndDeviceTopics) {
  auto node = parseSparkplugTopic("spBv1.0/Plant/NDATA/Edge1");
  ASSERT_TRUE(node) << node.error().message;
  EXPECT_EQ(node->group_id, "Plant");
  EXPECT_EQ(node->type, SparkplugMessageType::ndata);
  EXPECT_EQ(node->edge_node_id, "Edge1");
  EXPECT_EQ(node->device_id, "");
  auto device = parseSparkplugTopic("spBv1.0/Plant/DBIRTH/Edge1/Meter1");
  ASSERT_TRUE(device) << device.error().message;
  EXPECT_EQ(device->type, SparkplugMessageType::dbirth);
  EXPECT_EQ(device->device_id, "Meter1");
  EXPECT_EQ(sparkplugTopic("Plant", SparkplugMessageType::dbirth, "Edge1", "Meter1"), "spBv1.0/Plant/DBIRTH/Edge1/Meter1");
}

TEST(SparkplugTopic, RefusesWhatIsNotSparkplug) {
  EXPECT_FALSE(parseSparkplugTopic("spBv1.0/Plant/NDATA"));            // no edge node
  EXPECT_FALSE(parseSparkplugTopic("spBv1.0/Plant/NDATA/Edge1/Dev"));  // node message with a device
  EXPECT_FALSE(parseSparkplugTopic("spBv1.0/Plant/DDATA/Edge1"));      // device message without one
  EXPECT_FALSE(parseSparkplugTopic("spAv1.0/Plant/NDATA/Edge1"));
  EXPECT_FALSE(parseSparkplugTopic("spBv1.0/Plant/NSTUFF/Edge1"));
  EXPECT_FALSE(parseSparkplugTopic("spBv1.0//NDATA/Edge1"));
  auto error = parseSparkplugTopic("spBv1.0/Plant/DDATA/Edge1");
  ASSERT_FALSE(error);
  EXPECT_NE(error.error().message.find("needs a device id"), std::string::npos) << error.error().message;
}

TEST(SparkplugPayload, DecodesTimestampSeqAndAMetric) {
  // timestamp 300 (field 1: 08 ac 02), seq 5 (field 3: 18 05), one metric (field 2, 12 len):
  //   name "T" (0a 01 54), alias 3 (10 03), timestamp 1000 (18 e8 07), datatype Int32 (20 03),
  //   int_value -5 as uint32 4294967291 (field 10 varint: 50 fb ff ff ff 0f)
  const std::string payload = bytes({0x08, 0xac, 0x02, 0x18, 0x05, 0x12, 0x10, 0x0a, 0x01, 0x54, 0x10, 0x03, 0x18, 0xe8, 0x07,
                                     0x20, 0x03, 0x50, 0xfb, 0xff, 0xff, 0xff, 0x0f});
  auto decoded = decodeSparkplugPayload(payload);
  ASSERT_TRUE(decoded) << decoded.error().message;
  EXPECT_EQ(decoded->timestamp_ms, 300);
  EXPECT_EQ(decoded->seq, 5U);
  ASSERT_EQ(decoded->metrics.size(), 1U);
  const auto& m = decoded->metrics[0];
  EXPECT_EQ(m.name, "T");
  EXPECT_EQ(m.alias, 3U);
  EXPECT_EQ(m.timestamp_ms, 1000);
  EXPECT_EQ(m.datatype, SparkplugDataType::int32);
  EXPECT_EQ(m.field, SparkplugValueField::int_value);
  EXPECT_EQ(sparkplugNumber(m, m.datatype), -5.0);
  // Read as unsigned (no declared type) the same bits are 2^32 - 5.
  EXPECT_EQ(sparkplugNumber(m, std::nullopt), 4294967291.0);
}

TEST(SparkplugPayload, ReadsDoublesBooleansAndNarrowSignedTypes) {
  // metric: alias 1, double_value 2.5 (field 13, fixed64: 69 + 00 00 00 00 00 00 04 40)
  auto d = decodeSparkplugPayload(bytes({0x12, 0x0b, 0x10, 0x01, 0x69, 0, 0, 0, 0, 0, 0, 0x04, 0x40}));
  ASSERT_TRUE(d) << d.error().message;
  EXPECT_EQ(sparkplugNumber(d->metrics.at(0), SparkplugDataType::double_), 2.5);
  // metric: boolean_value true (field 14 varint: 70 01)
  auto b = decodeSparkplugPayload(bytes({0x12, 0x02, 0x70, 0x01}));
  ASSERT_TRUE(b) << b.error().message;
  EXPECT_EQ(sparkplugNumber(b->metrics.at(0), SparkplugDataType::boolean), 1.0);
  // Int8 -2 sent as 254 (offset by 2^8): int_value 254 (50 fe 01)
  auto i8 = decodeSparkplugPayload(bytes({0x12, 0x03, 0x50, 0xfe, 0x01}));
  ASSERT_TRUE(i8) << i8.error().message;
  EXPECT_EQ(sparkplugNumber(i8->metrics.at(0), SparkplugDataType::int8), -2.0);
  // Int64 -1 in long_value (field 11: 58 + ten-byte varint)
  auto i64 = decodeSparkplugPayload(bytes({0x12, 0x0b, 0x58, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01}));
  ASSERT_TRUE(i64) << i64.error().message;
  EXPECT_EQ(sparkplugNumber(i64->metrics.at(0), SparkplugDataType::int64), -1.0);
  // A boolean read as a double is no number: the field does not fit the type.
  EXPECT_EQ(sparkplugNumber(b->metrics.at(0), SparkplugDataType::double_), std::nullopt);
}

TEST(SparkplugPayload, StringsAndNullsAreNoNumbers) {
  // string_value "x" (field 15: 7a 01 78); is_null true (field 7: 38 01)
  auto s = decodeSparkplugPayload(bytes({0x12, 0x03, 0x7a, 0x01, 0x78}));
  ASSERT_TRUE(s) << s.error().message;
  EXPECT_EQ(s->metrics.at(0).field, SparkplugValueField::other);
  EXPECT_EQ(sparkplugNumber(s->metrics.at(0), SparkplugDataType::string), std::nullopt);
  auto n = decodeSparkplugPayload(bytes({0x12, 0x02, 0x38, 0x01}));
  ASSERT_TRUE(n) << n.error().message;
  EXPECT_TRUE(n->metrics.at(0).is_null);
  EXPECT_EQ(sparkplugNumber(n->metrics.at(0), SparkplugDataType::double_), std::nullopt);
}

TEST(SparkplugPayload, RefusesMalformedBytesAndImpossibleSeq) {
  EXPECT_FALSE(decodeSparkplugPayload(bytes({0x0a, 0xff, 0x01})));  // length 255, 0 bytes follow
  EXPECT_FALSE(decodeSparkplugPayload("{\"ts\":1,\"v\":2}"));        // our JSON shape, not protobuf
  auto seq = decodeSparkplugPayload(bytes({0x18, 0x80, 0x02}));        // seq 256
  ASSERT_FALSE(seq);
  EXPECT_NE(seq.error().message.find("seq"), std::string::npos) << seq.error().message;
}

// For a Chinese window or CLI (QA: the source's errors stayed English under --lang zh).
TEST(SparkplugPayload, RefusalsInChineseWhenAsked) {
  EXPECT_EQ(decodeSparkplugPayload(bytes({0x0a, 0xff, 0x01}), "zh").error().message,
            "不是 Sparkplug B 载荷（3 字节，不是有效的 protobuf）");
  EXPECT_EQ(decodeSparkplugPayload(bytes({0x18, 0x80, 0x02}), "zh").error().message, "seq：256 不在 0-255 之内");
  EXPECT_EQ(decodeSparkplugPayload(bytes({0x18, 0x80, 0x02})).error().message, "seq: 256 is not 0-255");
  EXPECT_EQ(parseSparkplugTopic("spBv1.0/Plant/DDATA/Edge1", "zh").error().message, "主题“spBv1.0/Plant/DDATA/Edge1”：DDATA 需要设备 ID");
  EXPECT_EQ(parseSparkplugTopic("spBv1.0/Plant/NSTUFF/Edge1", "zh").error().message,
            "主题“spBv1.0/Plant/NSTUFF/Edge1”：未知的消息类型“NSTUFF”");
  EXPECT_EQ(parseSparkplugTopic("spBv1.0/Plant/NSTUFF/Edge1").error().message,
            "topic \"spBv1.0/Plant/NSTUFF/Edge1\": unknown message type \"NSTUFF\"");
}

TEST(SparkplugPayload, RebirthRequestIsTheSpecificationsNcmd) {
  // Expected bytes by hand: timestamp 5 (08 05), metric (12 1c): name "Node Control/Rebirth"
  // (0a 14 ...), timestamp 5 (18 05), datatype Boolean 11 (20 0b), boolean_value true (70 01).
  std::string expected = bytes({0x08, 0x05, 0x12, 0x1c, 0x0a, 0x14});
  expected += "Node Control/Rebirth";
  expected += bytes({0x18, 0x05, 0x20, 0x0b, 0x70, 0x01});
  EXPECT_EQ(encodeRebirthRequest(5), expected);
}

}  // namespace
