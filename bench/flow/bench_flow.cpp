// parktwin-bench-flow: times one full solve (both networks: max flow + minimum cut, min-cost
// dispatch, KPIs, ranking) per park, then has networkx solve the very same integer problems
// (minimum_cut + max_flow_min_cost per network), checks the answers agree, prints a table.
// Every answer is also checked by hand sums: flows within capacity, conserved at every node,
// the cut's capacity equal to the value (what stands for networkx where it is skipped).
//
// Usage: parktwin-bench-flow [NETWORKX_REPEATS] [--cases beidu,jiulong,10k,100k]
//                            [--networkx-100k TIMEOUT_S] [--fresh-buffers]
// NETWORKX_REPEATS 0: parktwin alone (for profiling). networkx takes minutes on the 100k-node
// park, so it runs there (once, killed after TIMEOUT_S) only when asked. The repeated solves of
// a park share one flow::ParkFlowSolver, each report handed back once read (its buffers' room
// reused, never an answer); --fresh-buffers solves each with solveParkFlows, all memory fresh.
#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <ctime>
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
  int networkx_repeats = 0;   // 0: networkx skipped
  int networkx_timeout_s = 0; // 0: no limit
};

struct Options {
  int networkx_repeats = 3;
  std::vector<std::string> cases{"beidu", "jiulong", "10k", "100k"};
  int networkx_100k_timeout_s = 0;  // 0: networkx skipped on the 100k-node park
  bool reuse_buffers = true;        // --fresh-buffers: solveParkFlows, every buffer fresh
};

flow::FlowOverrides yearly() {
  flow::FlowOverrides o;
  o.supply_basis = flow::SupplyBasis::annual_average;
  return o;
}

struct Timing {
  double wall_s = 0;  // median
  double cpu_s = 0;   // median of the process's CPU time (both threads): what a loaded host cannot inflate
};

// Each solve is a whole cold solve. With `reuseBuffers` one ParkFlowSolver does them all and
// gets each report back once read (as the replay's worker would): the next solve writes into
// that room instead of fresh memory; no answer is kept (each solve clears what it reads).
Timing medianSeconds(const model::Park& park, int repeats, bool reuseBuffers, flow::ParkFlowReport& last) {
  std::vector<double> seconds, cpu;
  flow::ParkFlowSolver solver;
  for (int i = 0; i < repeats; ++i) {
    if (reuseBuffers && i > 0) solver.recycle(std::move(last));
    const auto start = Clock::now();
    const std::clock_t cpuStart = std::clock();
    auto report = reuseBuffers ? solver.solve(park, yearly(), yearly(), 8760.0) : flow::solveParkFlows(park, yearly());
    cpu.push_back(double(std::clock() - cpuStart) / CLOCKS_PER_SEC);
    seconds.push_back(std::chrono::duration<double>(Clock::now() - start).count());
    if (!report) {
      std::cerr << report.error().message << "\n";
      std::exit(1);
    }
    last = std::move(*report);
  }
  std::ranges::sort(seconds);
  std::ranges::sort(cpu);
  return {seconds[seconds.size() / 2], cpu[cpu.size() / 2]};
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

// Hand sums on one solved network, in integer quanta: each flow within 0..capacity, inflow
// equal to outflow at every node but the super nodes, the source's outflow equal to the
// reported value, the minimum cut's capacity equal to it too, and the dispatch's cost equal to
// sum(flow x cost). Independent of the solvers: it reads only the network and the flows.
bool handSumsHold(const flow::NetworkSolution& s) {
  const auto& net = s.network;
  std::vector<long long> balance(net.nodes.size(), 0);
  long long cost = 0;
  for (std::size_t i = 0; i < net.arcs.size(); ++i) {
    const auto& arc = net.arcs[i];
    const long long f = flow::toFlowQuanta(net, s.dispatch.arc_flow[i]);
    if (f < 0 || f > flow::toFlowQuanta(net, arc.capacity)) return false;
    balance[static_cast<std::size_t>(arc.from)] -= f;
    balance[static_cast<std::size_t>(arc.to)] += f;
    cost += f * flow::toCostQuanta(net, arc.dispatch_cost_per_unit);
  }
  for (std::size_t v = 0; v < balance.size(); ++v) {
    if (static_cast<int>(v) != net.source && static_cast<int>(v) != net.sink && balance[v] != 0) return false;
  }
  long long cut = 0;
  for (const auto& c : s.max_flow.min_cut) cut += flow::toFlowQuanta(net, c.capacity);
  const long long value = flow::toFlowQuanta(net, s.max_flow.value);
  const double costQuanta = s.dispatch.cost / (net.flow_resolution * net.cost_resolution);
  return -balance[static_cast<std::size_t>(net.source)] == value && flow::toFlowQuanta(net, s.dispatch.value) == value &&
         cut == value && std::llround(costQuanta) == cost;
}

// A digest of one solved network's answer, arc by arc (FNV-1a over each arc's flow in quanta,
// then the cut's arcs): two builds print the same digest only if they give the very same flows
// and cut, not merely the same value and cost (a min-cost flow need not be unique).
std::uint64_t answerDigest(const flow::NetworkSolution& s) {
  std::uint64_t hash = 1469598103934665603ULL;
  const auto mix = [&hash](long long v) {
    for (int byte = 0; byte < 8; ++byte) {
      hash ^= static_cast<std::uint64_t>(v >> (8 * byte)) & 0xffU;
      hash *= 1099511628211ULL;
    }
  };
  for (double f : s.dispatch.arc_flow) mix(flow::toFlowQuanta(s.network, f));
  for (const auto& c : s.max_flow.min_cut) mix(c.arc);
  return hash;
}

// A digest of the minimum cut alone: its arcs in order.
std::uint64_t cutDigest(const flow::NetworkSolution& s) {
  std::uint64_t hash = 1469598103934665603ULL;
  for (const auto& c : s.max_flow.min_cut) {
    for (int byte = 0; byte < 4; ++byte) {
      hash ^= static_cast<std::uint64_t>(c.arc >> (8 * byte)) & 0xffU;
      hash *= 1099511628211ULL;
    }
  }
  return hash;
}

Options parseOptions(int argc, char** argv) {
  Options options;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "--cases" && i + 1 < argc) {
      options.cases.clear();
      std::istringstream list(argv[++i]);
      for (std::string name; std::getline(list, name, ',');) options.cases.push_back(name);
    } else if (arg == "--fresh-buffers") {
      options.reuse_buffers = false;
    } else if (arg == "--networkx-100k" && i + 1 < argc) {
      options.networkx_100k_timeout_s = std::stoi(argv[++i]);
    } else {
      options.networkx_repeats = std::stoi(arg);
    }
  }
  return options;
}

std::vector<Case> makeCases(const Options& options) {
  std::vector<Case> cases;
  for (const auto& name : options.cases) {
    if (name == "10k") {
      cases.push_back({"synthetic-10k", bench::makeSyntheticPark({}, 20261124), 5, options.networkx_repeats, 0});
    } else if (name == "100k") {
      const int nx = options.networkx_100k_timeout_s > 0 && options.networkx_repeats > 0 ? 1 : 0;
      cases.push_back({"synthetic-100k", bench::makeSyntheticPark(bench::scaledSize(10), 20261124), 5, nx,
                       options.networkx_100k_timeout_s});
    } else {
      auto park = model::loadPark(std::filesystem::path(PARKTWIN_SOURCE_DIR) / "assets/parks" / (name + ".json"));
      if (!park) {
        std::cerr << park.error().message << "\n";
        std::exit(1);
      }
      cases.push_back({name, *park, 200, options.networkx_repeats, 0});
    }
  }
  return cases;
}

// networkx on the same integer problems; false when its answers differ from ours or it gave
// none (e.g. killed at the timeout: `seconds` is then 0).
bool networkxAgrees(const Case& c, const std::vector<const flow::NetworkSolution*>& solutions,
                    const std::filesystem::path& dir, double& seconds) {
  std::string command = c.networkx_timeout_s > 0 ? "timeout " + std::to_string(c.networkx_timeout_s) + " " : "";
  command += "/usr/bin/python3 " PARKTWIN_SOURCE_DIR "/tests/unit/flow/networkx_oracle.py --time " +
             std::to_string(c.networkx_repeats);
  for (std::size_t i = 0; i < solutions.size(); ++i) {
    const auto file = dir / (c.name + "-" + std::to_string(i) + ".txt");
    std::ofstream(file) << flow::toArcListText(solutions[i]->network);
    command += " " + file.string();
  }
  std::istringstream answers(run(command));
  bool agree = true;
  seconds = 0;
  for (const auto* s : solutions) {
    long long value = 0, cut = 0, cost = 0;
    double taken = 0;
    if (!(answers >> value >> cut >> cost >> taken)) {
      seconds = 0;
      return false;
    }
    seconds += taken;
    const double costQuanta = s->dispatch.cost / (s->network.flow_resolution * s->network.cost_resolution);
    agree = agree && flow::toFlowQuanta(s->network, s->max_flow.value) == value &&
            flow::toFlowQuanta(s->network, s->max_flow.cut_capacity) == cut && std::llround(costQuanta) == cost;
  }
  return agree;
}

}  // namespace

int main(int argc, char** argv) {
  const Options options = parseOptions(argc, argv);
  const std::vector<Case> cases = makeCases(options);
  const auto dir = std::filesystem::temp_directory_path() / "parktwin-bench-flow";
  std::filesystem::create_directories(dir);
  std::printf("%-15s %7s %8s %12s %8s %12s %8s  %s\n", "park", "nodes", "arcs", "parktwin ms", "cpu ms", "networkx ms",
              "ratio", "answers agree");
  int failures = 0;
  for (const auto& c : cases) {
    flow::ParkFlowReport report;
    const Timing timing = medianSeconds(c.park, c.repeats, options.reuse_buffers, report);
    const double ours = timing.wall_s;
    std::vector<const flow::NetworkSolution*> solutions;
    if (report.has_material) solutions.push_back(&report.material);
    if (report.has_energy) solutions.push_back(&report.energy);
    std::size_t nodes = 0, arcs = 0;
    bool sums = true;
    for (const auto* s : solutions) {
      nodes += s->network.nodes.size();
      arcs += s->network.arcs.size();
      sums = sums && handSumsHold(*s);
    }
    failures += sums ? 0 : 1;
    for (const auto* sol : solutions) {
      const char* side = sol->network.quantity == flow::Quantity::material_t_per_h ? "material" : "energy";
      std::fprintf(stderr, "digest %s %s: %016llx\n", c.name.c_str(), side,
                   static_cast<unsigned long long>(answerDigest(*sol)));
      // What every optimal answer shares, where the digests of two builds differ (another of
      // several equally cheap flows): the value, the cost and the minimum cut, arc by arc.
      const auto& net = sol->network;
      std::fprintf(stderr, "answer %s %s: value %lld cost %lld cut %016llx\n", c.name.c_str(), side,
                   flow::toFlowQuanta(net, sol->max_flow.value),
                   std::llround(sol->dispatch.cost / (net.flow_resolution * net.cost_resolution)),
                   static_cast<unsigned long long>(cutDigest(*sol)));
    }
    if (c.networkx_repeats <= 0) {
      std::printf("%-15s %7zu %8zu %12.3f %8.1f %12s %8s  %s\n", c.name.c_str(), nodes, arcs, ours * 1e3,
                  timing.cpu_s * 1e3, "skipped", "",
                  sums ? "hand sums hold" : "hand sums FAIL");
      continue;
    }
    double theirs = 0;
    const bool agree = networkxAgrees(c, solutions, dir, theirs);
    if (theirs == 0 && c.networkx_timeout_s > 0) {
      std::printf("%-15s %7zu %8zu %12.3f %8.1f %9s %2ds %8s  %s\n", c.name.c_str(), nodes, arcs, ours * 1e3,
                  timing.cpu_s * 1e3, ">",
                  c.networkx_timeout_s, "", sums ? "networkx timed out; hand sums hold" : "hand sums FAIL");
      continue;
    }
    failures += agree ? 0 : 1;
    std::printf("%-15s %7zu %8zu %12.3f %8.1f %12.1f %7.0fx  %s\n", c.name.c_str(), nodes, arcs, ours * 1e3,
                timing.cpu_s * 1e3, theirs * 1e3,
                theirs / ours, agree && sums ? "yes" : "NO");
  }
  std::filesystem::remove_all(dir);
  std::printf("parktwin: median of 200 (demo parks) or 5 (synthetic) full solves, wall and CPU (both threads);\n"
              "networkx: mean of %d runs of\n"
              "minimum_cut + max_flow_min_cost on each network (networkx %s; once on the 100k-node park).\n",
              options.networkx_repeats,
              run("/usr/bin/python3 -c 'import networkx; print(networkx.__version__, end=\"\")'").c_str());
  return failures == 0 ? 0 : 1;
}
