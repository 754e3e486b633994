#pragma once
// A seeded synthetic park shaped like Beidu, only larger: potlines feed layers of processors
// that pass metal on to markets; a grid, substations and rooftop PV feed every line.
#include <cstdint>

#include "parktwin/model/park.hpp"

namespace parktwin::bench {

struct SyntheticParkSize {
  int potlines = 20;
  int processor_lines = 3000;
  int layers = 4;                  // processor layers between potlines and markets
  int links_per_processor = 12;    // outgoing material links of each processor
  int markets = 10;
  int substations = 40;
  int pv_plants = 600;
  int energy_links_per_line = 2;   // feeders from substations to each line
};

// The default size (about 10k nodes in both networks) with every count of objects multiplied
// by `factor` and the links per object kept: 10 gives the 100k-node park.
SyntheticParkSize scaledSize(int factor);

model::Park makeSyntheticPark(const SyntheticParkSize& size, std::uint32_t seed);

}  // namespace parktwin::bench
