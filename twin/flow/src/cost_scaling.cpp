// Minimum-cost flow by cost scaling (Goldberg and Tarjan's push-relabel refine, as in
// Goldberg's CS2 and LEMON's CostScaling), written by hand: Boost.Graph 1.74 offers only
// successive shortest paths and cycle cancelling. The network simplex (network_simplex.cpp)
// replaced it as the dispatch solver (10x faster on the 10k-node park, docs/flow.md); it stays
// as MinCostMethod::cost_scaling and as the fallback should the simplex give up.
#include <algorithm>
#include <cstdlib>
#include <vector>

#include "integer_graph.hpp"

namespace parktwin::flow::detail {
namespace {

constexpr std::int64_t kScalingFactor = 16;  // epsilon shrinks by this much per refine

class CostScalingSolver {
 public:
  explicit CostScalingSolver(const IntegerProblem& problem) : n_(problem.node_count) {
    const std::size_t m = problem.arcs.size();
    head_.resize(2 * m);
    residual_.resize(2 * m);
    cost_.resize(2 * m);
    first_.assign(static_cast<std::size_t>(n_) + 1, 0);
    // Costs times (n + 1): an epsilon of 1 on these is below 1/n on the originals, which
    // makes an epsilon-optimal flow optimal for integer costs.
    const std::int64_t scale = n_ + 1;
    for (const IntegerArc& arc : problem.arcs) {
      ++first_[static_cast<std::size_t>(arc.from) + 1];
      ++first_[static_cast<std::size_t>(arc.to) + 1];
    }
    for (std::size_t v = 0; v < static_cast<std::size_t>(n_); ++v) first_[v + 1] += first_[v];
    adjacency_.resize(2 * m);
    std::vector<std::size_t> fill(first_.begin(), first_.end() - 1);
    for (std::size_t i = 0; i < m; ++i) {
      const IntegerArc& arc = problem.arcs[i];
      const std::size_t forward = 2 * i, backward = 2 * i + 1;
      head_[forward] = arc.to;
      head_[backward] = arc.from;
      residual_[forward] = arc.capacity;
      residual_[backward] = 0;
      cost_[forward] = arc.cost * scale;
      cost_[backward] = -arc.cost * scale;
      maxCost_ = std::max(maxCost_, std::abs(cost_[forward]));
      adjacency_[fill[static_cast<std::size_t>(arc.from)]++] = forward;
      adjacency_[fill[static_cast<std::size_t>(arc.to)]++] = backward;
    }
    excess_.assign(static_cast<std::size_t>(n_), 0);
    potential_.assign(static_cast<std::size_t>(n_), 0);
    current_.assign(static_cast<std::size_t>(n_), 0);
    inQueue_.assign(static_cast<std::size_t>(n_), 0);
  }

  // Starts from a feasible flow (a maximum flow) and makes it cheapest among flows of its
  // value: no excess has to travel from source to sink, only cycles of lower cost to be found.
  bool solve(const std::vector<std::int64_t>& startFlow) {
    for (std::size_t i = 0; i < startFlow.size(); ++i) {
      residual_[2 * i] -= startFlow[i];
      residual_[2 * i + 1] += startFlow[i];
    }
    std::int64_t epsilon = std::max<std::int64_t>(maxCost_, 1);
    do {
      epsilon = std::max<std::int64_t>(epsilon / kScalingFactor, 1);
      if (!refine(epsilon)) return false;
    } while (epsilon > 1);
    return true;
  }

  std::int64_t flowOn(std::size_t arc) const { return residual_[2 * arc + 1]; }

 private:
  std::int64_t reducedCost(std::size_t v, std::size_t e) const {
    return cost_[e] + potential_[v] - potential_[static_cast<std::size_t>(head_[e])];
  }

  void push(std::size_t v, std::size_t e, std::int64_t amount) {
    residual_[e] -= amount;
    residual_[e ^ 1] += amount;
    excess_[v] -= amount;
    excess_[static_cast<std::size_t>(head_[e])] += amount;
  }

  void activate(std::size_t v) {
    if (excess_[v] > 0 && !inQueue_[v]) {
      inQueue_[v] = 1;
      queue_.push_back(v);
    }
  }

  bool refine(std::int64_t epsilon) {
    // Make the pseudo-flow 0-optimal by saturating every arc with negative reduced cost.
    for (std::size_t v = 0; v < static_cast<std::size_t>(n_); ++v) {
      for (std::size_t k = first_[v]; k < first_[v + 1]; ++k) {
        const std::size_t e = adjacency_[k];
        if (residual_[e] > 0 && reducedCost(v, e) < 0) push(v, e, residual_[e]);
      }
    }
    queue_.clear();
    priceUpdate(epsilon);
    for (std::size_t v = 0; v < static_cast<std::size_t>(n_); ++v) {
      inQueue_[v] = 0;
      activate(v);
    }
    std::size_t relabelsSinceUpdate = 0;
    // FIFO discharge of active nodes.
    for (std::size_t head = 0; head < queue_.size(); ++head) {
      const std::size_t v = queue_[head];
      inQueue_[v] = 0;
      while (excess_[v] > 0) {
        if (current_[v] == first_[v + 1]) {
          if (!relabel(v, epsilon)) return false;
          if (++relabelsSinceUpdate > static_cast<std::size_t>(n_)) {
            priceUpdate(epsilon);
            relabelsSinceUpdate = 0;
          }
          continue;
        }
        const std::size_t e = adjacency_[current_[v]];
        if (residual_[e] > 0 && reducedCost(v, e) < 0) {
          push(v, e, std::min(excess_[v], residual_[e]));
          activate(static_cast<std::size_t>(head_[e]));
          if (residual_[e] == 0) ++current_[v];
        } else {
          ++current_[v];
        }
      }
      if (head > 4096 && head * 2 > queue_.size()) {  // keep the queue from growing without bound
        queue_.erase(queue_.begin(), queue_.begin() + static_cast<std::ptrdiff_t>(head) + 1);
        head = static_cast<std::size_t>(-1);
      }
    }
    return true;
  }

  // Goldberg's price update: lowers each potential by epsilon times its distance to the
  // nearest deficit, an arc (v,w) counting floor(reduced cost / epsilon) + 1 (Dial's buckets,
  // searched backwards from the deficits). Keeps epsilon-optimality and points admissible arcs
  // toward deficits, which saves most relabels. Distances are cut at n; a node beyond gets the
  // largest distance found, which still keeps every reduced cost >= -epsilon.
  void priceUpdate(std::int64_t epsilon) {
    const std::size_t n = static_cast<std::size_t>(n_);
    constexpr std::size_t unreached = static_cast<std::size_t>(-1);
    distance_.assign(n, unreached);
    for (auto& bucket : buckets_) bucket.clear();
    if (buckets_.size() < n + 1) buckets_.resize(n + 1);
    for (std::size_t v = 0; v < n; ++v) {
      if (excess_[v] < 0) {
        distance_[v] = 0;
        buckets_[0].push_back(v);
      }
    }
    std::size_t farthest = 0;
    for (std::size_t b = 0; b <= n; ++b) {
      for (std::size_t i = 0; i < buckets_[b].size(); ++i) {
        const std::size_t w = buckets_[b][i];
        if (distance_[w] != b) continue;  // a stale entry
        farthest = b;
        for (std::size_t k = first_[w]; k < first_[w + 1]; ++k) {
          const std::size_t back = adjacency_[k] ^ 1;  // the arc u -> w
          const auto u = static_cast<std::size_t>(head_[adjacency_[k]]);
          if (residual_[back] <= 0) continue;
          const std::int64_t reduced = reducedCost(u, back);
          const std::int64_t length = std::max<std::int64_t>(0, floorDiv(reduced, epsilon) + 1);
          if (length > static_cast<std::int64_t>(n - b)) continue;
          const std::size_t d = b + static_cast<std::size_t>(length);
          if (d < distance_[u]) {
            distance_[u] = d;
            buckets_[d].push_back(u);
          }
        }
      }
    }
    for (std::size_t v = 0; v < n; ++v) {
      const std::size_t d = distance_[v] == unreached ? farthest : distance_[v];
      potential_[v] -= epsilon * static_cast<std::int64_t>(d);
      current_[v] = first_[v];
    }
  }

  static std::int64_t floorDiv(std::int64_t a, std::int64_t b) {
    const std::int64_t q = a / b;
    return (a % b != 0 && a < 0) ? q - 1 : q;
  }

  // Lowers v's potential so that its cheapest residual arc becomes admissible (-epsilon).
  bool relabel(std::size_t v, std::int64_t epsilon) {
    bool any = false;
    std::int64_t best = 0;
    for (std::size_t k = first_[v]; k < first_[v + 1]; ++k) {
      const std::size_t e = adjacency_[k];
      if (residual_[e] <= 0) continue;
      const std::int64_t candidate = potential_[static_cast<std::size_t>(head_[e])] - cost_[e];
      if (!any || candidate > best) best = candidate;
      any = true;
    }
    if (!any) return false;  // excess with nowhere to go: the amount was not feasible
    potential_[v] = best - epsilon;
    current_[v] = first_[v];
    return true;
  }

  int n_;
  std::vector<int> head_;
  std::vector<std::int64_t> residual_, cost_, excess_, potential_;
  std::vector<std::size_t> first_, adjacency_, current_, queue_, distance_;
  std::vector<std::vector<std::size_t>> buckets_;
  std::vector<char> inQueue_;
  std::int64_t maxCost_ = 0;
};

}  // namespace

std::optional<IntegerMinCostFlow> cheapestFlowLike(const IntegerProblem& problem, const IntegerMaxFlow& start) {
  CostScalingSolver solver(problem);
  if (!solver.solve(start.arc_flow)) return std::nullopt;
  return minCostFlowFrom(problem, start.value, [&](std::size_t i) { return solver.flowOn(i); });
}

}  // namespace parktwin::flow::detail
