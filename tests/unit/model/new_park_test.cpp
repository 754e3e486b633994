// The park File → New and `parktwin-cli park new` start from: valid as it stands, so that
// saving it untouched gives a file `check` accepts, and written and read back unchanged.
#include <gtest/gtest.h>

#include "parktwin/model/new_park.hpp"
#include "parktwin/model/park_file.hpp"
#include "parktwin/model/validate.hpp"

namespace parktwin::model {
namespace {

TEST(NewPark, BreaksNoRule) {
  const auto problems = validatePark(newPark());
  for (const auto& problem : problems) ADD_FAILURE() << problemText(problem);
  EXPECT_TRUE(problems.empty());
}

TEST(NewPark, ReadsBackAsWritten) {
  const Park park = newPark();
  auto read = parsePark(serializePark(park), "new.park.json");
  ASSERT_TRUE(read) << read.error().message;
  EXPECT_EQ(*read, park);
}

TEST(NewPark, HoldsNoObjectsAndNamesItselfInBothLanguages) {
  const Park park = newPark();
  EXPECT_EQ(park.id, "new-park");
  EXPECT_EQ(park.name.en, "Untitled park");  // what the guide says the window reads (QA4 Q13)
  EXPECT_EQ(park.name.zh, "未命名园区");
  EXPECT_TRUE(park.buildings.empty() && park.zones.empty() && park.roads.empty() && park.lines.empty());
}

}  // namespace
}  // namespace parktwin::model
