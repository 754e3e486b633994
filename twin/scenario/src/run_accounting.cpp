#include "run_accounting.hpp"

#include <limits>

#include <algorithm>
#include <cmath>
#include <utility>

#include "parktwin/flow/constants.hpp"

namespace parktwin::scenario::detail {

RunAccounting::RunAccounting(const PreparedPark& park, const Scenario& scenario, bool changed,
                             std::int64_t step_ms, std::int64_t bucket_ms, TimeZone zone)
    : park_(park), scenario_(scenario), changed_(changed), step_ms_(step_ms), bucket_ms_(bucket_ms), zone_(std::move(zone)),
      dt_h_(static_cast<double>(step_ms) / 3'600'000.0) {
  potTapped_.assign(park.potlines.size(), 0);
  potEnergy_.assign(park.potlines.size(), 0);
  lineOutput_.assign(park.lines.size(), 0);
  lineEnergy_.assign(park.lines.size(), 0);
  lineOutputSum_.assign(park.lines.size(), 0);
  lineOeeSum_.assign(park.lines.size(), 0);
  lineRemelt_.assign(park.lines.size(), 0);
  lineBucketDemand_.assign(park.lines.size(), 0);
  lineBucketIngotFed_.assign(park.lines.size(), 0);
  routeChanges_ = changed && std::ranges::any_of(scenario.changes, [](const Change& c) { return c.kind == ChangeKind::route; });
}

double RunAccounting::tariffAt(std::int64_t t_ms) const {
  if (park_.tariff.empty()) return park_.flat_tariff_yuan_per_kwh;
  const double hours = static_cast<double>(zone_.toLocalMs(t_ms)) / 3'600'000.0;
  const double h = std::fmod(std::fmod(hours, 24.0) + 24.0, 24.0);
  for (const auto& band : park_.tariff) {
    if (h >= band.from_hour && h < band.to_hour) return band.yuan_per_kwh;
  }
  return park_.tariff.back().yuan_per_kwh;
}

bool RunAccounting::routeStopped(const PreparedLine& line, std::int64_t t_ms) const {
  if (!routeChanges_) return false;
  for (const Change& c : scenario_.changes) {
    if (c.kind != ChangeKind::route || (c.window && !c.window->contains(t_ms))) continue;
    if (c.targets.empty() || std::ranges::find(c.targets, line.id) != c.targets.end()) return true;
  }
  return false;
}

double RunAccounting::gridLimitAt(std::int64_t t_ms) const {
  double limit = -1;
  if (!changed_) return limit;
  for (const Change& c : scenario_.changes) {
    if (c.kind != ChangeKind::grid_limit || (c.window && !c.window->contains(t_ms))) continue;
    limit = limit < 0 ? c.import_limit_kw : std::min(limit, c.import_limit_kw);
  }
  return limit;
}

void RunAccounting::step(std::span<const double> values, std::int64_t t_ms) {
  const auto at = [&](int tag) { return values[static_cast<std::size_t>(tag)]; };
  // The step's middle decides the tariff and the windows (a step is [t - step, t)).
  const std::int64_t mid = t_ms - step_ms_ / 2;
  // Counters start at 0 in the simulator, so the first step's increments are its values.
  double made = 0;
  for (std::size_t i = 0; i < potTapped_.size(); ++i) {
    const double now = at(park_.pot_tapped_tags[i]);
    made += now - potTapped_[i];
    potTapped_[i] = now;
    potEnergy_[i] += at(park_.pot_power_tags[i]) * dt_h_;
  }
  bucketMade_ += made;
  k_.primary_t += made;
  bucketMetal_ += made;

  for (std::size_t i = 0; i < park_.lines.size(); ++i) {
    const PreparedLine& line = park_.lines[i];
    const double now = at(line.output_tag);
    const double out = now - lineOutput_[i];
    lineOutput_[i] = now;
    lineOutputSum_[i] += out;
    // The rate is the step's own (its running share, performance and quality), so rate x hours
    // is what the step made.
    if (line.units_tag >= 0) k_.units_made += at(line.units_tag) * dt_h_;
    const double lineKwh = at(line.power_tag) * dt_h_;
    lineEnergy_[i] += lineKwh;
    if (line.retrofitted) {
      k_.retrofit_output_t += out;
      retrofitKwh_ += lineKwh;
    }
    if (line.role == LineRole::recycling) k_.recycled_energy_kwh += lineKwh;
    switch (line.role) {
      case LineRole::recycling:
        k_.recycled_t += out;
        bucketMetal_ += out;
        bucketRecycled_ += out;
        break;
      case LineRole::ingot_caster:
        break;
      case LineRole::processor:
        // Every line's output, a chain's stages each: counting end products only hid an upstream
        // line's outage, since the simulator does not starve the stage after it (review).
        k_.processed_t += out;
        k_.good_processed_t += out * (1 - line.defect_rate);
        bucketProcessed_ += out;
        k_.operating_cost_yuan += out * line.operating_cost_yuan_per_t;
        lineOeeSum_[i] += at(line.oee_tag) / 100.0;
        // A call per line and step saved in most runs: routes change only in some scenarios.
        if (line.molten_fed && !(routeChanges_ && routeStopped(line, mid))) {
          bucketDemand_ += out;
          lineBucketDemand_[i] += out;
          bucketCap_ += line.molten_link_t_per_h * dt_h_;
        } else if (line.molten_fed) {  // its molten route is cut: all of it from ingot
          bucketRemeltDirect_ += out;
          lineRemelt_[i] += out;
        } else if (line.ingot_fed) {
          lineBucketIngotFed_[i] += out;
        }
        break;
    }
  }
  oeeSamples_ += 1;

  // Energy. The simulator's import already nets PV, hydro and the park's batteries.
  const double load = at(park_.load_tag);
  double import = at(park_.import_tag);
  const double limit = gridLimitAt(mid);
  if (limit >= 0 && import > limit) {
    const double localHours = static_cast<double>(zone_.toLocalMs(mid)) / 3'600'000.0;
    const auto day = static_cast<std::int64_t>(std::floor(localHours / 24.0));
    if (day != pumpedDay_) {
      pumpedDay_ = day;
      pumpedLeft_kwh_ = park_.pumped_energy_kwh * kPumpedUsableShare;
    }
    const double excess = import - limit;
    const double pumped = std::min({excess, park_.pumped_power_kw, pumpedLeft_kwh_ / dt_h_});
    pumpedLeft_kwh_ -= pumped * dt_h_;
    k_.pumped_support_kwh += pumped * dt_h_;
    // Panlong's energy is not free: its tariff, and the CO2 of the grid energy that pumped it.
    const double pumpedCo2 = pumped * dt_h_ / kPumpedRoundTrip * park_.grid_emission_t_per_mwh / 1000.0;
    k_.co2_t += pumpedCo2;
    bucketCo2_ += pumpedCo2;
    k_.energy_cost_yuan += pumped * dt_h_ * park_.pumped_yuan_per_kwh;
    bucketCost_ += pumped * dt_h_ * park_.pumped_yuan_per_kwh;
    k_.unserved_kwh += (excess - pumped) * dt_h_;
    import = limit;
  }
  const double gridKwh = std::max(import, 0.0) * dt_h_;
  const double exportKwh = std::max(-import, 0.0) * dt_h_;
  const double loadKwh = load * dt_h_;
  // Local supply: PV and hydro generation used in the park (batteries only shift grid energy).
  double pv = 0, generation = 0;
  for (int tag : park_.pv_tags) pv += at(tag);
  generation = pv;
  for (int tag : park_.hydro_tags) generation += at(tag);
  const double localKwh = std::min(generation, load) * dt_h_;
  k_.pv_kwh += pv * dt_h_;
  const double tariff = tariffAt(mid);
  k_.grid_import_kwh += gridKwh;
  k_.grid_export_kwh += exportKwh;
  k_.energy_kwh += loadKwh;
  k_.local_kwh += localKwh;
  k_.co2_t += gridKwh * park_.grid_emission_t_per_mwh / 1000.0;
  k_.energy_cost_yuan += gridKwh * tariff;
  bucketLoadKwh_ += loadKwh;
  bucketImportKwh_ += gridKwh;
  bucketLocalKwh_ += localKwh;
  bucketCo2_ += gridKwh * park_.grid_emission_t_per_mwh / 1000.0;
  bucketCost_ += gridKwh * tariff;
  bucketTariff_ += tariff;
  bucketSteps_ += 1;
  if (bucketSteps_ * static_cast<double>(step_ms_) >= static_cast<double>(bucket_ms_)) closeBucket();
}

// Lines without molten metal make what they make from the park's recycled aluminium where links
// bring it (within each link's capacity per hour: it pays no remelt premium, so flow's
// least-cost solution takes it first) and from remelted ingot for the rest: flow's rule that
// every tonne of ingot into a processor is remelted.
// Recycled aluminium is solid (sows and ingots), so what an hour does not use waits for a later
// hour instead of being lost at the hour's end: an hour that recycled more than the lines took
// then saves a later, leaner hour the ingot it would have remelted. Nothing in DOMAIN.md or
// docs/scenario-format.md bounds the recycling plant's yard (unlike the casthouse's holding
// furnaces, kHubHoldingT, which keep metal molten), so the stock has no cap; the links' hourly
// capacity still bounds what it can give. A run starts with none: no park file states a stock.
double RunAccounting::remeltOfIngotFedLines() {
  const double hours = bucketSteps_ * dt_h_;
  double recycled = recycledStock_ + bucketRecycled_, remelt = 0;
  for (std::size_t i = 0; i < lineBucketIngotFed_.size(); ++i) {
    const double made = std::exchange(lineBucketIngotFed_[i], 0.0);
    if (made <= 0) continue;
    const double fromRecycled = std::min({made, park_.lines[i].recycled_link_t_per_h * hours, recycled});
    recycled -= fromRecycled;
    lineRemelt_[i] += made - fromRecycled;
    remelt += made - fromRecycled;
  }
  recycledStock_ = recycled;
  return remelt;
}

// Molten metal of the hour goes to processors first (cheaper by the remelt premium on every
// link, so this is the least-cost dispatch), within each link's capacity; the casthouse keeps
// up to kHubHoldingT for the next hour and casts the rest to ingot. What processors made beyond
// the molten metal they got came from remelted ingot.
void RunAccounting::closeBucket() {
  const double available = hubStock_ + bucketMade_;
  const double molten = std::min({bucketDemand_, bucketCap_, available});
  const double shortfall = bucketDemand_ - molten;
  const double lackingMolten = shortfall + bucketRemeltDirect_;
  const double remelt = lackingMolten + remeltOfIngotFedLines();
  // A short hour's remelting falls on each molten-fed processor by its share of the demand.
  for (std::size_t i = 0; i < lineBucketDemand_.size(); ++i) {
    if (shortfall > 0) lineRemelt_[i] += shortfall * lineBucketDemand_[i] / bucketDemand_;
    lineBucketDemand_[i] = 0;
  }
  hubStock_ = std::min(available - molten, kHubHoldingT);
  k_.direct_molten_t += molten;
  k_.remelt_t += remelt;
  k_.remelt_cost_yuan += remelt * flow::kRemeltPremiumYuanPerT;
  // Remelting energy (5 % of primary) counts in energy and CO2 where a line built for molten
  // metal melts ingot instead; a line built for ingot melts it within its own kWh/t (the park
  // file's, which the simulator meters). Its cost is inside the premium.
  const double remeltKwh = lackingMolten * park_.remelt_kwh_per_t;
  const double remeltCo2 = remeltKwh * park_.grid_emission_t_per_mwh / 1000.0;
  k_.energy_kwh += remeltKwh;
  k_.grid_import_kwh += remeltKwh;
  k_.co2_t += remeltCo2;

  const double hours = bucketSteps_ * dt_h_;
  series_.metal_t.push_back(bucketMetal_);
  series_.processed_t.push_back(bucketProcessed_);
  series_.remelt_t.push_back(remelt);
  series_.load_kw.push_back((bucketLoadKwh_ + remeltKwh) / hours);
  series_.grid_import_kw.push_back((bucketImportKwh_ + remeltKwh) / hours);
  series_.local_kw.push_back(bucketLocalKwh_ / hours);
  series_.co2_t.push_back(bucketCo2_ + remeltCo2);
  series_.cost_yuan.push_back(bucketCost_ + remelt * flow::kRemeltPremiumYuanPerT);

  bucketMade_ = bucketDemand_ = bucketCap_ = bucketRemeltDirect_ = bucketRecycled_ = 0;
  bucketMetal_ = bucketProcessed_ = bucketLoadKwh_ = bucketImportKwh_ = bucketLocalKwh_ = 0;
  bucketCo2_ = bucketCost_ = bucketTariff_ = bucketSteps_ = 0;
}

RunResult RunAccounting::finish() {
  if (bucketSteps_ > 0) closeBucket();
  RunResult r;
  k_.metal_t = k_.primary_t + k_.recycled_t;
  k_.self_sufficiency = k_.energy_kwh > 0 ? k_.local_kwh / k_.energy_kwh : 0;
  // A ratio without its denominator is no figure (NaN, shown as "–"), not 0 kWh/t.
  constexpr double kNoFigure = std::numeric_limits<double>::quiet_NaN();
  // Electricity per tonne of aluminium made is the smelter's figure (吨铝电耗; DOMAIN.md: about
  // 13,000-14,000 kWh/t of primary aluminium), and the park load over the metal made is that
  // figure only where potlines draw most of the load (Beidu: about 14,000 kWh/t). A park without
  // potlines that recycles or processes aluminium (Jiulong) or makes no aluminium at all would
  // divide its rolling mills', cleanrooms' and chargers' load by the few tonnes it recycles and
  // show a number that reads as aluminium's unit energy and is not; so it has no such figure.
  // Recycling has its own figures (energy_avoided_vs_primary_kwh).
  const bool smelterPark = !park_.potlines.empty();
  k_.energy_kwh_per_t_made = smelterPark && k_.metal_t > 0 ? k_.energy_kwh / k_.metal_t : kNoFigure;
  k_.cost_yuan = k_.energy_cost_yuan + k_.remelt_cost_yuan + k_.operating_cost_yuan;
  k_.energy_avoided_vs_primary_kwh = k_.recycled_t * park_.primary_kwh_per_t - k_.recycled_energy_kwh;
  k_.co2_avoided_vs_primary_t = k_.energy_avoided_vs_primary_kwh * park_.grid_emission_t_per_mwh / 1000.0;
  if (k_.retrofit_output_t > 0) {
    k_.retrofit_kwh_per_t = retrofitKwh_ / k_.retrofit_output_t;
    double opCost = 0;
    for (std::size_t i = 0; i < park_.lines.size(); ++i) {
      if (park_.lines[i].retrofitted) opCost += lineOutputSum_[i] * park_.lines[i].operating_cost_yuan_per_t;
    }
    k_.retrofit_operating_cost_yuan_per_t = opCost / k_.retrofit_output_t;
  } else {
    k_.retrofit_kwh_per_t = k_.retrofit_operating_cost_yuan_per_t = kNoFigure;
  }
  // The park's OEE: the processors' means, weighted by capacity as flows weight them (an
  // unweighted mean let a small line count as much as the largest).
  double oee = 0, weight = 0;
  for (std::size_t i = 0; i < park_.lines.size(); ++i) {
    const PreparedLine& line = park_.lines[i];
    const bool measured = line.role == LineRole::processor && oeeSamples_ > 0;
    const double lineOee = measured ? lineOeeSum_[i] / oeeSamples_ : -1;
    r.lines.push_back({line.id, lineOutputSum_[i], lineEnergy_[i], lineRemelt_[i], line.molten_fed, lineOee});
    if (!measured) continue;
    oee += line.oee_weight * lineOee;
    weight += line.oee_weight;
  }
  k_.oee = weight > 0 ? oee / weight : 0;
  for (std::size_t i = 0; i < park_.potlines.size(); ++i) {
    r.lines.insert(r.lines.begin() + static_cast<std::ptrdiff_t>(i), {park_.potlines[i], potTapped_[i], potEnergy_[i], 0});
  }
  r.kpis = k_;
  r.hourly = std::move(series_);
  return r;
}

}  // namespace parktwin::scenario::detail
