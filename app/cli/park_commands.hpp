#pragma once
// parktwin-cli park edit / park import-geojson (command_park.cpp declares both).
#include <CLI/CLI.hpp>

#include <functional>

namespace parktwin::cli {

std::function<int()> declareParkEdit(CLI::App& sub);
std::function<int()> declareParkImport(CLI::App& sub);

}  // namespace parktwin::cli
