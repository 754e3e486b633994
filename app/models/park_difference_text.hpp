#pragma once
// model::ParkDifference in the window's language, for the banner of a window live from a server
// whose park file is not this window's.
#include <QString>

#include "parktwin/model/park_difference.hpp"

namespace parktwin::app {

// Empty when the parks agree.
QString parkDifferenceText(const model::ParkDifference& difference);

}  // namespace parktwin::app
