#include "parktwin/model/json_reader.hpp"

#include <cmath>

namespace parktwin::model::detail {

Result<json> parseJson(const std::string& text, const std::string& source) {
  try {
    return json::parse(text);
  } catch (const json::parse_error& e) {
    return fail(source + ": not valid JSON (byte " + std::to_string(e.byte) + "): " + e.what());
  } catch (const json::exception& e) {
    // Valid syntax the library still refuses, e.g. 1e400 (out_of_range.406: beyond a double).
    return fail(source + ": not valid JSON: " + e.what());
  }
}

std::string describe(const json& value) {
  if (value.is_array()) return "an array";
  if (value.is_object()) return "an object";
  if (value.is_null()) return "null";
  std::string text = value.dump();
  if (text.size() > 40) text = text.substr(0, 37) + "...";
  return text;
}

namespace {
std::string escapeKey(const std::string& key) {
  std::string out;
  for (char c : key) {
    if (c == '~') out += "~0";
    else if (c == '/') out += "~1";
    else out += c;
  }
  return out;
}
}  // namespace

ObjectReader::ObjectReader(const json& value, std::string path, Problems& problems)
    : object_(value.is_object() ? &value : nullptr), path_(std::move(path)), problems_(problems) {
  if (!object_) problems_.add(path_.empty() ? "/" : path_, "expected an object, got " + describe(value));
}

ObjectReader::~ObjectReader() {
  if (!object_) return;
  for (const auto& [key, value] : object_->items()) {
    if (!read_.contains(key)) problems_.add(pathOf(escapeKey(key)), "unknown key");
  }
}

const json* ObjectReader::take(const std::string& key, bool required, const char* expected) {
  if (!object_) return nullptr;
  read_.insert(key);
  auto it = object_->find(key);
  if (it == object_->end()) {
    if (required) problems_.add(pathOf(key), std::string("missing; expected ") + expected);
    return nullptr;
  }
  return &*it;
}

const json* ObjectReader::raw(const std::string& key) { return take(key, false, ""); }

std::string ObjectReader::string(const std::string& key, bool required) {
  const json* v = take(key, required, "a string");
  if (!v) return {};
  if (!v->is_string()) {
    problems_.add(pathOf(key), "expected a string, got " + describe(*v));
    return {};
  }
  return v->get<std::string>();
}

std::string ObjectReader::id(const std::string& key) {
  const json* v = take(key, true, "an identifier");
  if (!v) return {};
  const auto isIdChar = [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-' || c == '.';
  };
  if (!v->is_string() || v->get<std::string>().empty() ||
      !std::ranges::all_of(v->get<std::string>(), isIdChar)) {
    problems_.add(pathOf(key), "expected an identifier of lower-case letters, digits, '_', '-' or '.', got " + describe(*v));
    return {};
  }
  return v->get<std::string>();
}

std::string ObjectReader::oneOf(const std::string& key, const std::vector<std::string>& allowed, bool required) {
  const json* v = take(key, required, "one of the listed values");
  if (!v) return {};
  if (v->is_string() && std::ranges::find(allowed, v->get<std::string>()) != allowed.end()) {
    return v->get<std::string>();
  }
  std::string list;
  for (const auto& a : allowed) list += (list.empty() ? "" : ", ") + a;
  problems_.add(pathOf(key), "expected one of " + list + ", got " + describe(*v));
  return {};
}

double ObjectReader::number(const std::string& key, double min, double max, bool required, double fallback) {
  const json* v = take(key, required, "a number");
  if (!v) return fallback;
  if (!v->is_number() || !std::isfinite(v->get<double>())) {
    problems_.add(pathOf(key), "expected a number, got " + describe(*v));
    return fallback;
  }
  const double x = v->get<double>();
  if (x < min || x > max) {
    problems_.add(pathOf(key), "expected a number between " + json(min).dump() + " and " +
                                   json(max).dump() + ", got " + describe(*v));
    return fallback;
  }
  return x;
}

double ObjectReader::positive(const std::string& key, bool required) {
  const json* v = take(key, required, "a positive number");
  if (!v) return 0;
  if (!v->is_number() || !std::isfinite(v->get<double>()) || v->get<double>() <= 0) {
    problems_.add(pathOf(key), "expected a positive number, got " + describe(*v));
    return 0;
  }
  return v->get<double>();
}

double ObjectReader::nonNegative(const std::string& key, bool required) {
  const json* v = take(key, required, "a number >= 0");
  if (!v) return 0;
  if (!v->is_number() || !std::isfinite(v->get<double>()) || v->get<double>() < 0) {
    problems_.add(pathOf(key), "expected a number >= 0, got " + describe(*v));
    return 0;
  }
  return v->get<double>();
}

std::optional<double> ObjectReader::optionalNumber(const std::string& key) {
  const json* v = take(key, false, "a number");
  if (!v) return std::nullopt;
  if (!v->is_number() || !std::isfinite(v->get<double>())) {
    problems_.add(pathOf(key), "expected a number, got " + describe(*v));
    return std::nullopt;
  }
  return v->get<double>();
}

int ObjectReader::integer(const std::string& key, int min, int max, bool required, int fallback) {
  const json* v = take(key, required, "an integer");
  if (!v) return fallback;
  if (!v->is_number_integer() || v->get<long long>() < min || v->get<long long>() > max) {
    problems_.add(pathOf(key), "expected an integer between " + std::to_string(min) + " and " +
                                   std::to_string(max) + ", got " + describe(*v));
    return fallback;
  }
  return v->get<int>();
}

bool ObjectReader::boolean(const std::string& key, bool fallback) {
  const json* v = take(key, false, "true or false");
  if (!v) return fallback;
  if (!v->is_boolean()) {
    problems_.add(pathOf(key), "expected true or false, got " + describe(*v));
    return fallback;
  }
  return v->get<bool>();
}

const json* ObjectReader::array(const std::string& key, bool required) {
  const json* v = take(key, required, "an array");
  if (v && !v->is_array()) {
    problems_.add(pathOf(key), "expected an array, got " + describe(*v));
    return nullptr;
  }
  return v;
}

const json* ObjectReader::object(const std::string& key, bool required) {
  const json* v = take(key, required, "an object");
  if (v && !v->is_object()) {
    problems_.add(pathOf(key), "expected an object, got " + describe(*v));
    return nullptr;
  }
  return v;
}

}  // namespace parktwin::model::detail
