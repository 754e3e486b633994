#pragma once
// Which park a file is, without reading it as one: for the lists that pair a tour or a scenario
// with the park file beside it (the window's start, its scenario picker), where checking every
// JSON file of a folder in full would only be thrown away.
#include <filesystem>
#include <optional>
#include <string>

namespace parktwin::model {

// The "id" of a park file (its "format" is the park format's); none for anything else, or a file
// that cannot be read as JSON. Reading the park in full (loadPark) is what says it is valid.
std::optional<std::string> parkIdOfFile(const std::filesystem::path& file);

}  // namespace parktwin::model
