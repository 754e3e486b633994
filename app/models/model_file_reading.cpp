#include "model_file_reading.hpp"

#include <map>
#include <string>
#include <system_error>
#include <utility>

namespace parktwin::app {

model::GltfReading modelFileReading(const std::filesystem::path& file) {
  static std::map<std::pair<std::string, std::filesystem::file_time_type>, model::GltfReading> known;
  std::error_code error;
  const auto written = std::filesystem::last_write_time(file, error);
  if (error) return model::readGltf(file);  // missing: fails at opening, nothing parsed
  const auto key = std::make_pair(file.string(), written);
  if (const auto it = known.find(key); it != known.end()) return it->second;
  return known.emplace(key, model::readGltf(file)).first->second;
}

}  // namespace parktwin::app
