#include "parktwin/model/park_id.hpp"

#include <fstream>
#include <nlohmann/json.hpp>

#include "park_json.hpp"

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

}  // namespace parktwin::model
