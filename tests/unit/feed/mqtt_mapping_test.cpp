// MQTT any shape, the pure part: topic patterns and payloads to samples. Expected values are
// worked out by hand in the comments (epoch of 2026-01-01T00:00:00Z is 1767225600 s).
#include <gtest/gtest.h>

#include "parktwin/feed/mqtt_mapping.hpp"

namespace {

using namespace parktwin::feed;

TEST(TopicPattern, NamedPartsBecomePlusAndAreCaptured) {
  auto p = compileTopicPattern("plant/{line}/{machine}/temp");
  ASSERT_TRUE(p) << p.error().message;
  EXPECT_EQ(p->subscription, "plant/+/+/temp");
  EXPECT_EQ(p->part_names, (std::vector<std::string>{"line", "machine"}));
  EXPECT_EQ(matchTopic(*p, "plant/l2/press-3/temp"), (std::vector<std::string>{"l2", "press-3"}));
  EXPECT_FALSE(matchTopic(*p, "plant/l2/temp"));
  EXPECT_FALSE(matchTopic(*p, "plant/l2/press-3/temp/x"));
  EXPECT_FALSE(matchTopic(*p, "other/l2/press-3/temp"));
}

TEST(TopicPattern, WildcardsMatchAsMqttDoes) {
  auto p = compileTopicPattern("site/+/#");
  ASSERT_TRUE(p);
  EXPECT_TRUE(matchTopic(*p, "site/a/b/c"));
  EXPECT_TRUE(matchTopic(*p, "site/a"));  // '#' includes the parent level
  EXPECT_FALSE(matchTopic(*p, "site"));
}

TEST(TopicPattern, RefusesMisplacedWildcardsAndBadNames) {
  EXPECT_FALSE(compileTopicPattern("a/#/b"));
  EXPECT_FALSE(compileTopicPattern("a/b+"));
  EXPECT_FALSE(compileTopicPattern("a/{x}/{x}"));
  EXPECT_FALSE(compileTopicPattern("a/{x-y}"));
  EXPECT_FALSE(compileTopicPattern(""));
}

TEST(TagPattern, ExpandsPartsAndNamesAMissingOne) {
  EXPECT_EQ(*expandTagPattern("{line}.{key}", {"line", "key"}, {"l2", "temp"}), "l2.temp");
  EXPECT_FALSE(expandTagPattern("{zone}.t", {"line"}, {"l2"}));
  EXPECT_FALSE(expandTagPattern("{line}.t", {"line"}, {""}));
}

MqttSubscription jsonSubscription() {
  MqttSubscription s;
  s.topic = "plant/{line}/data";
  s.payload = PayloadFormat::json;
  s.timestamp = TimestampFormat::iso8601;
  s.timestamp_pointer = "/meta/time";
  s.values.push_back({.value_pointer = "/data/temp", .csv_column = 0,
                      .mapping = {.tag = "{line}.temp", .scale = 0.1, .offset = 1, .deadband = 0, .unit = ""}});
  return s;
}

parktwin::Result<std::vector<MappedSample>> mapped(const MqttSubscription& s, std::string_view topic, std::string_view payload,
                                      std::int64_t receipt_ms = 5, std::string_view language = "en") {
  auto pattern = compileTopicPattern(s.topic);
  EXPECT_TRUE(pattern);
  const auto parts = matchTopic(*pattern, topic);
  EXPECT_TRUE(parts);
  return mapMessage(s, *pattern, *parts, payload, receipt_ms, language);
}

TEST(MapMessage, NestedJsonWithIsoTimeScaledAndOffset) {
  // 2026-01-01T08:00:00.250+08:00 = 2026-01-01T00:00:00.250Z = 1767225600250 ms; 9615 * 0.1 + 1 = 962.5
  auto s = mapped(jsonSubscription(), "plant/l2/data",
               R"({"meta": {"time": "2026-01-01T08:00:00.250+08:00"}, "data": {"temp": 9615}})");
  ASSERT_TRUE(s) << s.error().message;
  ASSERT_EQ(s->size(), 1u);
  EXPECT_EQ((*s)[0].tag, "l2.temp");
  EXPECT_EQ((*s)[0].ts_ms, 1767225600250);
  EXPECT_DOUBLE_EQ((*s)[0].value, 962.5);
}

TEST(MapMessage, EpochSecondsAndMilliseconds) {
  auto sub = jsonSubscription();
  sub.timestamp = TimestampFormat::epoch_s;
  auto s = mapped(sub, "plant/l1/data", R"({"meta": {"time": 1767225600.5}, "data": {"temp": "10"}})");
  ASSERT_TRUE(s) << s.error().message;
  EXPECT_EQ((*s)[0].ts_ms, 1767225600500);
  EXPECT_DOUBLE_EQ((*s)[0].value, 2.0);  // "10" * 0.1 + 1
  sub.timestamp = TimestampFormat::epoch_ms;
  s = mapped(sub, "plant/l1/data", R"({"meta": {"time": 1767225600123}, "data": {"temp": 0}})");
  ASSERT_TRUE(s);
  EXPECT_EQ((*s)[0].ts_ms, 1767225600123);
}

TEST(MapMessage, AMalformedMessageIsAnErrorNamingWhy) {
  const auto sub = jsonSubscription();
  EXPECT_EQ(mapped(sub, "plant/l1/data", "{not json").error().message, "not valid JSON");
  EXPECT_EQ(mapped(sub, "plant/l1/data", R"({"meta": {"time": "2026-01-01T00:00:00Z"}, "data": {}})").error().message,
            "no value at /data/temp");
  EXPECT_EQ(mapped(sub, "plant/l1/data", R"({"meta": {"time": "yesterday"}, "data": {"temp": 1}})").error().message,
            "timestamp \"yesterday\" is not ISO-8601 with a zone");
  EXPECT_EQ(mapped(sub, "plant/l1/data", R"({"meta": {"time": "2026-01-01T00:00:00Z"}, "data": {"temp": [1]}})")
                .error().message,
            "the value at /data/temp is not a number");
}

// The same refusals for a Chinese window or CLI (QA: they stayed English under --lang zh).
TEST(MapMessage, AMalformedMessageIsNamedInChineseWhenAsked) {
  const auto sub = jsonSubscription();
  const auto zh = [&](std::string_view payload) { return mapped(sub, "plant/l1/data", payload, 5, "zh").error().message; };
  EXPECT_EQ(zh("{not json"), "不是有效的 JSON");
  EXPECT_EQ(zh(R"({"meta": {"time": "2026-01-01T00:00:00Z"}, "data": {}})"), "/data/temp 处没有值");
  EXPECT_EQ(zh(R"({"meta": {"time": "yesterday"}, "data": {"temp": 1}})"), "时间戳“yesterday”不是带时区的 ISO-8601 时间");
  EXPECT_EQ(zh(R"({"meta": {"time": "2026-01-01T00:00:00Z"}, "data": {"temp": [1]}})"), "/data/temp 处的值不是数字");
  MqttSubscription csv;
  csv.topic = "meters/{id}";
  csv.payload = PayloadFormat::csv;
  csv.values.push_back({.value_pointer = "", .csv_column = 2, .mapping = {.tag = "{id}.kw", .scale = 1, .offset = 0, .deadband = 0, .unit = ""}});
  EXPECT_EQ(mapped(csv, "meters/m1", "1,2", 5, "zh").error().message, "没有第 2 列（该行只有 2 列）");
  EXPECT_EQ(mapped(csv, "meters/m1", "1,2,x", 5, "zh").error().message, "第 2 列不是数字");
  EXPECT_EQ(*expandTagPattern("{line}.t", {"line"}, {"l2"}, "zh"), "l2.t");
  EXPECT_EQ(expandTagPattern("{zone}.t", {"line"}, {"l2"}, "zh").error().message, "标签模式“{zone}.t”：没有部分 {zone}");
}

TEST(MapMessage, AnObjectOfReadingsGivesOneSampleEachAndSkipsText) {
  MqttSubscription sub;
  sub.topic = "site/{line}";
  sub.readings_pointer = "/r";
  sub.readings_mapping.tag = "{line}.{key}";
  sub.readings_mapping.scale = 2;
  auto s = mapped(sub, "site/l3", R"({"r": {"power": 1.5, "on": true, "status": "ok", "flow": "4"}})", 99);
  ASSERT_TRUE(s) << s.error().message;
  ASSERT_EQ(s->size(), 3u);  // nlohmann orders members by name: flow, on, power
  EXPECT_EQ((*s)[0].tag, "l3.flow");
  EXPECT_DOUBLE_EQ((*s)[0].value, 8.0);
  EXPECT_EQ((*s)[1].tag, "l3.on");
  EXPECT_DOUBLE_EQ((*s)[1].value, 2.0);
  EXPECT_EQ((*s)[2].tag, "l3.power");
  EXPECT_DOUBLE_EQ((*s)[2].value, 3.0);
  EXPECT_EQ((*s)[2].ts_ms, 99);  // receipt time
}

TEST(MapMessage, CsvColumnsWithATimestampColumn) {
  MqttSubscription sub;
  sub.topic = "meters/m1";
  sub.payload = PayloadFormat::csv;
  sub.timestamp = TimestampFormat::epoch_s;
  sub.timestamp_csv_column = 0;
  sub.values.push_back({.value_pointer = "", .csv_column = 1, .mapping = {.tag = "a", .scale = 1, .offset = 0, .deadband = 0, .unit = ""}});
  sub.values.push_back({.value_pointer = "", .csv_column = 3, .mapping = {.tag = "b", .scale = 1000, .offset = 0, .deadband = 0, .unit = ""}});
  auto s = mapped(sub, "meters/m1", "1767225600, 230.1 ,x,0.5\n");
  ASSERT_TRUE(s) << s.error().message;
  ASSERT_EQ(s->size(), 2u);
  EXPECT_EQ((*s)[0].ts_ms, 1767225600000);
  EXPECT_DOUBLE_EQ((*s)[0].value, 230.1);
  EXPECT_DOUBLE_EQ((*s)[1].value, 500.0);
  EXPECT_EQ(mapped(sub, "meters/m1", "1767225600,1").error().message, "no column 3 (the line has 2)");
}

TEST(MapMessage, APlainNumberAtReceiptTime) {
  MqttSubscription sub;
  sub.topic = "t";
  sub.payload = PayloadFormat::number;
  sub.values.push_back({.value_pointer = "", .csv_column = 0, .mapping = {.tag = "x", .scale = 1, .offset = -273.15, .deadband = 0, .unit = ""}});
  auto s = mapped(sub, "t", " 300 ", 42);
  ASSERT_TRUE(s);
  EXPECT_EQ((*s)[0].ts_ms, 42);
  EXPECT_NEAR((*s)[0].value, 26.85, 1e-9);
  EXPECT_FALSE(mapped(sub, "t", "nan"));
  EXPECT_FALSE(mapped(sub, "t", "12abc"));
}

}  // namespace
