#include "assumptions.hpp"

#include <algorithm>
#include <cstdio>
#include <iterator>
#include <string>

#include "prepared_park.hpp"

namespace parktwin::scenario::detail {

namespace {

// Where the price of a grid kWh comes from (prepared_park.hpp, gridTariff): a user whose park
// prices energy on other links than the grid's sees it here, and sees a tariff of 0 named.
model::LocalizedText gridTariffAssumption(const Scenario& s, const model::Park& park) {
  if (!s.tariff.empty()) return {"购电按情景文件的分时电价计费（两次运行相同）。", "Grid energy billed at the scenario file's time-of-use tariff (both runs)."};
  const GridTariff tariff = gridTariff(model::withoutPlanned(park));  // the park the baseline bills
  std::string links;
  for (const auto& id : tariff.links) links += (links.empty() ? "" : ", ") + id;
  char price[32];
  std::snprintf(price, sizeof price, "%.4g", tariff.yuan_per_kwh);
  if (tariff.yuan_per_kwh <= 0) {
    return {"购电按 0 元/kWh 计费：电网出线（及其变电站的下游线路）均未设 cost_yuan_per_kwh，电费为 0。",
            "Grid energy billed at 0 yuan/kWh: neither the link out of the grid nor its substation's links onward have a "
            "cost_yuan_per_kwh, so energy costs are 0."};
  }
  // One link: the grid's own price (a kWh is paid once, so its substation's prices onward are
  // not added: flow::chargedEnergyLinks). More: the grid's link is unpriced, those onward pay.
  if (tariff.links.size() == 1) {
    return {"购电统一电价 " + std::string(price) + " 元/kWh，取自线路 " + links + "（电网出线；每度电只在进入园区的线路上计费一次）。",
            "Grid energy billed flat at " + std::string(price) + " yuan/kWh, from the link " + links +
                " (the grid's link; a kWh is paid once, where it enters the park)."};
  }
  return {"购电统一电价 " + std::string(price) + " 元/kWh，取自线路 " + links + "（电网出线未计价，取其变电站下游线路按容量加权的平均电价）。",
          "Grid energy billed flat at " + std::string(price) + " yuan/kWh, from the links " + links +
              " (the grid's link has no price: the capacity-weighted mean of its substation's priced links onward)."};
}

// What the metal dispatch does, said only where the park has what it speaks of: a casthouse's
// molten metal (potlines), lines that take ingot.
std::vector<model::LocalizedText> metalDispatchAssumptions(const model::Park& park) {
  char remeltKwh[16];
  std::snprintf(remeltKwh, sizeof remeltKwh, "%.0f", kRemeltShareOfPrimary * kPrimaryKwhPerT);  // the order of it
  const std::string primaryShare = remeltKwh;
  std::vector<model::LocalizedText> a;
  const bool potlines = std::ranges::any_of(park.lines, [](const auto& l) { return l.kind == model::LineKind::potline; });
  const bool ingotIn = std::ranges::any_of(park.lines, [&](const auto& l) { return takesIngot(park, l.id); });
  if (potlines) {
    a.push_back({"铝液每小时调度：先供加工企业（每吨便宜 300 元），剩余在铸造车间保温（最多 120 吨）或铸锭；不足部分由铝锭重熔补足，"
                 "其熔化能耗按原铝的 5%（" + primaryShare + " kWh/t 量级）另计。",
                 "Molten metal is dispatched hourly: processors first (300 yuan/t cheaper), the casthouse holds up to 120 t, "
                 "the rest is cast to ingot; what processors lack is remelted ingot, its melting energy counted on top at 5 % of "
                 "primary (about " + primaryShare + " kWh/t)."});
  }
  if (ingotIn) {
    a.push_back({"没有铝液直供的加工线：先用园区再生铝（在链路每小时的容量内；某小时没用完的再生铝留给以后各小时），其余按重熔铝锭计（每吨 300 元）；"
                 "其熔化能耗已含在该产线自身的单位能耗中。",
                 "Lines without molten metal use the park's recycled aluminium first (within their links' hourly capacity; what an "
                 "hour does not use is kept for later hours) and remelted ingot for the rest (300 yuan/t); melting it is within "
                 "their own kWh/t."});
  }
  return a;
}

}  // namespace

std::vector<model::LocalizedText> assumptionsOf(const Scenario& s, const model::Park& park) {
  const auto num = [](double x) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.4g", x);
    return std::string(buf);
  };
  std::vector<model::LocalizedText> a = {
      {"基线与情景使用同一园区文件、同一随机种子（" + std::to_string(s.seed) + "）和同一时段；机器故障与天气在两次运行中完全相同。",
       "Baseline and scenario use the same park file, seed (" + std::to_string(s.seed) +
           ") and period; machine failures and weather are identical in both runs."},
      {"能源按 " + std::to_string(s.step_ms / 1000) + " 秒步长计算，机器状态由事件驱动（园区仿真器）。",
       "Energy at " + std::to_string(s.step_ms / 1000) + " s steps; machines event-driven (the park simulator)."},
      {"重熔铝锭：成本 300 元/吨（含烧损）。",
       "Remelting ingot: 300 yuan/t (burn loss included)."},
      {"电网排放因子 " + num(park.grid_emission_t_per_mwh) + " tCO2/MWh，仅计电网购电。",
       "Grid emission factor " + num(park.grid_emission_t_per_mwh) + " tCO2/MWh, on grid imports only."},
      gridTariffAssumption(s, park),
      {"规划中（未建成）的建筑及其产线不计入基线。", "Planned (unbuilt) buildings and their lines are not in the baseline."},
      {"停产只影响该产线本身：其下游产线不因缺料而减产（铝液调度除外）；下游影响请用 parktwin-cli flows --fail 查看。",
       "An outage stops that line only: the lines it feeds do not run short of material in the simulation (molten-metal "
       "dispatch aside); `parktwin-cli flows --fail LINE` shows who would be short."},
      {"亩均排名：各企业产值与税收按其产线产量相对基线的比例缩放。",
       "Per-mu ranking: each firm's output and tax scaled by its lines' output against the baseline."},
  };
  std::ranges::move(metalDispatchAssumptions(park), std::back_inserter(a));
  for (const Change& c : s.changes) {
    if (c.kind == ChangeKind::retrofit) {
      a.push_back({"智能化改造：生产率按产线产能计，单位能耗按 kWh/t 计；不良率基线 " + num(100 * c.retrofit.baseline_defect_rate) +
                       "%，运营成本基线 " + num(c.retrofit.operating_cost_yuan_per_t) + " 元/吨（情景文件给定）。",
                   "Smart-factory retrofit: productivity as line capacity, energy per unit as kWh/t; baseline defect rate " +
                       num(100 * c.retrofit.baseline_defect_rate) + " %, operating cost " +
                       num(c.retrofit.operating_cost_yuan_per_t) + " yuan/t (stated in the scenario file)."});
    }
    if (c.kind == ChangeKind::grid_limit) {
      a.push_back({"电网限额期间：超出部分先由抽水蓄能补足（每日可用其 5%–95% 库容 × 88% 效率，按其上网电价计费，"
                   "排放按抽水所用电网电量 1/(0.88×0.88) 计），仍不足则限电。",
                   "Under a grid limit: the excess is covered by pumped storage first (each day 5-95 % of its energy at 88 %, "
                   "billed at its link's tariff, with the CO2 of the grid energy that pumped it, 1 / (0.88 x 0.88) kWh per kWh), "
                   "the rest is load shed."});
    }
  }
  return a;
}

}  // namespace parktwin::scenario::detail
