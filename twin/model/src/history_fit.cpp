#include "parktwin/model/history_fit.hpp"

#include <set>

namespace parktwin::model {

HistoryFit historyFit(const Park& park, const std::vector<std::string>& file_tags) {
  std::set<std::string, std::less<>> parkTags;
  for (const auto& tag : park.tags) parkTags.insert(tag.id);
  HistoryFit fit;
  fit.park_tags = parkTags.size();
  for (const auto& tag : file_tags) ++(parkTags.contains(tag) ? fit.park_tags_in_file : fit.other_tags_in_file);
  return fit;
}

LocalizedText anotherParksHistoryText(const HistoryFit& fit, const std::string& file, const Park& park) {
  if (!fit.anotherPark()) return {};
  const std::string held = std::to_string(fit.park_tags_in_file), listed = std::to_string(fit.park_tags),
                    others = std::to_string(fit.other_tags_in_file);
  const std::string zhName = park.name.zh.empty() ? park.id : park.name.zh;
  const std::string enName = park.name.en.empty() ? park.id : park.name.en;
  return LocalizedText{
      file + " 只含" + zhName + " " + listed + " 个测点中的 " + held + " 个，另有 " + others +
          " 个本园区没有的测点：这似乎是另一个园区的历史数据，回放时几乎显示不出数值。请打开本园区的历史文件，或打开记录它的园区。",
      file + " holds " + held + " of the " + listed + " tags of " + enName + ", and " + others +
          " tags this park does not have: it looks like another park's history, and its replay shows little or "
          "nothing here. Open this park's own history, or the park it was recorded for."};
}

}  // namespace parktwin::model
