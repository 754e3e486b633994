// The pure wire-format functions: topics and payloads.
#include <gtest/gtest.h>

#include <cmath>
#include <optional>
#include <string>
#include <vector>

using namespace std::string_literals;

#include <nlohmann/json.hpp>

#include "parktwin/feed/payload.hpp"

namespace {

using namespace parktwin::feed;

TEST(Topic, SplitsPrefixParkAndTag) {
  const auto parts = parseTopic("parktwin/beidu/potline-1.current");
  ASSERT_TRUE(parts);
  EXPECT_EQ(parts->park, "beidu");
  EXPECT_EQ(parts->tag, "potline-1.current");
  EXPECT_EQ(parseTopic("parktwin/beidu/a/b")->tag, "a/b");
  EXPECT_EQ(topicFor("jiulong", "battery.soc"), "parktwin/jiulong/battery.soc");
  EXPECT_EQ(subscriptionFor("beidu"), "parktwin/beidu/#");
}

TEST(Topic, RejectsOtherShapes) {
  for (const char* bad : {"", "parktwin", "parktwin/", "parktwin/beidu", "parktwin/beidu/", "parktwin//tag",
                          "other/beidu/tag", "parktwinx/beidu/tag"}) {
    EXPECT_FALSE(parseTopic(bad)) << bad;
  }
}

TEST(Payload, ReadsPlainNumbersWithoutTimestamp) {
  auto s = parsePayload("401.25");
  ASSERT_TRUE(s);
  EXPECT_FALSE(s->ts_ms);
  EXPECT_DOUBLE_EQ(s->value, 401.25);
  EXPECT_DOUBLE_EQ(parsePayload(" -3e2\n")->value, -300);
}

TEST(Payload, ReadsJsonWithEpochOrIsoTimestamps) {
  auto a = parsePayload(R"({"ts": 1767225600000, "v": 960.5})");
  ASSERT_TRUE(a) << a.error().message;
  EXPECT_EQ(*a->ts_ms, 1'767'225'600'000);
  EXPECT_DOUBLE_EQ(a->value, 960.5);
  auto b = parsePayload(R"({"v": 1, "ts": "2026-01-01T08:00:00.5+08:00"})");
  ASSERT_TRUE(b) << b.error().message;
  EXPECT_EQ(*b->ts_ms, 1'767'225'600'500);
  EXPECT_EQ(*parsePayload(R"({"ts":"2026-01-01T00:00:00Z","v":2})")->ts_ms, 1'767'225'600'000);
  EXPECT_FALSE(parsePayload(R"({"v": 7})")->ts_ms);
  EXPECT_DOUBLE_EQ(parsePayload(R"({"ts": 5, "v": true})")->value, 1.0);
}

TEST(Payload, RoundTripsItsOwnFormatExactly) {
  for (double v : {0.0, -1.5, 401.23456789012345, 1e-300, 6.02214076e23}) {
    const std::string text = formatPayload(1'767'225'600'123, v);
    auto back = parsePayload(text);
    ASSERT_TRUE(back) << text;
    EXPECT_EQ(*back->ts_ms, 1'767'225'600'123);
    EXPECT_EQ(back->value, v) << text;
  }
  EXPECT_EQ(formatPayload(12, 3.5), R"({"ts":12,"v":3.5})");
}

TEST(Payload, ANumberTooLargeForADoubleIsNamedAsSuchNotAsBadJson) {
  auto huge = parsePayload("{\"ts\":1,\"v\":1e999}");
  ASSERT_FALSE(huge);
  EXPECT_EQ(huge.error().message, "payload has a number too large for a double");
  auto broken = parsePayload(R"({"ts":1,"v":1,})");
  ASSERT_FALSE(broken);
  EXPECT_EQ(broken.error().message, "payload is not valid JSON");
}

TEST(Payload, RejectsMalformedInputWithAReason) {
  for (const char* bad : {"", "   ", "abc", "12abc", "nan", "inf", "{", "{}", "[1,2]", R"({"v":"x"})",
                          R"({"ts":1})", R"({"ts":"yesterday","v":1})", R"({"ts":"2026-01-01T00:00:00","v":1})",
                          R"({"ts":[1],"v":1})", R"({"ts":1,"v":null})", "{\"ts\":1,\"v\":1e999}",
                          "\xff\xfe", R"({"ts":1,"v":1,})"}) {
    auto s = parsePayload(bad);
    EXPECT_FALSE(s) << "accepted: " << bad;
    if (!s) {
      EXPECT_FALSE(s.error().message.empty());
    }
  }
}

// The batch of parktwin-opcua-gateway, against hand-written text: every sample keeps its own tag,
// source timestamp and value.
TEST(BatchPayload, ReadsEverySampleWithItsOwnTagAndTimestamp) {
  const auto batch = parseBatchPayload(
      R"({"samples":[["line1.temp",1767225600000,20.5],["a/b",1767225600250,true],["line1.temp",1767225600500,-2e3],)"
      R"(["x",-5,0]]})");
  ASSERT_TRUE(batch) << batch.error().message;
  ASSERT_EQ(batch->size(), 4U);
  EXPECT_EQ((*batch)[0].tag, "line1.temp");
  EXPECT_EQ((*batch)[0].ts_ms, 1'767'225'600'000);
  EXPECT_EQ((*batch)[0].value, 20.5);
  EXPECT_EQ((*batch)[1].tag, "a/b");
  EXPECT_EQ((*batch)[1].ts_ms, 1'767'225'600'250);
  EXPECT_EQ((*batch)[1].value, 1.0);
  EXPECT_EQ((*batch)[2].ts_ms, 1'767'225'600'500);
  EXPECT_EQ((*batch)[2].value, -2000.0);
  EXPECT_EQ((*batch)[3].ts_ms, -5);
  EXPECT_TRUE(parseBatchPayload(R"({"samples":[]})")->empty());
}

TEST(BatchPayload, RoundTripsItsOwnFormatExactly) {
  const std::vector<BatchSample> samples{{"s0.v1", 1'767'225'600'123, 401.23456789012345}, {"s0.v2", 12, 6.02214076e23}};
  EXPECT_EQ(formatBatchPayload({{"t", 12, 3.5}}), R"({"samples":[["t",12,3.5]]})");
  const auto back = parseBatchPayload(formatBatchPayload(samples));
  ASSERT_TRUE(back) << back.error().message;
  ASSERT_EQ(back->size(), 2U);
  for (std::size_t i = 0; i < 2; ++i) {
    EXPECT_EQ((*back)[i].tag, samples[i].tag);
    EXPECT_EQ((*back)[i].ts_ms, samples[i].ts_ms);
    EXPECT_EQ((*back)[i].value, samples[i].value);
  }
}

TEST(BatchPayload, ErrorsNameTheBadSamplesJsonPath) {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"", "not a JSON object"},
      {"[1]", "not a JSON object"},
      {R"({"samples":{}})", "/samples: expected an array"},
      {R"({"values":[]})", "/samples: expected an array"},
      {R"({"samples":[["a",1,2],["b",1]]})", "/samples/1: expected [tag, ts_ms, value]"},
      {R"({"samples":[["a",1,2],[7,1,2]]})", "/samples/1/0: expected a tag id"},
      {R"({"samples":[["",1,2]]})", "/samples/0/0: expected a tag id"},
      {R"({"samples":[["$batch",1,2]]})", "/samples/0/0: $batch is not a tag"},
      {R"({"samples":[["a",1.5,2]]})", "/samples/0/1: expected the source timestamp"},
      {R"({"samples":[["a","2026-01-01T00:00:00Z",2]]})", "/samples/0/1: expected the source timestamp"},
      {R"({"samples":[["a",1,"2"]]})", "/samples/0/2: expected a number or a boolean"},
      {R"({"samples":[["a",1,null]]})", "/samples/0/2: expected a number or a boolean"},
  };
  for (const auto& [text, expected] : cases) {
    const auto batch = parseBatchPayload(text);
    ASSERT_FALSE(batch) << "accepted: " << text;
    EXPECT_NE(batch.error().message.find(expected), std::string::npos) << text << " -> " << batch.error().message;
  }
  EXPECT_FALSE(parseBatchPayload(R"({"samples":[["a",1,1e999]]})"));  // not finite, whoever notices
  const std::string big = R"({"samples":[)" + std::string(kMaxBatchPayloadBytes, ' ') + "]}";
  const auto tooBig = parseBatchPayload(big);
  ASSERT_FALSE(tooBig);
  EXPECT_NE(tooBig.error().message.find("over the limit"), std::string::npos);
}

// The mutation fuzzers' random numbers (xorshift64): the same sequence on every run.
struct XorShift {
  std::uint64_t state;
  std::uint64_t operator()() {
    state ^= state << 13;
    state ^= state >> 7;
    state ^= state << 17;
    return state;
  }
};

// The oracle for batches: nlohmann-json read directly, the rules of docs/mqtt.md applied by hand.
std::optional<std::vector<BatchSample>> batchByTheRules(const std::string& text) {
  const auto json = nlohmann::json::parse(text, nullptr, false);
  if (json.is_discarded() || !json.is_object() || !json.contains("samples") || !json["samples"].is_array()) return std::nullopt;
  std::vector<BatchSample> out;
  for (const auto& item : json["samples"]) {
    if (!item.is_array() || item.size() != 3 || !item[0].is_string() || !item[1].is_number_integer()) return std::nullopt;
    const std::string tag = item[0].get<std::string>();
    if (tag.empty() || tag == "$batch") return std::nullopt;
    double v = 0;
    if (item[2].is_boolean()) v = item[2].get<bool>() ? 1 : 0;
    else if (item[2].is_number()) v = item[2].get<double>();
    else return std::nullopt;
    if (!std::isfinite(v)) return std::nullopt;
    out.push_back({tag, item[1].get<std::int64_t>(), v});
  }
  return out;
}

void expectSameAsTheRules(const std::string& text) {
  const auto expected = batchByTheRules(text);
  const auto got = parseBatchPayload(text);
  ASSERT_EQ(got.has_value(), expected.has_value()) << text;
  if (!expected) return;
  ASSERT_EQ(got->size(), expected->size()) << text;
  for (std::size_t i = 0; i < got->size(); ++i) {
    ASSERT_EQ((*got)[i].tag, (*expected)[i].tag) << text;
    ASSERT_EQ((*got)[i].ts_ms, (*expected)[i].ts_ms) << text;
    ASSERT_EQ((*got)[i].value, (*expected)[i].value) << text;
  }
}

// The gateway's exact form is read without a JSON library; every other spelling goes through
// nlohmann-json. Both must say what the rules say, for the gateway's form, its near misses and
// JSON the fast reader leaves to the full one.
TEST(BatchPayload, TheFastReaderAgreesWithTheRulesOnEveryForm) {
  for (const char* text :
       {R"({"samples":[["a",1,2.5],["b",-3,true],["c",0,false],["d",7,-0.125e-3],["e",8,1E5]]})",
        R"({"samples":[]})", R"({ "samples" : [ ["a", 1, 2] ] })", R"({"samples":[["ét"é",1,2]]})",
        R"({"samples":[["温度",1,2]]})", R"({"samples":[["a",1,2]],"extra":1})", R"({"samples":[["a",01,2]]})",
        R"({"samples":[["a",1,01]]})", R"({"samples":[["a",1,1.]]})", R"({"samples":[["a",1,.5]]})",
        R"({"samples":[["a",1,+5]]})", R"({"samples":[["a",1,inf]]})", R"({"samples":[["a",1,nan]]})",
        R"({"samples":[["a",1,-inf]]})", R"({"samples":[["a",1,1e999]]})", R"({"samples":[["a",1.0,2]]})",
        R"({"samples":[["a",1e3,2]]})", R"({"samples":[["a",1,2],]})", R"({"samples":[["a",1,2]]}x)",
        R"({"samples":[["a",1,2]])", R"({"samples":[["a",1,2,3]]})", R"({"samples":[["a",1,truex]]})",
        R"({"samples":[["",1,2]]})", R"({"samples":[["$batch",1,2]]})", R"({"samples":[["a",99999999999999999999,2]]})",
        "{\"samples\":[[\"a\tb\",1,2]]}", "{\"samples\":[[\"a\xff\",1,2]]}"}) {
    expectSameAsTheRules(text);
  }
}

TEST(BatchPayloadFuzz, MutatedBatchesAreReadAsTheRulesSay) {
  const std::string seed = formatBatchPayload({{"s0.v1", 1'767'225'600'123, 401.25}, {"b", -5, -0.5}, {"c", 0, 1e-7}});
  const std::string alphabet = "{}[]\",.-+eE0123456789tsvrualfn$\\ \xff"s;
  XorShift next{987654321};
  int accepted = 0;
  for (int i = 0; i < 100'000; ++i) {
    std::string text = seed;
    const int edits = 1 + static_cast<int>(next() % 3);
    for (int e = 0; e < edits && !text.empty(); ++e) {
      const std::size_t at = next() % text.size();
      switch (next() % 3) {
        case 0: text[at] = alphabet[next() % alphabet.size()]; break;
        case 1: text.erase(at, 1 + next() % 2); break;
        default: text.insert(at, 1, alphabet[next() % alphabet.size()]); break;
      }
    }
    expectSameAsTheRules(text);
    if (HasFatalFailure()) return;
    accepted += parseBatchPayload(text) ? 1 : 0;
  }
  EXPECT_GT(accepted, 1000);  // the mutations do reach the accepting paths
}

TEST(IsoInstant, NeedsAZone) {
  EXPECT_EQ(*parseIsoInstant("1970-01-01T00:00:01Z"), 1000);
  EXPECT_EQ(*parseIsoInstant("1970-01-01T00:00:00-01:00"), 3'600'000);
  EXPECT_FALSE(parseIsoInstant("1970-01-01T00:00:00"));
  EXPECT_FALSE(parseIsoInstant("1970-13-01T00:00:00Z"));
}

}  // namespace

namespace {

// A poor man's fuzzer until a libFuzzer build exists (clang 14 lacks GCC 12's <expected>):
// mutations of valid payloads and random bytes must never crash, and whatever is accepted is
// finite and, when it has a timestamp, consistent with the text.
TEST(PayloadFuzz, MutatedAndRandomInputNeverCrashesAndAcceptedValuesAreFinite) {
  const std::vector<std::string> seeds = {R"({"ts":1767225600000,"v":401.25})", R"({"ts":"2026-01-01T00:00:00Z","v":1})",
                                          R"({"v": -3.5e2, "ts": null})", "961.5", R"({"ts":5,"v":true})"};
  const std::string alphabet = "{}[]\":,.-+eE0123456789tsvTZ: \\u\x00\xff"s;
  XorShift next{12345};
  int accepted = 0;
  for (int i = 0; i < 200'000; ++i) {
    std::string text;
    if (i % 4 == 0) {
      text.resize(next() % 48);
      for (char& c : text) c = static_cast<char>(next() & 0xff);
    } else {
      text = seeds[next() % seeds.size()];
      const int edits = 1 + static_cast<int>(next() % 4);
      for (int e = 0; e < edits && !text.empty(); ++e) {
        const std::size_t at = next() % text.size();
        switch (next() % 3) {
          case 0: text[at] = alphabet[next() % alphabet.size()]; break;
          case 1: text.erase(at, 1 + next() % 3); break;
          default: text.insert(at, 1, alphabet[next() % alphabet.size()]); break;
        }
      }
    }
    const auto sample = parsePayload(text);
    if (sample) {
      ++accepted;
      ASSERT_TRUE(std::isfinite(sample->value)) << text;
    } else {
      ASSERT_FALSE(sample.error().message.empty());
    }
    (void)parseTopic(text);  // it must not crash; any result will do
  }
  EXPECT_GT(accepted, 1000);  // the mutations do reach the accepting paths
}

}  // namespace
