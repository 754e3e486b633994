#pragma once
// The JSON of the API's two large history answers, written with JsonText (json_text.hpp says
// why not nlohmann::json). The shape is docs/server.md's: columnar, keys in the order
// nlohmann::json wrote them before (sorted), numbers that read back as the same doubles.
#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "parktwin/store/types.hpp"

namespace parktwin::server {

// {"alarm_onsets":{rule:since,...},"at":T,"columns":["tag","ts","v"],"values":[[tag,ts,v],...]}
// `alarm_onsets`: rule id -> when the violation it is in at T began (alarmOnsetsAt).
std::string stateJson(std::int64_t at_ms, const std::vector<store::TagState>& states,
                      const std::map<std::string, std::int64_t>& alarm_onsets = {});
// {"buckets":[[from,to,count,min,max,mean,last],...],"columns":[...],"from":F,"tag":TAG,"to":T};
// an empty bucket's statistics are null.
std::string seriesJson(std::string_view tag, std::int64_t from_ms, std::int64_t to_ms, const std::vector<store::Bucket>& buckets);

}  // namespace parktwin::server
