#pragma once
// The per-object breakdown's rows (kpi_breakdown.hpp), made from the park alone, before any
// flow is known: ParkFlowSolver makes them on its own thread while the material network, the
// longest part of a large park's solve, is still being solved on the other.
#include <cstddef>
#include <map>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "parktwin/flow/kpi_breakdown.hpp"

namespace parktwin::flow::detail {

// Every park object as a row, first id wins (lines before the buildings holding them).
// Points into the park, which must outlive it.
class BreakdownRows {
 public:
  explicit BreakdownRows(const model::Park& park);

  // The row of a network node ("<id>#out" is the same object); nullptr for the super nodes
  // and for ids that are not park objects.
  UnitKpis* of(const FlowNode& node);
  UnitKpis* byId(std::string_view id);
  std::size_t indexOf(const UnitKpis& row) const { return static_cast<std::size_t>(&row - rows_.data()); }
  bool isLine(const UnitKpis& row) const { return indexOf(row) < lineRows_; }
  // The lines a row stands for: a line itself, or the lines in a building.
  const std::vector<const model::ProductionLine*>& held(const UnitKpis& row) const { return held_[indexOf(row)]; }
  std::vector<UnitKpis>& all() { return rows_; }

 private:
  // False when an earlier object has the id.
  bool add(const std::string& id, const model::LocalizedText& name, std::string_view kind, const std::string& enterprise);

  std::vector<UnitKpis> rows_;
  std::vector<std::vector<const model::ProductionLine*>> held_;
  std::unordered_map<std::string_view, std::size_t> index_;
  std::size_t lineRows_ = 0;
};

// breakdownKpis (kpi_breakdown.hpp) with rows made beforehand from the same park; uses them up.
Result<KpiBreakdown> breakdownKpis(BreakdownRows& rows, const model::Park& park, const FlowNetwork& material,
                                   const FlowNetwork& energy, const FlowWindow& window, const FlowKpis& totals,
                                   const std::map<std::string, double>& oee);

}  // namespace parktwin::flow::detail
