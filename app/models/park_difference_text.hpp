#pragma once
// model::ParkDifference in the window's language, for the banner of a window live from a server
// whose park file is not this window's.
#include <QString>

#include "parktwin/model/park_difference.hpp"

namespace parktwin::app {

// Empty when the parks agree.
QString parkDifferenceText(const model::ParkDifference& difference);

// A server of another park altogether (another id): what it serves and what the window shows,
// by name in `language` ("zh" or "en"), rather than every object of both as a difference.
QString anotherParkText(const model::Park& here, const model::Park& served, const std::string& language);

}  // namespace parktwin::app
