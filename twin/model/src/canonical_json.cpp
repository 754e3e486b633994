#include "canonical_json.hpp"

#include <algorithm>

#include "parktwin/common/number_text.hpp"

namespace parktwin::model::detail {
namespace {

using ojson = nlohmann::ordered_json;

bool isPlain(const ojson& v) { return !v.is_object() && !v.is_array(); }

std::string scalarText(const ojson& v) {
  // -0 (an editor's rounding of a small negative) is written 0: the same place, as a person writes it.
  if (v.is_number_float()) return shortestText(v.get<double>() == 0 ? 0.0 : v.get<double>());
  return v.dump();  // strings (UTF-8 kept, JSON escapes), integers, booleans, null
}

void write(const ojson& v, int depth, std::string& out);

void writeInlineObject(const ojson& v, std::string& out) {
  out += '{';
  bool first = true;
  for (const auto& [key, value] : v.items()) {
    out += first ? "" : ", ";
    first = false;
    out += ojson(key).dump() + ": " + scalarText(value);
  }
  out += '}';
}

void newline(int depth, std::string& out) {
  out += '\n';
  out.append(static_cast<std::size_t>(depth) * 2, ' ');
}

void writeObject(const ojson& v, int depth, std::string& out) {
  if (std::ranges::all_of(v, isPlain)) return writeInlineObject(v, out);
  out += '{';
  bool first = true;
  for (const auto& [key, value] : v.items()) {
    out += first ? "" : ",";
    first = false;
    newline(depth + 1, out);
    out += ojson(key).dump() + ": ";
    write(value, depth + 1, out);
  }
  newline(depth, out);
  out += '}';
}

void writeArray(const ojson& v, int depth, std::string& out) {
  if (v.empty()) {
    out += "[]";
    return;
  }
  out += '[';
  for (std::size_t i = 0; i < v.size(); ++i) {
    out += i == 0 ? "" : ",";
    newline(depth + 1, out);
    write(v[i], depth + 1, out);
  }
  newline(depth, out);
  out += ']';
}

void write(const ojson& v, int depth, std::string& out) {
  if (v.is_object()) writeObject(v, depth, out);
  else if (v.is_array()) writeArray(v, depth, out);
  else out += scalarText(v);
}

}  // namespace

std::string canonicalJson(const ojson& value) {
  std::string out;
  write(value, 0, out);
  out += '\n';
  return out;
}

}  // namespace parktwin::model::detail
