// The connections file against its park (connections_reader.hpp). It lives in twin/feed beside
// the reader: feed already depends on model (the strict JSON reader), never the other way.
#include <map>

#include "parktwin/feed/connections_reader.hpp"

namespace parktwin::feed {

namespace {

class ParkTags {
 public:
  ParkTags(const model::Park& park, bool zh) : zh_(zh) {
    for (const auto& tag : park.tags) units_.emplace(tag.id, tag.unit);
  }

  void check(const ValueMapping& m, const std::string& path, std::vector<std::string>& problems) const {
    const auto parts = tagPatternParts(m.tag);
    if (parts && !parts->empty()) return;  // resolved per message; checked then
    const auto it = units_.find(m.tag);
    if (it == units_.end()) {
      problems.push_back(path + (zh_ ? "/tag: 园区没有测点“" + m.tag + "”" : "/tag: the park has no tag \"" + m.tag + "\""));
    } else if (!m.unit.empty() && m.unit != it->second) {
      problems.push_back(path + (zh_ ? "/unit: “" + m.unit + "”与测点的单位“" + it->second + "”不同"
                                     : "/unit: \"" + m.unit + "\" differs from the tag's unit \"" + it->second + "\""));
    }
  }

 private:
  std::map<std::string, std::string> units_;
  bool zh_;
};

}  // namespace

std::vector<std::string> problemsAgainstPark(const Connections& connections, const model::Park& park,
                                             std::string_view language) {
  const bool zh = language == "zh";
  std::vector<std::string> problems;
  if (connections.park != park.id) {
    problems.push_back(zh ? "/park: “" + connections.park + "”，但园区文件是“" + park.id + "”"
                          : "/park: \"" + connections.park + "\" but the park file is \"" + park.id + "\"");
  }
  const ParkTags tags(park, zh);
  for (std::size_t i = 0; i < connections.sources.size(); ++i) {
    const std::string path = "/sources/" + std::to_string(i);
    forEachMapping(connections.sources[i],
                   [&](const ValueMapping& m, const std::string& below) { tags.check(m, path + below, problems); });
  }
  return problems;
}

}  // namespace parktwin::feed
