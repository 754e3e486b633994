#pragma once
// Where simulated (or received) samples and events go. The simulator knows nothing about the
// historian, MQTT or the GUI: each of those implements this interface.
#include <cstdint>
#include <string>
#include <string_view>

#include "parktwin/model/park.hpp"

namespace parktwin::sim {

enum class SimEventKind { ladle_trip, state_change };

// The name stored and written for a kind (historian, CSV): one spelling everywhere.
constexpr std::string_view kindName(SimEventKind kind) {
  switch (kind) {
    case SimEventKind::ladle_trip: return "ladle_trip";
    case SimEventKind::state_change: return "state_change";
  }
  return "";
}

// Something that happened over a span of time: a ladle of molten aluminium on its way, or a
// line changing state. Positions are in the park frame (metres) so the 3D scene can move a
// ladle from `from_position` at `start_ms` to `to_position` at `end_ms`
// (ladle_position.hpp). How events are stored and read back: event_codec.hpp.
struct SimEvent {
  SimEventKind kind = SimEventKind::state_change;
  std::string object;  // the line or node the event belongs to (the sender for a ladle trip)
  std::int64_t start_ms = 0;
  std::int64_t end_ms = 0;   // == start_ms for instantaneous events
  std::string from;          // ladle trip: source node; state change: previous state name
  std::string to;            // ladle trip: destination node; state change: new state name
  model::Point from_position;
  model::Point to_position;
  double amount_t = 0;       // ladle trip: tonnes of molten aluminium carried
  std::string reason;        // state change: failure, repair, changeover, starved, fed, ...
  bool operator==(const SimEvent&) const = default;
};

class SampleSink {
 public:
  virtual ~SampleSink() = default;
  virtual void sample(std::string_view tag, std::int64_t ts_ms, double value) = 0;
  virtual void event(const SimEvent& event) { (void)event; }
};

}  // namespace parktwin::sim
