// parktwin-bench-flow: times one full solve (both networks: max flow + minimum cut, min-cost
// dispatch, KPIs, ranking) per park, then has networkx solve the very same integer problems
// (minimum_cut + max_flow_min_cost per network), checks the answers agree, prints a table.
#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include "parktwin/flow/arc_list.hpp"
#include "parktwin/flow/park_flows.hpp"
#include "parktwin/model/park_file.hpp"
#include "synthetic_park.hpp"

namespace {

using namespace parktwin;
using Clock = std::chrono::steady_clock;

struct Case {
  std::string name;
  model::Park park;
  int repeats = 1;
};

flow::FlowOverrides yearly() {
  flow::FlowOverrides o;
  o.supply_basis = flow::SupplyBasis::annual_average;
  return o;
}

double medianSeconds(const model::Park& park, int repeats, flow::ParkFlowReport& last) {
  std::vector<double> seconds;
  for (int i = 0; i < repeats; ++i) {
    const auto start = Clock::now();
    auto report = flow::solveParkFlows(park, yearly());
    seconds.push_back(std::chrono::duration<double>(Clock::now() - start).count());
    if (!report) {
      std::cerr << report.error().message << "\n";
      std::exit(1);
    }
    last = std::move(*report);
  }
  std::ranges::sort(seconds);
  return seconds[seconds.size() / 2];
}

std::string run(const std::string& command) {
  std::string out;
  FILE* pipe = popen(command.c_str(), "r");
  if (!pipe) return out;
  char buffer[4096];
  while (std::fgets(buffer, sizeof buffer, pipe)) out += buffer;
  pclose(pipe);
  return out;
}

}  // namespace

int main(int argc, char** argv) {
  // 0 repeats: parktwin alone, no networkx (for profiling).
  const int pythonRepeats = argc > 1 ? std::stoi(argv[1]) : 3;
  std::vector<Case> cases;
  for (const char* name : {"beidu", "jiulong"}) {
    auto park = model::loadPark(std::filesystem::path(PARKTWIN_SOURCE_DIR) / "assets/parks" / (std::string(name) + ".json"));
    if (!park) {
      std::cerr << park.error().message << "\n";
      return 1;
    }
    cases.push_back({name, *park, 200});
  }
  cases.push_back({"synthetic-10k", bench::makeSyntheticPark({}, 20261124), 5});

  const auto dir = std::filesystem::temp_directory_path() / "parktwin-bench-flow";
  std::filesystem::create_directories(dir);
  std::printf("%-14s %7s %7s %12s %12s %8s  %s\n", "park", "nodes", "arcs", "parktwin ms", "networkx ms", "ratio",
              "answers agree");
  int failures = 0;
  for (const auto& c : cases) {
    flow::ParkFlowReport report;
    const double ours = medianSeconds(c.park, c.repeats, report);
    std::vector<const flow::NetworkSolution*> solutions;
    if (report.has_material) solutions.push_back(&report.material);
    if (report.has_energy) solutions.push_back(&report.energy);
    std::string command = "/usr/bin/python3 " PARKTWIN_SOURCE_DIR "/tests/unit/flow/networkx_oracle.py --time " +
                          std::to_string(pythonRepeats);
    std::size_t nodes = 0, arcs = 0;
    for (std::size_t i = 0; i < solutions.size(); ++i) {
      const auto file = dir / (c.name + "-" + std::to_string(i) + ".txt");
      std::ofstream(file) << flow::toArcListText(solutions[i]->network);
      command += " " + file.string();
      nodes += solutions[i]->network.nodes.size();
      arcs += solutions[i]->network.arcs.size();
    }
    if (pythonRepeats <= 0) {  // profiling: parktwin alone
      std::printf("%-14s %7zu %7zu %12.3f\n", c.name.c_str(), nodes, arcs, ours * 1e3);
      continue;
    }
    std::istringstream answers(run(command));
    double theirs = 0;
    bool agree = true;
    for (const auto* s : solutions) {
      long long value = 0, cut = 0, cost = 0;
      double seconds = 0;
      if (!(answers >> value >> cut >> cost >> seconds)) {
        agree = false;
        break;
      }
      theirs += seconds;
      const double costQuanta = s->dispatch.cost / (s->network.flow_resolution * s->network.cost_resolution);
      agree = agree && flow::toFlowQuanta(s->network, s->max_flow.value) == value &&
              flow::toFlowQuanta(s->network, s->max_flow.cut_capacity) == cut && std::llround(costQuanta) == cost;
    }
    failures += agree ? 0 : 1;
    std::printf("%-14s %7zu %7zu %12.3f %12.1f %7.0fx  %s\n", c.name.c_str(), nodes, arcs, ours * 1e3, theirs * 1e3,
                theirs / ours, agree ? "yes" : "NO");
  }
  std::filesystem::remove_all(dir);
  std::printf("parktwin: median of 200 (demo parks) or 5 (synthetic) full solves; networkx: mean of %d runs of\n"
              "minimum_cut + max_flow_min_cost on each network (networkx %s).\n",
              pythonRepeats, run("/usr/bin/python3 -c 'import networkx; print(networkx.__version__, end=\"\")'").c_str());
  return failures == 0 ? 0 : 1;
}
