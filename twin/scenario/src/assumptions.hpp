#pragma once
// What a scenario report states of the model behind its figures, zh and en: its simplifications,
// the figures it assumes and where the prices and factors it used come from.
#include <vector>

#include "parktwin/model/park.hpp"
#include "parktwin/scenario/scenario.hpp"

namespace parktwin::scenario::detail {

std::vector<model::LocalizedText> assumptionsOf(const Scenario& s, const model::Park& park);

}  // namespace parktwin::scenario::detail
