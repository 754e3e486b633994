#pragma once
// Figures the flow layer uses that come from outside the park file, each with its source.
namespace parktwin::flow {

inline constexpr double kHoursPerYear = 8760.0;

// DOMAIN.md (seeds 000, 002): molten aluminium supplied directly to a processor saves
// 300 yuan/t of remelting cost and burn loss versus casting ingots and remelting them.
// An ingot arc into a processor carries this premium, so dispatch prefers molten metal,
// and the KPI credits it for every tonne supplied molten.
inline constexpr double kRemeltPremiumYuanPerT = 300.0;

// DOMAIN.md: 1 mu = 666.7 m2 (the per-mu ranking, 亩均论英雄).
inline constexpr double kSquareMetresPerMu = 666.7;

// Merit order of energy sources, expressed as a dispatch cost added on the source arc
// (yuan/kWh) so the min-cost solver takes PV first, then storage, then pumped hydro,
// local hydro, hydrogen and the grid last. They are ranking weights, not tariffs: the
// tariffs are the energy links' cost_yuan_per_kwh, which add to these.
inline constexpr double kMeritPvYuanPerKwh = 0.00;
inline constexpr double kMeritBatteryYuanPerKwh = 0.01;
inline constexpr double kMeritPumpedStorageYuanPerKwh = 0.02;
inline constexpr double kMeritReservoirHydroYuanPerKwh = 0.03;
inline constexpr double kMeritHydrogenYuanPerKwh = 0.05;
inline constexpr double kMeritGridYuanPerKwh = 0.10;

}  // namespace parktwin::flow
