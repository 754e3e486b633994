#include "parktwin/sim/event_codec.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <optional>
#include <string_view>

#include <nlohmann/json.hpp>

#include "parktwin/common/iso_time.hpp"

namespace parktwin::sim {
namespace {

using nlohmann::json;

constexpr std::array kKinds = {SimEventKind::ladle_trip, SimEventKind::state_change};

std::optional<SimEventKind> kindNamed(std::string_view name) {
  for (SimEventKind kind : kKinds) {
    if (kindName(kind) == name) return kind;
  }
  return std::nullopt;
}

// Reads the payload's members, keeping the first thing wrong as a JSON Pointer and what was
// expected; the caller turns it into one error naming the event.
class PayloadReader {
 public:
  explicit PayloadReader(const json& payload) : payload_(payload) {}

  std::string text(const char* key) {
    const json* v = member(key);
    if (v && !v->is_string()) complain(std::string("/") + key, "a string", *v);
    return v && v->is_string() ? v->get<std::string>() : std::string();
  }
  double number(const char* key, const char* what) {
    const json* v = member(key);
    return v ? numberAt(*v, std::string("/") + key, what) : 0.0;
  }
  std::int64_t milliseconds(const char* key) {
    const json* v = member(key);
    if (v && !v->is_number_integer()) complain(std::string("/") + key, "an integer in ms since 1970", *v);
    return v && v->is_number_integer() ? v->get<std::int64_t>() : 0;
  }
  // {"x_m": .., "y_m": ..}. Files written before the format was shared hold the point as
  // [x, y] (scenario runs) or as flat <prefix>_x_m / <prefix>_y_m members (parktwin-cli
  // simulate); both are still read so that older recordings replay their ladles.
  model::Point point(const std::string& prefix) {
    const std::string key = prefix + "_position";
    if (const auto it = payload_.find(key); it != payload_.end()) {
      const std::string path = "/" + key;
      if (it->is_array() && it->size() == 2) {
        return {numberAt((*it)[0], path + "/0", "a number in metres"), numberAt((*it)[1], path + "/1", "a number in metres")};
      }
      if (!it->is_object()) {
        complain(path, "{\"x_m\": number, \"y_m\": number}", *it);
        return {};
      }
      return {numberIn(*it, path, "x_m"), numberIn(*it, path, "y_m")};
    }
    if (payload_.contains(prefix + "_x_m")) {
      return {number((prefix + "_x_m").c_str(), "a number in metres"), number((prefix + "_y_m").c_str(), "a number in metres")};
    }
    complain("/" + key, "a position in the park frame", json());
    return {};
  }
  const std::string& problem() const { return problem_; }

 private:
  const json* member(const char* key) {
    const auto it = payload_.find(key);
    if (it != payload_.end()) return &*it;
    complain(std::string("/") + key, "a value", json());
    return nullptr;
  }
  double numberIn(const json& object, const std::string& path, const char* key) {
    const auto it = object.find(key);
    if (it == object.end()) {
      complain(path + "/" + key, "a number in metres", json());
      return 0.0;
    }
    return numberAt(*it, path + "/" + key, "a number in metres");
  }
  double numberAt(const json& v, const std::string& path, const char* what) {
    if (!v.is_number()) complain(path, what, v);
    return v.is_number() ? v.get<double>() : 0.0;
  }
  void complain(const std::string& path, const std::string& expected, const json& got) {
    if (!problem_.empty()) return;
    problem_ = path + ": expected " + expected + ", got " + (got.is_null() ? std::string("nothing") : got.dump());
  }

  const json& payload_;
  std::string problem_;
};

// The payload written by hand, byte for byte what nlohmann-json's dump() of the same object
// gave (members in key order, numbers as its serializer prints them): a scenario run stores
// 130,000 events a year, and building a std::map per event was a tenth of the run's CPU.
// A name with quotes, control characters or bytes beyond ASCII is still printed by nlohmann-json.
class PayloadWriter {
 public:
  explicit PayloadWriter(std::string& out) : out_(out) {}
  void key(std::string_view name) {
    out_ += out_.empty() ? '{' : ',';
    out_ += '"';
    out_ += name;
    out_ += "\":";
  }
  void text(std::string_view value) {
    if (!plainAscii(value)) {
      // Replace, not throw, on invalid UTF-8: names come from park files, and one bad byte must
      // not lose the event.
      out_ += json(value).dump(-1, ' ', false, json::error_handler_t::replace);
      return;
    }
    out_ += '"';
    out_ += value;
    out_ += '"';
  }
  void integer(std::int64_t value) {
    char buf[24];
    out_.append(buf, std::to_chars(buf, buf + sizeof buf, value).ptr);
  }
  void number(double value) {
    // nlohmann-json's own printer (what dump() calls, Grisu2: its digits are not always the
    // shortest std::to_chars gives, so that would change stored bytes); dump() prints null
    // for NaN and infinities. The public route, json(value).dump(), costs a string a number.
    if (!std::isfinite(value)) {
      out_ += "null";
      return;
    }
    char buf[64];
    out_.append(buf, nlohmann::detail::to_chars(buf, buf + sizeof buf, value));
  }
  void point(const model::Point& p) {
    out_ += "{\"x_m\":";
    number(p.x_m);
    out_ += ",\"y_m\":";
    number(p.y_m);
    out_ += '}';
  }
  void close() { out_ += '}'; }

 private:
  static bool plainAscii(std::string_view s) {
    return std::ranges::all_of(s, [](char c) { return c >= 0x20 && c < 0x7f && c != '"' && c != '\\'; });
  }
  std::string& out_;
};

std::string payloadJson(const SimEvent& e) {
  std::string out;
  out.reserve(256);
  PayloadWriter w(out);
  w.key("amount_t");
  w.number(e.amount_t);
  w.key("end_ms");
  w.integer(e.end_ms);
  w.key("from");
  w.text(e.from);
  w.key("from_position");
  w.point(e.from_position);
  w.key("reason");
  w.text(e.reason);
  w.key("to");
  w.text(e.to);
  w.key("to_position");
  w.point(e.to_position);
  w.close();
  return out;
}

std::string messageOf(const SimEvent& e) {
  const std::string route = e.from + " -> " + e.to;
  return e.kind == SimEventKind::state_change ? route + " (" + e.reason + ")" : route;
}

}  // namespace

int storedSeverity(Severity severity) { return model::severityRank(severity); }

Severity severityFromStored(int stored) {
  if (stored >= storedSeverity(Severity::critical)) return Severity::critical;
  if (stored >= storedSeverity(Severity::warning)) return Severity::warning;
  return Severity::info;
}

Severity severityOf(const SimEvent& event) {
  return event.kind == SimEventKind::state_change && event.reason == "failure" ? Severity::critical : Severity::info;
}

store::Event encodeEvent(const SimEvent& event) {
  store::Event stored;
  stored.ts_ms = event.start_ms;
  stored.kind = std::string(kindName(event.kind));
  stored.severity = storedSeverity(severityOf(event));
  stored.object = event.object;
  stored.message = messageOf(event);
  stored.payload_json = payloadJson(event);
  return stored;
}

bool isSimulatorEvent(const store::Event& stored) { return kindNamed(stored.kind).has_value(); }

bool isLadleTrip(const store::Event& stored) { return stored.kind == kindName(SimEventKind::ladle_trip); }

Result<SimEvent> decodeEvent(const store::Event& stored) {
  const std::string where = "event at " + formatIsoUtcMs(stored.ts_ms) + " (" + stored.kind + " of " + stored.object + ")";
  const auto kind = kindNamed(stored.kind);
  if (!kind) return fail(where + ": kind: expected ladle_trip or state_change");
  const json payload = json::parse(stored.payload_json, nullptr, false);
  if (payload.is_discarded() || !payload.is_object()) return fail(where + ": payload: expected a JSON object");
  PayloadReader read(payload);
  SimEvent event;
  event.kind = *kind;
  event.object = stored.object;
  event.start_ms = stored.ts_ms;
  event.end_ms = read.milliseconds("end_ms");
  event.from = read.text("from");
  event.to = read.text("to");
  event.from_position = read.point("from");
  event.to_position = read.point("to");
  event.amount_t = read.number("amount_t", "a number in tonnes");
  event.reason = read.text("reason");
  if (!read.problem().empty()) return fail(where + ": payload" + read.problem());
  return event;
}

store::EventFilter timelineMarkerFilter() {
  store::EventFilter failures;
  failures.min_severity = storedSeverity(Severity::critical);
  return failures;
}

}  // namespace parktwin::sim
