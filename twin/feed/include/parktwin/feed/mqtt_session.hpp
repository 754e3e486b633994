#pragma once
// Which MQTT client id each program uses for a broker. A broker allows one connection per client
// id: a second connection with the same id ends the first ("Client X already connected, closing
// old connection"), so two programs reading one connections file (the server recording it, a
// window showing it, `ingest`) must never share one (docs/connections.md, "Client ids").
#include <string>
#include <string_view>
#include <vector>

#include "parktwin/feed/connections.hpp"

namespace parktwin::feed {

enum class MqttProgram {
  ingest,  // `parktwin-cli ingest`: the durable recorder; the file's client_id is its session
  server,  // `parktwin-server`: a durable recorder of its own, parktwin-server-<park>-<source>
  viewer,  // a window or `connections test`: only looks, a clean session with a unique id
};

// The client id `program` uses for the broker of source `sourceId` of park `park` (an empty
// `sourceId`: the park's own feed, parktwin/<park>/#). `fileClientId` is the file's (or the
// command line's) client_id; `durable`: the program keeps a persistent session there (QoS 1,
// acknowledged once stored). Empty: the broker names the client (a clean session).
//   ingest: fileClientId, else parktwin-ingest-<park>[-<source>] when durable, else empty;
//   server: parktwin-server-<park>[-<source>], whatever the file says;
//   viewer: parktwin-window-<park>[-<source>]-<8 random hex digits>, new at each call.
std::string mqttClientId(MqttProgram program, std::string_view park, std::string_view sourceId,
                         std::string_view fileClientId, bool durable);

// Gives every MQTT and Sparkplug B source of `connections` the client id `program` uses
// (mqttClientId; durable: a QoS 1 source without TLS for ingest and the server, never for a
// viewer). Returns a warning for each durable-minded source that over TLS is acknowledged on
// receipt, not once stored (ingest and the server), for the user to see.
std::vector<std::string> assignMqttClientIds(Connections& connections, MqttProgram program);

}  // namespace parktwin::feed
