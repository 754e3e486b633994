// history_json.hpp: the state and series answers written by hand (JsonText) read back by
// nlohmann::json, an independent parser, into exactly the values written: every double
// bit for bit (the shortest text must read back as the same double), NaN as null, tags with
// characters JSON must escape. Expected trees are written out here, not produced by the code.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <limits>

#include "history_json.hpp"

namespace parktwin::server {
namespace {

using nlohmann::json;

const double kNan = std::numeric_limits<double>::quiet_NaN();

TEST(HistoryJson, SeriesReadsBackAsTheBucketsWritten) {
  std::vector<store::Bucket> buckets{{1000, 1500, 3, 0.1, 1e300, 1.0 / 3.0, -2.5e-310},
                                     {1500, 2000, 0, kNan, kNan, kNan, kNan},
                                     {2000, 2600, 1, -0.5, 950.25, 123456789012.5, 5e-324}};
  const json got = json::parse(seriesJson("line \"A\"\\1\n", 1000, 2600, buckets));
  const json expected = {{"buckets", {{1000, 1500, 3, 0.1, 1e300, 1.0 / 3.0, -2.5e-310},
                                      {1500, 2000, 0, nullptr, nullptr, nullptr, nullptr},
                                      {2000, 2600, 1, -0.5, 950.25, 123456789012.5, 5e-324}}},
                         {"columns", {"from", "to", "count", "min", "max", "mean", "last"}},
                         {"from", 1000},
                         {"tag", "line \"A\"\\1\n"},
                         {"to", 2600}};
  EXPECT_EQ(expected, got);
  EXPECT_EQ(1.0 / 3.0, got["buckets"][0][5].get<double>());  // all 17 digits, not a rounded 0.333333
}

TEST(HistoryJson, AnEmptySeriesIsStillAnAnswer) {
  EXPECT_EQ(json::parse(R"({"buckets":[],"columns":["from","to","count","min","max","mean","last"],"from":-5,"tag":"t","to":7})"),
            json::parse(seriesJson("t", -5, 7, {})));
}

TEST(HistoryJson, StateReadsBackAsTheValuesWritten) {
  const std::vector<store::TagState> states{{"potline-1.current", 1767225600000, 400.25},
                                            {"电解槽.温度", -1, kNan},
                                            {"x", 9007199254740993, 1.7976931348623157e308}};
  const json expected = {{"alarm_onsets", json::object()},
                         {"at", 1767225660000},
                         {"columns", {"tag", "ts", "v"}},
                         {"values", {{"potline-1.current", 1767225600000, 400.25},
                                     {"电解槽.温度", -1, nullptr},
                                     {"x", 9007199254740993, 1.7976931348623157e308}}}};
  EXPECT_EQ(expected, json::parse(stateJson(1767225660000, states)));
}

TEST(HistoryJson, StateNamesEachAlarmsOnset) {
  const json expected = {{"alarm_onsets", {{"电解槽-hot", 1767225600000}, {"grid-import-high", -5}}},
                         {"at", 7},
                         {"columns", {"tag", "ts", "v"}},
                         {"values", json::array()}};
  EXPECT_EQ(expected, json::parse(stateJson(7, {}, {{"grid-import-high", -5}, {"电解槽-hot", 1767225600000}})));
}

}  // namespace
}  // namespace parktwin::server
