#include "parktwin/model/park_id.hpp"

#include <algorithm>
#include <cctype>
#include <fstream>
#include <nlohmann/json.hpp>

#include "park_json.hpp"
#include "parktwin/model/bundled_data.hpp"

namespace parktwin::model {

std::optional<std::string> parkIdOfFile(const std::filesystem::path& file) {
  std::ifstream in(file);
  if (!in) return std::nullopt;
  const auto j = nlohmann::json::parse(in, nullptr, false);
  if (!j.is_object()) return std::nullopt;
  const auto format = j.find("format"), id = j.find("id");
  if (format == j.end() || id == j.end() || !format->is_string() || !id->is_string() || *format != detail::kParkFormat) return std::nullopt;
  return id->get<std::string>();
}

std::optional<std::string> tourParkOfFile(const std::filesystem::path& file) {
  // A tour is a few kilobytes; a large JSON beside the park (a GeoJSON survey) is not one, and is
  // not read whole on the window's thread each time presenting starts (review).
  constexpr std::uintmax_t kLargestTourBytes = 1 << 20;
  std::error_code ec;
  if (const auto bytes = std::filesystem::file_size(file, ec); ec || bytes > kLargestTourBytes) return std::nullopt;
  std::ifstream in(file);
  if (!in) return std::nullopt;
  const auto j = nlohmann::json::parse(in, nullptr, false);
  if (!j.is_object()) return std::nullopt;
  const auto format = j.find("format"), park = j.find("park");
  if (format == j.end() || park == j.end() || !format->is_string() || !park->is_string() || *format != "parktwin-tour/1") return std::nullopt;
  return park->get<std::string>();
}

std::vector<std::filesystem::path> findToursForPark(const std::string& id, const std::filesystem::path& folder,
                                                    const std::filesystem::path& dataFolder) {
  std::vector<std::filesystem::path> tours;
  if (id.empty()) return tours;
  // As for parks: a folder one cannot list holds no tour.
  std::error_code ec;
  for (std::filesystem::directory_iterator it(folder, ec), end; !folder.empty() && !ec && it != end; it.increment(ec)) {
    std::string extension = it->path().extension().string();
    std::ranges::transform(extension, extension.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    if (extension == ".json" && tourParkOfFile(it->path()) == id) tours.push_back(it->path());
  }
  std::ranges::sort(tours);
  if (dataFolder.empty()) return tours;  // no bundled data (a test, a build tree without it)
  const auto bundled = dataFolder / "tours" / (id + ".json");
  const bool listed = std::ranges::any_of(tours, [&](const auto& t) { return std::filesystem::equivalent(t, bundled, ec); });
  if (!listed && std::filesystem::is_regular_file(bundled, ec)) tours.push_back(bundled);
  return tours;
}

ParkById findParkById(const std::string& id, const std::filesystem::path& folder, const std::filesystem::path& dataFolder) {
  ParkById out;
  if (id.empty()) return out;
  const auto bundled = bundledNames(dataFolder, BundledKind::park);
  if (std::ranges::find(bundled, id) != bundled.end()) {
    out.park = id;
    return out;
  }
  // Errors end the search quietly (what was found stands): a folder one cannot list holds no park.
  std::error_code ec;
  for (std::filesystem::directory_iterator it(folder, ec), end; !ec && it != end; it.increment(ec)) {
    std::string extension = it->path().extension().string();
    std::ranges::transform(extension, extension.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    if (extension == ".json" && parkIdOfFile(it->path()) == id) out.candidates.push_back(it->path());
  }
  std::ranges::sort(out.candidates);
  if (out.candidates.size() == 1) out.park = out.candidates.front().string();
  return out;
}

bool isOpenPark(const std::filesystem::path& parkFile, const std::filesystem::path& openParkFile, const std::string& openParkId) {
  std::error_code ec;
  if (!openParkFile.empty() && std::filesystem::equivalent(parkFile, openParkFile, ec)) return true;
  return parkIdOfFile(parkFile) == openParkId;
}

}  // namespace parktwin::model
