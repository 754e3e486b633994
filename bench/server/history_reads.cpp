// history_reads DB QUERY CLIENTS SECONDS [ARGS]: the baseline of the API benchmark. The same
// reads the API serves (QUERY state AT_MS, or series TAG FROM TO POINTS) straight against the
// historian through the server's own HistoryAdapter, in-process, from CLIENTS threads for
// SECONDS; prints "requests N seconds S". The ratio API / this is what HTTP, JSON, tokens
// and the thread hand-offs cost.
#include <cstdio>
#include <cstdlib>
#include <string>

#include "history_adapter.hpp"
#include "parktwin/model/park.hpp"
#include "timed_clients.hpp"

int main(int argc, char** argv) {
  if (argc < 6) {
    std::fprintf(stderr, "usage: history_reads DB state AT_MS CLIENTS SECONDS | DB series TAG FROM TO POINTS CLIENTS SECONDS\n");
    return 2;
  }
  const std::string query = argv[2];
  const bool state = query == "state";
  const int clients = std::atoi(argv[state ? 4 : 7]);
  const double seconds = std::atof(argv[state ? 5 : 8]);
  parktwin::model::Park noTags;  // the file already has its tags
  auto history = parktwin::server::HistoryAdapter::open(argv[1], noTags);
  if (!history) {
    std::fprintf(stderr, "%s\n", history.error().message.c_str());
    return 1;
  }
  runTimedClients(clients, seconds, [&] {
    return [&] {
      return state ? bool((*history)->stateAt(std::atoll(argv[3])))
                   : bool((*history)->downsample(argv[3], std::atoll(argv[4]), std::atoll(argv[5]),
                                                 std::strtoul(argv[6], nullptr, 10)));
    };
  });
  return 0;
}
