#pragma once
// The one way simulator events are stored in and read from a historian: the simulate command,
// the scenario runner and the window's replay all go through here, so a ladle written by one is
// drawn by the other and a failure is marked on the timeline whoever wrote it. The format is in
// docs/simulator.md ("Events in the historian").
//
// A library of its own (parktwin::sim_events) so that the simulator itself still needs no
// historian.
#include <cstdint>

#include "parktwin/common/result.hpp"
#include "parktwin/model/alarms.hpp"
#include "parktwin/sim/sample_sink.hpp"
#include "parktwin/store/types.hpp"

namespace parktwin::sim {

// How much an event matters to a person watching the park: the alarm rules' severity.
using model::Severity;

// The historian's integer for a severity (store::Event::severity, larger is worse): the
// ranks of alarm rules (model::severityRank).
int storedSeverity(Severity severity);
// The severity a stored integer stands for; a value above critical is critical.
Severity severityFromStored(int stored);

// A machine failing is critical; everything else the simulator reports is information.
Severity severityOf(const SimEvent& event);

// The stored form: kind and object as they are, the start as the event's time, a short text and
// the rest (span, ends, positions, amount, reason) as a JSON payload.
store::Event encodeEvent(const SimEvent& event);

// Back from the stored form. An error names the event and what was wrong with it; an event of
// another kind (an alarm acknowledgement) is an error too, so test the kind first
// (isSimulatorEvent) when a historian holds other events.
Result<SimEvent> decodeEvent(const store::Event& stored);
bool isSimulatorEvent(const store::Event& stored);
bool isLadleTrip(const store::Event& stored);

// The events the timeline marks: failures, whoever stored them.
store::EventFilter timelineMarkerFilter();

}  // namespace parktwin::sim
