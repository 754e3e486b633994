#pragma once
// Per-step energy accounting and hourly molten-metal dispatch of one run, from the simulator's
// tag values (see docs/scenario-format.md, "How a run is computed").
#include <cstdint>
#include <span>
#include <vector>

#include "parktwin/scenario/runner.hpp"
#include "prepared_park.hpp"

namespace parktwin::scenario::detail {

// The casthouse holds up to this much molten metal between hours (its holding furnaces; the
// simulator starts ingot casting above the same stock) and starts a run with 80 t, as the
// simulator's hub does.
inline constexpr double kHubHoldingT = 120;
inline constexpr double kHubInitialT = 80;
// Pumped storage can give each local day what it holds between 5 % and 95 % of its energy,
// at 88 % efficiency (the simulator's figures); it refills at night from the regional grid.
inline constexpr double kPumpedUsableShare = 0.90 * 0.88;
// Energy pumped per kWh it gives back (88 % each way): that grid energy carries its CO2.
inline constexpr double kPumpedRoundTrip = 0.88 * 0.88;

class RunAccounting {
 public:
  // `changed`: the scenario run (route changes and grid limits apply), else the baseline.
  RunAccounting(const PreparedPark& park, const Scenario& scenario, bool changed, std::int64_t step_ms,
                std::int64_t bucket_ms, TimeZone zone);
  // `values` are the simulator's tag values at the end of the step that ended at `t_ms`.
  void step(std::span<const double> values, std::int64_t t_ms);
  RunResult finish();

 private:
  void closeBucket();
  double remeltOfIngotFedLines();  // the hour's ingot remelted by lines without molten metal
  double tariffAt(std::int64_t t_ms) const;
  bool routeStopped(const PreparedLine& line, std::int64_t t_ms) const;
  double gridLimitAt(std::int64_t t_ms) const;  // < 0: none

  const PreparedPark& park_;
  const Scenario& scenario_;
  bool changed_;
  bool routeChanges_;  // the run has a route change (routeStopped looks at every one per line and step)
  std::int64_t step_ms_, bucket_ms_;
  TimeZone zone_;  // the park's civil time: tariff bands and days are local
  double dt_h_;

  std::vector<double> potTapped_, potEnergy_, lineOutput_;  // last cumulative values
  std::vector<double> lineEnergy_, lineOutputSum_, lineOeeSum_, lineRemelt_, lineBucketDemand_;
  std::vector<double> lineBucketIngotFed_;  // the hour's output of lines fed ingot (and recycled metal), no molten
  double oeeSamples_ = 0;
  double retrofitKwh_ = 0;
  // Open bucket.
  double bucketMade_ = 0, bucketDemand_ = 0, bucketCap_ = 0, bucketRemeltDirect_ = 0, bucketRecycled_ = 0;
  double bucketMetal_ = 0, bucketProcessed_ = 0, bucketLoadKwh_ = 0, bucketImportKwh_ = 0, bucketLocalKwh_ = 0;
  double bucketCo2_ = 0, bucketCost_ = 0, bucketTariff_ = 0, bucketSteps_ = 0;
  double hubStock_ = kHubInitialT;
  // Recycled aluminium made in earlier hours and not yet used by the lines without molten metal
  // (remeltOfIngotFedLines says why it is kept, and without a cap).
  double recycledStock_ = 0;
  double pumpedLeft_kwh_ = 0;
  std::int64_t pumpedDay_ = -1;
  RunKpis k_;
  RunSeries series_;
};

}  // namespace parktwin::scenario::detail
