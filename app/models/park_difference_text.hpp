#pragma once
// model::ParkDifference in the window's language, for the banner of a window live from a server
// whose park file is not this window's.
#include <QString>

#include "parktwin/model/park_difference.hpp"

namespace parktwin::app {

// Empty when the parks agree. Objects and tags are named in `language` ("zh" or "en"), from
// `there` (the server's park) for what only it has, else from `here` (the window's).
QString parkDifferenceText(const model::ParkDifference& difference, const model::Park& here, const model::Park& there,
                           const std::string& language);

// A server of another park altogether (another id): what it serves and what the window shows,
// by name in `language` ("zh" or "en"), rather than every object of both as a difference.
QString anotherParkText(const model::Park& here, const model::Park& served, const std::string& language);

}  // namespace parktwin::app
