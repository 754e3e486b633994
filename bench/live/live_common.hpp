#pragma once
// What live_publisher and live_latency share: the broker, the park and the tag names
// (<prefix><n mod tags>, zero-padded), and the reading of their flags.
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

namespace livebench {

struct Common {
  std::string host = "127.0.0.1";
  int port = 1883;
  std::string park = "beidu";
  std::string tagPrefix = "bench.t";
  long tags = 10'000;
};

// Reads "--key value" pairs: the common keys into `c`, any other one to other(key, value).
template <typename Other>
void parseFlags(int argc, char** argv, Common& c, Other other) {
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string k = argv[i];
    const char* v = argv[i + 1];
    if (k == "--host") c.host = v;
    else if (k == "--port") c.port = std::atoi(v);
    else if (k == "--park") c.park = v;
    else if (k == "--tag-prefix") c.tagPrefix = v;
    else if (k == "--tags") c.tags = std::atol(v);
    else other(k, v);
  }
}

inline std::vector<std::string> tagNames(const Common& c) {
  std::vector<std::string> names;
  for (long t = 0; t < c.tags; ++t) {
    char digits[32];
    std::snprintf(digits, sizeof digits, "%05ld", t);
    names.push_back(c.tagPrefix + digits);
  }
  return names;
}

}  // namespace livebench
