#pragma once
// How much a PV plant gives in a year: the one figure the flows' yearly average (the average
// hour of a year is the yearly energy over 8,760 h, never the rated power) and the simulator's
// weather both give. The simulator's sky (solar.hpp) is scaled to it, so a scenario's simulated
// year and `flows` count the same PV energy.
#include <cstdint>

#include "parktwin/model/park.hpp"

namespace parktwin::sim {

// The default yearly yield of fixed rooftop PV (kWh per kWp and year) at a latitude:
//   extraterrestrial irradiation on a horizontal surface over a year, H0(latitude)
//   (Duffie & Beckman, Solar Engineering of Thermal Processes, eq. 1.10.3, summed day by day)
//   x kDefaultClearnessIndex (the share of it that reaches the ground)
//   x kPvPerformanceRatio (inverter, temperature, soiling, wiring; solar.hpp).
// 28.97 N (Beidu): 3,222 kWh/m2 x 0.36 x 0.80 = 928 kWh/kWp; docs/park-format.md says why.
double defaultPvYieldKwhPerKwp(double latitude_deg);

// Yearly irradiation on a horizontal surface above the atmosphere, kWh/m2 (the H0 above).
double extraterrestrialHorizontalKwhPerM2(double latitude_deg);

// The Sichuan basin's yearly clearness index (the share of H0 reaching the ground): the China
// Meteorological Administration's 2010 assessment puts the country's lowest yearly global
// horizontal irradiation in Chongqing (from 905 kWh/m2); 0.36 x H0 is 1,150-1,160 kWh/m2 at
// 29-30 N, which gives the 900-1,000 kWh/kWp quoted for Chongqing rooftops. Parks elsewhere
// give annual_yield_kwh_per_kwp (from a PV map) or annual_energy_kwh.
inline constexpr double kDefaultClearnessIndex = 0.36;

// A PV utility's energy in a year: annual_energy_kwh when given, else power_kw (kWp) x
// annual_yield_kwh_per_kwp, else power_kw x defaultPvYieldKwhPerKwp(park latitude).
double pvAnnualEnergyKwh(const model::Utility& pv, double latitude_deg);

// What the simulator's sky gives a kWp in an average year at a place, kWh/kWp: pvPowerKw under
// meanSkyClearness() at every hour's middle of a 365-day year (Meinel's clear sky holds more
// than the basin's haze lets through: ~805 at Beidu against the 928 above).
double modelledPvYieldKwhPerKwp(double latitude_deg, double longitude_deg);

// The factor on pvPowerKw that makes a plant's average simulated year give pvAnnualEnergyKwh
// (1 for a plant without kWp). Its output stays at most its rating (pvPlantKw).
double pvYearScale(const model::Utility& pv, double latitude_deg, double longitude_deg);

// A PV utility's output at a UTC instant under a sky of `clearness`, kW: the solar rule
// (pvPowerKw) times `yearScale` (pvYearScale of the plant), at most its rating.
double pvPlantKw(const model::Utility& pv, const model::Park& park, std::int64_t utc_ms, double clearness, double yearScale);

}  // namespace parktwin::sim
