#pragma once
// parktwin-cli park new / park edit / park import-geojson (command_park.cpp declares them).
#include <CLI/CLI.hpp>

#include <functional>

namespace parktwin::cli {

std::function<int()> declareParkEdit(CLI::App& sub);
std::function<int()> declareParkImport(CLI::App& sub);
std::function<int()> declareParkNew(CLI::App& sub);

}  // namespace parktwin::cli
