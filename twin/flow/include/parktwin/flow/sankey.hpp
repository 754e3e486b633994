#pragma once
// A Sankey diagram of a solved network: the park's objects in columns from where material or
// energy enters (potlines, the grid, PV) to where it ends (processors, markets, loads), bands
// as wide as the flow between them. Small objects of a column are merged into one "others"
// node so that a park of hundreds of objects stays readable. Positions are in flow units; the
// view scales them to pixels.
#include <string>
#include <vector>

#include "parktwin/flow/network.hpp"

namespace parktwin::flow {

struct SankeyNode {
  std::string id;    // park object id, or "others:<column>"
  std::string name;  // English name (the GUI replaces it from the park in its language)
  int column = 0;
  double value = 0;  // max(in, out): the node's height
  double y = 0;      // top, in flow units from the top of the column
  int merged = 0;    // objects merged into an "others" node (0 for a real object)
};

struct SankeyBand {
  int from = 0;  // node indices
  int to = 0;
  double value = 0;
  double from_y = 0;  // top of the band where it leaves `from` / enters `to`
  double to_y = 0;
  std::string product;  // material product or energy carrier of the largest arc in it
};

struct SankeyDiagram {
  std::vector<SankeyNode> nodes;
  std::vector<SankeyBand> bands;
  int columns = 0;
  double height = 0;  // tallest column, gaps included, in flow units
  double total = 0;   // flow entering the network (supply arcs)
};

// `arc_flow` is the dispatch's flow per arc of `network`. Objects moving less than `min_share`
// of the total are merged per column; line and transformer losses always keep their own node.
SankeyDiagram buildSankey(const FlowNetwork& network, const std::vector<double>& arc_flow, double min_share = 0.02);

}  // namespace parktwin::flow
