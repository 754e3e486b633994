#pragma once
// Which park a file is, without reading it as one: for the lists that pair a tour or a scenario
// with the park file beside it (the window's start, its scenario picker), where checking every
// JSON file of a folder in full would only be thrown away.
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace parktwin::model {

// The "id" of a park file (its "format" is the park format's); none for anything else, or a file
// that cannot be read as JSON. Reading the park in full (loadPark) is what says it is valid.
std::optional<std::string> parkIdOfFile(const std::filesystem::path& file);

// The park a tour written for the park `id` opens: the bundled park of that name, else the one
// park file of that id in `folder` (the tour's own). `candidates` lists every park file of that
// id in `folder`; `park` stays empty when there is none, or more than one to choose from.
struct ParkById {
  std::string park;  // a bundled name or a park file's path
  std::vector<std::filesystem::path> candidates;
};
ParkById findParkById(const std::string& id, const std::filesystem::path& folder, const std::filesystem::path& dataFolder);

// The "park" of a tour file (its "format" is the tour format's); none for anything else.
std::optional<std::string> tourParkOfFile(const std::filesystem::path& file);

// The tours written for the park `id`, the one to present first: those in `folder` (the park
// file's own, where a user keeps their park's tour) by file name, then the bundled one
// (`dataFolder`/tours/<id>.json). The mirror of findParkById, which finds a tour's park (QA: a
// manager's own park said "no tour" with its tour beside it).
std::vector<std::filesystem::path> findToursForPark(const std::string& id, const std::filesystem::path& folder,
                                                    const std::filesystem::path& dataFolder);

// Whether a tour's or scenario's park file is the open park: that very file, or a park file of
// the open park's id (a copy in another folder, a scenario naming the bundled park by name).
bool isOpenPark(const std::filesystem::path& parkFile, const std::filesystem::path& openParkFile, const std::string& openParkId);

}  // namespace parktwin::model
