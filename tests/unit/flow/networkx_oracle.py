#!/usr/bin/python3
"""Independent oracle for twin/flow: reads arc-list files (see parktwin/flow/arc_list.hpp)
and prints, per file, one line: <max flow value> <min cut capacity> <min cost of a max flow>.

networkx graphs cannot hold parallel arcs, so a repeated (u, v) pair gets an extra node in the
middle (u -> x with the arc's capacity and cost, x -> v uncapacitated and free), which
changes neither the flow value, the cut capacity nor the cost.
Usage: networkx_oracle.py [--time REPEATS] FILE...   (--time adds the mean seconds of
minimum_cut + max_flow_min_cost over REPEATS runs)
"""
import sys
import time

import networkx as nx


def read_graph(path):
    graph = nx.DiGraph()
    source = sink = None
    extra = 0
    with open(path) as f:
        for line in f:
            parts = line.split()
            if not parts:
                continue
            if parts[0] == "p":
                nodes, source, sink = int(parts[1]), int(parts[3]), int(parts[4])
                graph.add_nodes_from(range(nodes))
            elif parts[0] == "a":
                u, v, cap, cost = int(parts[1]), int(parts[2]), int(parts[3]), int(parts[4])
                if graph.has_edge(u, v):
                    extra += 1
                    x = ("split", extra)
                    graph.add_edge(u, x, capacity=cap, weight=cost)
                    graph.add_edge(x, v, weight=0)  # no capacity attribute: unbounded
                else:
                    graph.add_edge(u, v, capacity=cap, weight=cost)
    return graph, source, sink


def solve(graph, source, sink):
    value = nx.maximum_flow_value(graph, source, sink)
    cut = nx.minimum_cut_value(graph, source, sink)
    flow = nx.max_flow_min_cost(graph, source, sink)
    cost = nx.cost_of_flow(graph, flow)
    return value, cut, cost


def solve_like_parktwin(graph, source, sink):
    """What one parktwin full solve does: a max flow with its cut, then a min-cost max flow."""
    cut, _partition = nx.minimum_cut(graph, source, sink)
    flow = nx.max_flow_min_cost(graph, source, sink)
    return cut, nx.cost_of_flow(graph, flow)


def main(argv):
    repeats = 0
    if argv and argv[0] == "--time":
        repeats = int(argv[1])
        argv = argv[2:]
    for path in argv:
        graph, source, sink = read_graph(path)
        value, cut, cost = solve(graph, source, sink)
        line = f"{value} {cut} {cost}"
        if repeats > 0:
            start = time.perf_counter()
            for _ in range(repeats):
                solve_like_parktwin(graph, source, sink)
            line += f" {(time.perf_counter() - start) / repeats:.6f}"
        print(line, flush=True)


if __name__ == "__main__":
    main(sys.argv[1:])
