// Minimum-cost flow of a given value by the primal network simplex (Ahuja, Magnanti and Orlin,
// "Network Flows", ch. 11): a spanning tree of basic arcs, pricing by an altering candidate
// list (as LEMON's network simplex), and the strongly feasible tree rule for the leaving arc, which keeps
// degenerate pivots from cycling. Written by hand: Boost.Graph 1.74 has no network simplex,
// and on the park networks it is several times faster than our cost scaling (docs/flow.md).
//
// The tree hangs off an extra root node by one artificial arc per node: from each node with
// supply >= 0 to the root at cost 0, from the root to each demand node at a cost above any
// path's, so the start is feasible and the artificial arcs empty out when the value can be
// routed. Subtrees are child lists (for shifting potentials) and sizes (for finding where
// the two ends of the entering arc meet).
#include <algorithm>
#include <cmath>
#include <limits>
#include <vector>


#include "huge_pages.hpp"
#include "integer_graph.hpp"

namespace parktwin::flow::detail {
namespace {

constexpr std::int64_t kUnbounded = std::numeric_limits<std::int64_t>::max() / 4;

// Arcs scanned per block while looking for candidates: this factor x sqrt(arcs). LEMON's
// default is 1; on the 100k-node park half of it was fastest (thread CPU time of the material
// network's simplex, loaded host: 0.25: 104-133 ms, 0.5: 58-100 ms, 1: 88-120 ms; the energy
// network alike or better), the 10k-node park unchanged. Block pricing without a list, before
// h49, took 128-193 ms there (docs/flow.md).
constexpr double kBlockSizePerRootArcs = 0.5;
// The candidates kept between searches: this share of a block, at least 3 (LEMON's defaults).
constexpr double kHeadPerBlock = 0.01;
constexpr std::size_t kMinHeadLength = 3;

// Arc states: at its lower bound (flow may rise), at its upper bound (flow may fall), or in
// the tree. Arcs without capacity are parked in the tree state: they can never enter.
constexpr signed char kAtLower = 1, kAtUpper = -1, kInTree = 0;

class NetworkSimplex {
 public:
  // With `bypassCost` > 0 an extra arc source -> sink (index problem.arcs.size()) carries
  // what the network cannot at that cost per unit, dearer than any path: the cheapest flow
  // is then a maximum flow through the network, and `value` need only be an upper bound.
  NetworkSimplex(const IntegerProblem& problem, std::int64_t value, SimplexBuffers& buffers, std::int64_t bypassCost = 0)
      : b_(buffers), n_(problem.node_count), m_(static_cast<int>(problem.arcs.size()) + (bypassCost > 0 ? 1 : 0)),
        root_(problem.node_count) {
    const auto arcs = static_cast<std::size_t>(m_ + n_);
    const auto nodes = static_cast<std::size_t>(n_ + 1);
    // Fresh memory on the first solve (on huge pages where allowed: huge_pages.hpp), the same
    // room again on later ones with the same buffers.
    assignOnHugePages(from_, arcs, 0);
    assignOnHugePages(to_, arcs, 0);
    assignOnHugePages(capacity_, arcs, std::int64_t{0});
    assignOnHugePages(cost_, arcs, std::int64_t{0});
    assignOnHugePages(flow_, arcs, std::int64_t{0});
    assignOnHugePages(state_, arcs, kInTree);
    std::int64_t maxCost = 0;
    const int problemArcs = static_cast<int>(problem.arcs.size());
    for (int e = 0; e < problemArcs; ++e) {
      const IntegerArc& arc = problem.arcs[static_cast<std::size_t>(e)];
      from_[e] = arc.from;
      to_[e] = arc.to;
      capacity_[e] = arc.capacity;
      cost_[e] = arc.cost;
      state_[e] = arc.capacity > 0 ? kAtLower : kInTree;
      maxCost = std::max(maxCost, arc.cost < 0 ? -arc.cost : arc.cost);
    }
    // Dearer than any simple path (the bypass included): a demand is met through the root
    // only when nothing else can.
    std::int64_t artificialCost = (maxCost + 1) * (n_ + 1);
    if (bypassCost > 0) {
      from_[problemArcs] = problem.source;
      to_[problemArcs] = problem.sink;
      capacity_[problemArcs] = value;
      cost_[problemArcs] = bypassCost;
      state_[problemArcs] = kAtLower;
      artificialCost = std::max(artificialCost, bypassCost + 1);
    }

    parent_.assign(nodes, -1);
    pred_.assign(nodes, -1);
    predUp_.assign(nodes, 0);
    size_.assign(nodes, 1);
    potential_.assign(nodes, 0);
    firstChild_.assign(nodes, -1);
    nextSibling_.assign(nodes, -1);
    prevSibling_.assign(nodes, -1);
    size_[root_] = n_ + 1;
    for (int u = 0; u < n_; ++u) {
      const std::int64_t supply = u == problem.source ? value : u == problem.sink ? -value : 0;
      const int e = m_ + u;
      capacity_[e] = kUnbounded;
      state_[e] = kInTree;
      pred_[u] = e;
      parent_[u] = root_;
      attach(u, root_);
      if (supply >= 0) {
        from_[e] = u;
        to_[e] = root_;
        cost_[e] = 0;
        flow_[e] = supply;
        predUp_[u] = 1;
      } else {
        from_[e] = root_;
        to_[e] = u;
        cost_[e] = artificialCost;
        flow_[e] = -supply;
        potential_[u] = artificialCost;
      }
    }
    blockSize_ = std::max(10, static_cast<int>(kBlockSizePerRootArcs * std::sqrt(static_cast<double>(m_))));
    headLength_ = std::max(kMinHeadLength, static_cast<std::size_t>(kHeadPerBlock * blockSize_));
    candidates_.clear();
    hangShortestPathTree(problem.source, problem.sink, artificialCost);
  }

  // False when the pivot budget runs out or the value cannot be routed.
  bool solve(std::int64_t maxPivots) {
    for (std::int64_t pivots = 0; pivots < maxPivots; ++pivots) {
      const int entering = findEnteringArc();
      if (entering < 0) {
        for (int e = m_; e < m_ + n_; ++e) {
          if (flow_[e] != 0) return false;  // some of the value still goes through the root
        }
        return true;
      }
      pivot(entering);
    }
    return false;
  }

  std::int64_t flowOn(std::size_t arc) const { return flow_[arc]; }

 private:
  // Altering candidate list (LEMON's AlteringListPivotRule, Kovacs 2015): the violating arcs
  // found by the last search are kept; each search re-prices them, drops those that no longer
  // violate, then scans on by blocks of about sqrt(m) arcs from where the last search stopped,
  // until the first block leaves more than a head's worth of candidates (any later block: one),
  // and enters the most violating. Pricing was most of the simplex's time: the 100k-node park's
  // material network scanned 42 million arcs in 38,700 pivots with first-block pricing.
  // Another pivot order may end in another of several equally cheap flows: the value, the cost
  // and the minimum cut stay those of every optimal flow (docs/flow.md, h49).
  int findEnteringArc() {
    std::size_t kept = 0;
    for (const auto& [violation, e] : candidates_) {
      if (const std::int64_t now = violationOf(e); now < 0) candidates_[kept++] = {now, e};
    }
    candidates_.resize(kept);
    std::size_t limit = headLength_;
    for (int scanned = 0; scanned < m_;) {
      const int block = std::min(blockSize_, m_ - scanned);
      const int end = nextArc_ + block;
      if (end <= m_) {
        collectViolating(nextArc_, end);
        nextArc_ = end == m_ ? 0 : end;
      } else {
        collectViolating(nextArc_, m_);
        collectViolating(0, end - m_);
        nextArc_ = end - m_;
      }
      scanned += block;
      if (candidates_.size() > limit) break;
      limit = 0;
    }
    if (candidates_.empty()) return -1;
    // The head of the list, most violating first (ties by arc index: the order is total, so
    // the pivots do not depend on the sort's implementation); the rest is dropped.
    const std::size_t head = std::min(headLength_ + 1, candidates_.size());
    std::partial_sort(candidates_.begin(), candidates_.begin() + static_cast<std::ptrdiff_t>(head), candidates_.end());
    const int entering = candidates_.front().second;
    candidates_.front() = candidates_[head - 1];
    candidates_.resize(head - 1);
    return entering;
  }

  std::int64_t violationOf(int e) const {
    return state_[e] * (cost_[e] + potential_[from_[e]] - potential_[to_[e]]);
  }

  // Appends every arc in [begin, end) that violates its optimality condition, by a loop with
  // nothing else in it.
  void collectViolating(int begin, int end) {
    const int* from = from_.data();
    const int* to = to_.data();
    const std::int64_t* cost = cost_.data();
    const signed char* state = state_.data();
    const std::int64_t* potential = potential_.data();
    for (int e = begin; e < end; ++e) {
      const std::int64_t violation = state[e] * (cost[e] + potential[from[e]] - potential[to[e]]);
      if (violation < 0) candidates_.emplace_back(violation, e);
    }
  }

  void pivot(int entering) {
    // Flow goes round the cycle first -> (entering) -> second -> up the tree to the apex
    // -> down the tree to first.
    const int first = state_[entering] == kAtLower ? from_[entering] : to_[entering];
    const int second = state_[entering] == kAtLower ? to_[entering] : from_[entering];
    int u = first, v = second;
    while (u != v) {  // an ancestor is larger than its descendants
      if (size_[u] < size_[v]) u = parent_[u];
      else v = parent_[v];
    }
    const int apex = u;

    // Leaving arc: the last blocking arc met going round the cycle from the apex (strongly
    // feasible tree rule), hence < on the way down to first and <= on the way up from second.
    std::int64_t delta = capacity_[entering];
    int leavingChild = -1;
    bool onSecondSide = false;
    for (int w = first; w != apex; w = parent_[w]) {
      const int e = pred_[w];
      const std::int64_t room = predUp_[w] ? flow_[e] : capacity_[e] - flow_[e];
      if (room < delta) {
        delta = room;
        leavingChild = w;
      }
    }
    for (int w = second; w != apex; w = parent_[w]) {
      const int e = pred_[w];
      const std::int64_t room = predUp_[w] ? capacity_[e] - flow_[e] : flow_[e];
      if (room <= delta) {
        delta = room;
        leavingChild = w;
        onSecondSide = true;
      }
    }

    if (delta > 0) {
      flow_[entering] += state_[entering] * delta;
      for (int w = first; w != apex; w = parent_[w]) flow_[pred_[w]] += predUp_[w] ? -delta : delta;
      for (int w = second; w != apex; w = parent_[w]) flow_[pred_[w]] += predUp_[w] ? delta : -delta;
    }
    if (leavingChild < 0) {  // the entering arc went from one bound to the other
      state_[entering] = static_cast<signed char>(-state_[entering]);
      return;
    }
    const int leaving = pred_[leavingChild];
    state_[leaving] = flow_[leaving] == 0 ? kAtLower : kAtUpper;
    state_[entering] = kInTree;
    const int inNode = onSecondSide ? second : first;  // the end inside the cut-off subtree
    const int outNode = onSecondSide ? first : second;
    rehang(entering, inNode, outNode, leavingChild, apex);
  }

  // Cuts the subtree of `leavingChild` off its parent and hangs it from `outNode` by the
  // entering arc, rooted at `inNode`: the path inNode .. leavingChild (the stem) turns round.
  void rehang(int entering, int inNode, int outNode, int leavingChild, int apex) {
    const int moved = size_[leavingChild];
    for (int w = parent_[leavingChild]; w != apex; w = parent_[w]) size_[w] -= moved;
    for (int w = outNode; w != apex; w = parent_[w]) size_[w] += moved;

    stem_.clear();
    for (int w = inNode;; w = parent_[w]) {
      stem_.push_back(w);
      if (w == leavingChild) break;
    }
    for (std::size_t i = stem_.size() - 1; i > 0; --i) {
      const int w = stem_[i], below = stem_[i - 1];
      size_[w] = moved - size_[below];
      pred_[w] = pred_[below];
      predUp_[w] = !predUp_[below];
    }
    size_[inNode] = moved;
    pred_[inNode] = entering;
    predUp_[inNode] = from_[entering] == inNode;
    for (int w : stem_) detach(w);
    parent_[inNode] = outNode;
    attach(inNode, outNode);
    for (std::size_t i = 1; i < stem_.size(); ++i) {
      parent_[stem_[i]] = stem_[i - 1];
      attach(stem_[i], stem_[i - 1]);
    }

    // The entering arc's reduced cost becomes 0; the whole moved subtree shifts alike.
    const std::int64_t wanted = predUp_[inNode] ? potential_[outNode] - cost_[entering]
                                                : potential_[outNode] + cost_[entering];
    const std::int64_t shift = wanted - potential_[inNode];
    for (int w = inNode;;) {
      potential_[w] += shift;
      if (firstChild_[w] >= 0) {
        w = firstChild_[w];
        continue;
      }
      while (w != inNode && nextSibling_[w] < 0) w = parent_[w];
      if (w == inNode) break;
      w = nextSibling_[w];
    }
  }

  // A better start than the root's star: every node that can reach the sink hangs on its
  // cheapest path there (Dijkstra backwards from the sink), at zero flow and with potentials
  // that make each arc's reduced cost >= 0, except the source's arcs, which carry the value
  // through the root. Without it most pivots were degenerate ones building this very tree.
  // The tree stays strongly feasible: its zero-flow arcs all point towards the root.
  void hangShortestPathTree(int source, int sink, std::int64_t artificialCost) {
    // Each node's usable in-arcs with what the search reads of them, side by side: reading
    // cost_ and capacity_ at scattered arc indices (cache misses) made the search on the
    // 100k-node park's material network twice as slow (45 against 23 ms, loaded host).
    using InArc = SimplexBuffers::InArc;
    std::vector<int>& inFirst = b_.in_first;
    inFirst.assign(static_cast<std::size_t>(n_) + 1, 0);
    for (int e = 0; e < m_; ++e) {
      if (capacity_[e] > 0 && from_[e] != source) ++inFirst[to_[e] + 1];
    }
    for (int v = 0; v < n_; ++v) inFirst[v + 1] += inFirst[v];
    std::vector<InArc>& inArcs = b_.in_arcs;
    reserveOnHugePages(inArcs, static_cast<std::size_t>(inFirst[n_]));
    inArcs.resize(static_cast<std::size_t>(inFirst[n_]));
    std::vector<int>& fill = b_.in_fill;
    fill.assign(inFirst.begin(), inFirst.end() - 1);
    for (int e = 0; e < m_; ++e) {
      if (capacity_[e] > 0 && from_[e] != source) inArcs[fill[to_[e]]++] = {from_[e], e, cost_[e]};
    }
    constexpr std::int64_t unreached = std::numeric_limits<std::int64_t>::max();
    std::vector<std::int64_t>& distance = b_.distance;
    distance.assign(static_cast<std::size_t>(n_), unreached);
    std::vector<int>& next = b_.next;
    std::vector<int>& order = b_.order;
    next.assign(static_cast<std::size_t>(n_), -1);
    order.clear();
    std::vector<std::pair<std::int64_t, int>>& heap = b_.heap;
    heap.assign(1, {0, sink});
    const auto later = [](const auto& a, const auto& b) { return a.first > b.first; };
    distance[sink] = 0;
    while (!heap.empty()) {
      std::ranges::pop_heap(heap, later);
      const auto [d, v] = heap.back();
      heap.pop_back();
      if (d != distance[v]) continue;
      order.push_back(v);
      for (int k = inFirst[v]; k < inFirst[v + 1]; ++k) {
        const InArc& in = inArcs[static_cast<std::size_t>(k)];
        const int u = in.from;
        if (d + in.cost >= distance[u]) continue;
        distance[u] = d + in.cost;
        next[u] = in.arc;
        heap.emplace_back(distance[u], u);
        std::ranges::push_heap(heap, later);
      }
    }
    // Farthest first, so that a node's size is complete before it is added to its parent's.
    for (auto it = order.rbegin(); it != order.rend(); ++it) {
      const int u = *it, e = next[u];
      if (e < 0) continue;  // the sink
      const int parent = to_[e];
      detach(u);
      parent_[u] = parent;
      attach(u, parent);
      pred_[u] = e;
      predUp_[u] = 1;
      state_[e] = kInTree;
      state_[m_ + u] = kAtLower;  // the artificial arc leaves the tree (it is never priced)
      potential_[u] = artificialCost - distance[u];
      size_[parent] += size_[u];
    }
  }

  void attach(int child, int parent) {
    nextSibling_[child] = firstChild_[parent];
    prevSibling_[child] = -1;
    if (firstChild_[parent] >= 0) prevSibling_[firstChild_[parent]] = child;
    firstChild_[parent] = child;
  }

  void detach(int child) {
    if (prevSibling_[child] >= 0) nextSibling_[prevSibling_[child]] = nextSibling_[child];
    else firstChild_[parent_[child]] = nextSibling_[child];
    if (nextSibling_[child] >= 0) prevSibling_[nextSibling_[child]] = prevSibling_[child];
  }

  SimplexBuffers& b_;
  int n_, m_, root_;
  int blockSize_ = 10;
  std::size_t headLength_ = kMinHeadLength;
  int nextArc_ = 0;
  // Arcs: the problem's, then one artificial arc per node.
  std::vector<int>& from_ = b_.from;
  std::vector<int>& to_ = b_.to;
  std::vector<std::int64_t>& capacity_ = b_.capacity;
  std::vector<std::int64_t>& cost_ = b_.cost;
  std::vector<std::int64_t>& flow_ = b_.flow;
  std::vector<signed char>& state_ = b_.state;
  // Tree: per node (and the root), its parent, the arc to it and whether that arc points up.
  std::vector<int>& parent_ = b_.parent;
  std::vector<int>& pred_ = b_.pred;
  std::vector<int>& size_ = b_.size;
  std::vector<int>& firstChild_ = b_.first_child;
  std::vector<int>& nextSibling_ = b_.next_sibling;
  std::vector<int>& prevSibling_ = b_.prev_sibling;
  std::vector<int>& stem_ = b_.stem;
  std::vector<char>& predUp_ = b_.pred_up;
  std::vector<std::int64_t>& potential_ = b_.potential;
  std::vector<std::pair<std::int64_t, int>>& candidates_ = b_.candidates;  // (violation, arc)
};

// Far above what the park networks need (a few pivots per arc); a safety net, not a limit.
std::int64_t pivotBudget(const IntegerProblem& problem) {
  return 50 * static_cast<std::int64_t>(problem.arcs.size() + static_cast<std::size_t>(problem.node_count)) + 10'000;
}

// Sum of `capacity` over the arcs `counts` picks, or nullopt past `limit`.
template <typename Counts>
std::optional<std::int64_t> capacitySum(const IntegerProblem& problem, std::int64_t limit, const Counts& counts) {
  std::int64_t sum = 0;
  for (const IntegerArc& arc : problem.arcs) {
    if (!counts(arc)) continue;
    if (arc.capacity > limit - sum) return std::nullopt;
    sum += arc.capacity;
  }
  return sum;
}

}  // namespace

std::optional<IntegerMinCostFlow> cheapestMaximumFlow(const IntegerProblem& problem, SimplexBuffers& buffers,
                                                      std::vector<std::int64_t> room) {
  // No flow can exceed what leaves the source or what enters the sink: the bypass's capacity.
  constexpr std::int64_t limit = kUnbounded / 4;
  const auto out = capacitySum(problem, limit, [&](const IntegerArc& a) { return a.from == problem.source; });
  const auto in = capacitySum(problem, limit, [&](const IntegerArc& a) { return a.to == problem.sink; });
  if (!out || !in) return std::nullopt;
  const std::int64_t bound = std::min(*out, *in);
  if (problem.arcs.empty() || bound == 0) return cheapestFlowOfValue(problem, 0);
  std::int64_t maxCost = 0;
  for (const IntegerArc& arc : problem.arcs) maxCost = std::max(maxCost, arc.cost < 0 ? -arc.cost : arc.cost);
  // Dearer than any simple path, so that a unit goes round by the bypass only when no path
  // through the network is left; far from overflowing at park sizes, refused beyond.
  const std::int64_t nodes = problem.node_count + 1;
  if (maxCost + 1 > limit / nodes / 4) return std::nullopt;
  const std::int64_t bypassCost = (maxCost + 1) * nodes;
  NetworkSimplex simplex(problem, bound, buffers, bypassCost);
  if (!simplex.solve(pivotBudget(problem))) return std::nullopt;
  const std::int64_t value = bound - simplex.flowOn(problem.arcs.size());
  return minCostFlowFrom(problem, value, [&](std::size_t i) { return simplex.flowOn(i); }, std::move(room));
}

std::optional<IntegerMinCostFlow> cheapestFlowOfValue(const IntegerProblem& problem, std::int64_t value) {
  if (problem.arcs.empty() || value == 0) {
    return IntegerMinCostFlow{0, 0, std::vector<std::int64_t>(problem.arcs.size(), 0)};
  }
  SimplexBuffers buffers;
  NetworkSimplex simplex(problem, value, buffers);
  if (!simplex.solve(pivotBudget(problem))) return std::nullopt;
  return minCostFlowFrom(problem, value, [&](std::size_t i) { return simplex.flowOn(i); });
}

std::vector<char> residualSourceSide(const IntegerProblem& problem, const std::vector<std::int64_t>& arc_flow) {
  // Both directions of each arc in one compressed adjacency: an arc index i is "i forwards",
  // ~i "i backwards".
  const auto n = static_cast<std::size_t>(problem.node_count);
  std::vector<int> first(n + 1, 0), edges(2 * problem.arcs.size());
  for (const IntegerArc& arc : problem.arcs) {
    ++first[static_cast<std::size_t>(arc.from) + 1];
    ++first[static_cast<std::size_t>(arc.to) + 1];
  }
  for (std::size_t v = 0; v < n; ++v) first[v + 1] += first[v];
  std::vector<int> fill(first.begin(), first.end() - 1);
  for (std::size_t i = 0; i < problem.arcs.size(); ++i) {
    const IntegerArc& arc = problem.arcs[i];
    edges[static_cast<std::size_t>(fill[static_cast<std::size_t>(arc.from)]++)] = static_cast<int>(i);
    edges[static_cast<std::size_t>(fill[static_cast<std::size_t>(arc.to)]++)] = ~static_cast<int>(i);
  }
  std::vector<char> reached(n, 0);
  std::vector<int> queue{problem.source};
  reached[static_cast<std::size_t>(problem.source)] = 1;
  for (std::size_t head = 0; head < queue.size(); ++head) {
    const auto v = static_cast<std::size_t>(queue[head]);
    for (int k = first[v]; k < first[v + 1]; ++k) {
      const int e = edges[static_cast<std::size_t>(k)];
      const auto i = static_cast<std::size_t>(e >= 0 ? e : ~e);
      const IntegerArc& arc = problem.arcs[i];
      const bool room = e >= 0 ? arc_flow[i] < arc.capacity : arc_flow[i] > 0;
      const int next = e >= 0 ? arc.to : arc.from;
      if (room && !reached[static_cast<std::size_t>(next)]) {
        reached[static_cast<std::size_t>(next)] = 1;
        queue.push_back(next);
      }
    }
  }
  return reached;
}

}  // namespace parktwin::flow::detail
