// Energy: photovoltaics under the sun and the weather, hydro, storage on a tariff schedule,
// charging sessions, and the grid import as what is left to balance.
#include <algorithm>
#include <array>
#include <cmath>

#include "park_state.hpp"
#include "parktwin/sim/pv_year.hpp"
#include "parktwin/sim/solar.hpp"

namespace parktwin::sim {
namespace {

constexpr double kStorageEfficiency = 0.88;   // each way (round trip about 77%)
constexpr double kBatteryEfficiency = 0.95;   // each way (round trip about 90%)
constexpr std::uint64_t kWeatherKey = 0x57e47e4ULL;

// Arrival shapes per local hour (multipliers of the peak rate).
constexpr std::array<double, 24> kTruckShape = {0.2, 0.2, 0.2, 0.2, 0.3, 0.4, 0.6, 0.8, 1.0, 1.0, 0.9, 0.8,
                                               0.9, 1.0, 1.0, 0.9, 0.8, 0.7, 0.6, 0.5, 0.4, 0.3, 0.3, 0.2};
constexpr std::array<double, 24> kCarShape = {0.1, 0.05, 0.05, 0.05, 0.05, 0.1, 0.3, 0.7, 1.0, 0.8, 0.5, 0.5,
                                             0.8, 0.7, 0.5, 0.5, 0.6, 0.8, 1.0, 0.9, 0.7, 0.5, 0.3, 0.2};

double localHour(const ParkState& state, std::int64_t utc_ms) {
  const double hours = static_cast<double>(state.zone.toLocalMs(utc_ms)) / kMsPerHour;
  return std::fmod(std::fmod(hours, 24.0) + 24.0, 24.0);
}

// Cloudiness of the sky, shared by every PV plant: a weather type per day (kSkyTypes, solar.hpp),
// varying hour to hour, interpolated so that it does not depend on the step. Returns the share
// of clear-sky output that gets through.
double skyClearness(const ParkState& state, std::int64_t utc_ms) {
  const std::uint64_t seed = state.config.seed ^ kWeatherKey;
  const auto hourly = [&](std::int64_t hour) {
    const std::int64_t day = hour >= 0 ? hour / 24 : (hour - 23) / 24;
    const double type = hashUniform(seed, static_cast<std::uint64_t>(day), 0);
    const double within = hashUniform(seed, static_cast<std::uint64_t>(hour), 1);
    for (const SkyType& sky : kSkyTypes) {  // overcast, broken cloud, clear
      if (type < sky.upTo) return sky.base + sky.spread * within;
    }
    const SkyType& clear = kSkyTypes[std::size(kSkyTypes) - 1];
    return clear.base + clear.spread * within;
  };
  const double hours = static_cast<double>(utc_ms) / kMsPerHour;
  const double h0 = std::floor(hours);
  const double f = hours - h0;
  const auto hour = static_cast<std::int64_t>(h0);
  return (1 - f) * hourly(hour) + f * hourly(hour + 1);
}

void advanceCharger(ChargerSite& site, const ParkState& state, std::int64_t to_ms) {
  double kw = site.idle_kw;
  const double maxRate = site.peakArrivals_per_h;
  for (ChargePoint& point : site.points) {
    while (point.next_ms <= to_ms) {
      const std::int64_t at = point.next_ms;
      if (point.busy) {
        point.busy = false;
      } else {
        // Thinning: a candidate arrival at the peak rate is kept with the hour's share.
        const auto hour = static_cast<std::size_t>(localHour(state, at));
        if (site.random.uniform() < site.hourlyShape[hour]) {
          point.busy = true;
          point.power_kw = site.point_kw * site.random.uniform(0.7, 1.0);
          point.next_ms = at + std::max<std::int64_t>(
                                   60'000, std::llround(site.session_h * site.random.uniform(0.5, 1.5) * kMsPerHour));
          continue;
        }
      }
      point.next_ms = at + std::max<std::int64_t>(1000, std::llround(site.random.exponential(1 / maxRate) * kMsPerHour));
    }
    if (point.busy) kw += point.power_kw;
  }
  site.power_kw = kw;
}

// Storage on a time-of-use schedule: fill in the night valley, give back at the peaks.
void advanceStorage(StoragePlant& plant, const ParkState& state, std::int64_t to_ms, double dt_h) {
  const double rated = plant.utility->power_kw;
  const double capacity = plant.utility->energy_kwh;
  const double efficiency = plant.pumped ? kStorageEfficiency : kBatteryEfficiency;
  const double lo = plant.pumped ? 0.05 : 0.10, hi = 0.95;
  const double h = localHour(state, to_ms);
  double power = 0;
  if (capacity <= 0 || rated <= 0) {
    plant.power_kw = 0;
    return;
  }
  if (h >= 23 || h < 7) {  // night valley: charge / pump so as to be full by 07:00
    const double hoursLeft = std::max(0.25, (h >= 23 ? 31 - h : 7 - h));
    const double need_kwh = (hi - plant.soc) * capacity / efficiency;
    power = -std::clamp(need_kwh / hoursLeft, 0.0, rated);
  } else if (h >= 18 && h < 22) {  // evening peak: empty evenly by 22:00
    const double hoursLeft = std::max(0.25, 22 - h);
    const double avail_kwh = (plant.soc - lo) * capacity * efficiency;
    power = std::clamp(avail_kwh / hoursLeft, 0.0, rated);
  } else if (h >= 10 && h < 12 && plant.soc > 0.6) {  // morning peak: a share above 60%
    power = std::min(0.3 * rated, (plant.soc - 0.6) * capacity * efficiency / std::max(0.25, 12 - h));
  }
  const double energy = power > 0 ? -power / efficiency * dt_h : -power * efficiency * dt_h;
  plant.soc = std::clamp(plant.soc + energy / capacity, 0.0, 1.0);
  plant.power_kw = power;
}

ChargerSite chargerSite(const ParkState& state, const model::Utility& u) {
  ChargerSite site;
  site.utility = &u;
  site.random = Random(state.config.seed ^ stableHash(u.id));
  const int count = std::max(1, u.count);
  site.points.resize(static_cast<std::size_t>(count));
  for (auto& point : site.points) point.next_ms = state.config.start_ms;
  if (u.kind == model::UtilityKind::hydrogen) {
    site.point_kw = 0.9 * u.power_kw / count;  // compressors while a truck fills up
    site.idle_kw = 0.1 * u.power_kw;           // cooling and standby
    site.session_h = 0.25;
    site.peakArrivals_per_h = 1.5;
    site.hourlyShape = kTruckShape.data();
  } else {
    site.point_kw = u.power_kw / count;
    const bool trucks = site.point_kw >= 150;  // heavy-truck chargers vs car chargers
    site.session_h = trucks ? 1.2 : 1.0;
    site.peakArrivals_per_h = trucks ? 1.5 : 1.2;
    site.hourlyShape = trucks ? kTruckShape.data() : kCarShape.data();
  }
  return site;
}

}  // namespace

void setUpEnergy(ParkState& state) {
  using enum model::UtilityKind;
  for (const auto& u : state.park->utilities) {
    if (u.planned) continue;
    switch (u.kind) {
      case pv: state.pv.push_back({&u, pvYearScale(u, state.park->latitude_deg, state.park->longitude_deg), 0}); break;
      case reservoir_hydro: state.hydro.push_back({&u, 0}); break;
      case battery:
      case pumped_storage: state.storage.push_back({&u, u.kind == pumped_storage, 0.5, 0}); break;
      case charger:
      case hydrogen: state.chargers.push_back(chargerSite(state, u)); break;
      case grid_tie:  // the grid balances the park (advanceEnergy), substations only pass power on
      case substation: break;
    }
  }
}

void advanceEnergy(ParkState& state, std::int64_t from_ms, std::int64_t to_ms) {
  const model::Park& park = *state.park;
  const double dt_h = static_cast<double>(to_ms - from_ms) / kMsPerHour;

  const double irradiance = clearSkyIrradianceKwPerM2(sinSolarElevation(park.latitude_deg, park.longitude_deg, to_ms));
  const double clearness = irradiance > 0 ? skyClearness(state, to_ms) : 0;
  state.weatherCloudiness = 1 - clearness;
  double generation = 0;
  for (auto& plant : state.pv) {
    plant.power_kw = pvPlantKw(*plant.utility, park, to_ms, clearness, plant.year_scale);
    generation += plant.power_kw;
  }

  // Reservoir hydro: wet season (May to September) runs well above the yearly mean.
  const double dayOfYear = std::fmod(static_cast<double>(to_ms) / (24 * kMsPerHour), 365.2425);
  const double season = 1 + 0.6 * std::cos(2 * 3.14159265358979 * (dayOfYear - 200) / 365.2425);
  for (auto& plant : state.hydro) {
    const double mean_kw = plant.utility->annual_energy_kwh > 0 ? plant.utility->annual_energy_kwh / 8760.0
                                                                : 0.5 * plant.utility->power_kw;
    const auto day = static_cast<std::uint64_t>(static_cast<double>(to_ms) / (24 * kMsPerHour));
    const double daily = 0.9 + 0.2 * hashUniform(state.config.seed ^ stableHash(plant.utility->id), day);
    plant.power_kw = std::min(plant.utility->power_kw, mean_kw * season * daily);
    generation += plant.power_kw;
  }

  double batteryNet = 0;  // > 0: the park's batteries supply power
  for (auto& plant : state.storage) {
    advanceStorage(plant, state, to_ms, dt_h);
    // Pumped storage at this scale sits on the regional grid, not behind the park meter.
    if (!plant.pumped) batteryNet += plant.power_kw;
  }

  double load = 0;
  for (auto& site : state.chargers) {
    advanceCharger(site, state, to_ms);
    load += site.power_kw;
  }
  for (const auto& line : state.lines) load += line.power_kw;
  for (const auto& pot : state.potlines) load += pot.power_kw;
  state.load_kw = load;
  state.import_kw = load - generation - batteryNet;
}

}  // namespace parktwin::sim
