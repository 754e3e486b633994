// history_reads DB QUERY CLIENTS SECONDS [new]: the baseline of the API benchmark. The same
// reads the API serves (QUERY state AT_MS, or series TAG FROM TO POINTS) straight against the
// historian through the server's own HistoryAdapter, in-process, from CLIENTS threads for
// SECONDS; prints "requests N seconds S". With "new", the n-th read asks at AT_MS + n (from
// FROM + n), as http_load's "{n}" does. The ratio API / this is what HTTP, JSON, tokens
// and the thread hand-offs cost.
#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "history_adapter.hpp"
#include "parktwin/model/park.hpp"
#include "timed_clients.hpp"

int main(int argc, char** argv) {
  if (argc < 6) {
    std::fprintf(stderr, "usage: history_reads DB state AT_MS CLIENTS SECONDS [new] | DB series TAG FROM TO POINTS CLIENTS SECONDS [new]\n");
    return 2;
  }
  const std::string query = argv[2];
  const bool state = query == "state";
  const int clients = std::atoi(argv[state ? 4 : 7]);
  const double seconds = std::atof(argv[state ? 5 : 8]);
  const bool newEachRead = argc > (state ? 6 : 9) && std::string(argv[state ? 6 : 9]) == "new";
  std::atomic<long long> n{0};
  parktwin::model::Park noTags;  // the file already has its tags
  auto history = parktwin::server::HistoryAdapter::open(argv[1], noTags);
  if (!history) {
    std::fprintf(stderr, "%s\n", history.error().message.c_str());
    return 1;
  }
  runTimedClients(clients, seconds, [&] {
    return [&] {
      const long long shift = newEachRead ? n.fetch_add(1) : 0;
      return state ? bool((*history)->stateAt(std::atoll(argv[3]) + shift))
                   : bool((*history)->downsample(argv[3], std::atoll(argv[4]) + shift, std::atoll(argv[5]),
                                                 std::strtoul(argv[6], nullptr, 10)));
    };
  });
  return 0;
}
