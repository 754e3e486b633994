// parktwin-cli park import-geojson (declared by command_park.cpp); filled in with twin/geo.
#include "park_commands.hpp"

namespace parktwin::cli {
std::function<int()> declareParkImport(CLI::App&) { return [] { return 2; }; }
}  // namespace parktwin::cli
