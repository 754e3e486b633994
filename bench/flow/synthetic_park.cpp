#include "synthetic_park.hpp"

#include <random>
#include <string>
#include <vector>

namespace parktwin::bench {

SyntheticParkSize scaledSize(int factor) {
  SyntheticParkSize size;
  size.potlines *= factor;
  size.processor_lines *= factor;
  size.markets *= factor;
  size.substations *= factor;
  size.pv_plants *= factor;
  return size;
}

model::Park makeSyntheticPark(const SyntheticParkSize& size, std::uint32_t seed) {
  std::mt19937 rng(seed);
  const auto uniform = [&rng](double lo, double hi) { return std::uniform_real_distribution<double>(lo, hi)(rng); };
  const auto pick = [&rng](std::size_t n) { return std::uniform_int_distribution<std::size_t>(0, n - 1)(rng); };
  const auto round2 = [](double v) { return static_cast<double>(static_cast<long long>(v * 100)) / 100; };

  model::Park park;
  park.id = "synthetic";
  park.name = {"合成园区", "Synthetic park"};
  park.grid_emission_t_per_mwh = 0.57;
  park.externals.push_back({"grid", {"电网", "Grid"}, model::ExternalKind::grid, {}, {}});
  for (int m = 0; m < size.markets; ++m) {
    park.externals.push_back({"market-" + std::to_string(m), {"市场", "Market " + std::to_string(m)}, model::ExternalKind::market, {}, {}});
  }

  std::vector<std::vector<std::string>> layers(static_cast<std::size_t>(size.layers) + 1);
  for (int p = 0; p < size.potlines; ++p) {
    model::ProductionLine line;
    line.id = "potline-" + std::to_string(p);
    line.name = {"电解系列", "Potline " + std::to_string(p)};
    line.kind = model::LineKind::potline;
    line.product = model::Product::molten_aluminium;
    line.capacity_t_per_year = round2(uniform(80'000, 200'000));
    line.energy_kwh_per_t = 13'500;
    park.lines.push_back(line);
    layers[0].push_back(line.id);
  }
  const model::Product products[] = {model::Product::rod, model::Product::profile, model::Product::forging,
                                     model::Product::parts};
  for (int i = 0; i < size.processor_lines; ++i) {
    const std::size_t layer = 1 + static_cast<std::size_t>(i % size.layers);
    model::ProductionLine line;
    line.id = "line-" + std::to_string(i);
    line.name = {"加工线", "Processor line " + std::to_string(i)};
    line.kind = model::LineKind::machining;
    line.product = products[layer % 4];
    line.capacity_t_per_year = round2(uniform(2'000, 30'000));
    line.power_kw = round2(uniform(300, 3'000));
    park.lines.push_back(line);
    layers[layer].push_back(line.id);
  }

  int linkId = 0;
  const auto materialLink = [&](const std::string& from, const std::string& to, model::Product product) {
    park.material_links.push_back({"m" + std::to_string(linkId++), from, to, product, round2(uniform(0.5, 8)),
                                   round2(uniform(5, 60)), round2(uniform(0, 2)), round2(uniform(50, 3000))});
  };
  // Potlines feed the first layer with molten metal (and a few ingot routes, remelted).
  for (const auto& processor : layers[1]) {
    for (int k = 0; k < 3; ++k) materialLink(layers[0][pick(layers[0].size())], processor, k == 2 ? model::Product::ingot : model::Product::molten_aluminium);
  }
  for (std::size_t layer = 1; layer < layers.size(); ++layer) {
    for (const auto& processor : layers[layer]) {
      for (int k = 0; k < size.links_per_processor; ++k) {
        const bool last = layer + 1 == layers.size();
        const std::string to = last || k == 0 ? "market-" + std::to_string(pick(static_cast<std::size_t>(size.markets)))
                                              : layers[layer + 1][pick(layers[layer + 1].size())];
        materialLink(processor, to, products[layer % 4]);
      }
    }
  }

  for (int s = 0; s < size.substations; ++s) {
    model::Utility sub;
    sub.id = "substation-" + std::to_string(s);
    sub.name = {"变电站", "Substation " + std::to_string(s)};
    sub.kind = model::UtilityKind::substation;
    sub.power_kw = round2(uniform(60'000, 120'000));
    park.utilities.push_back(sub);
    park.energy_links.push_back({"e-grid-" + std::to_string(s), "grid", sub.id, model::Carrier::electricity, sub.power_kw, 0.62, 0.0});
  }
  for (int v = 0; v < size.pv_plants; ++v) {
    model::Utility pv;
    pv.id = "pv-" + std::to_string(v);
    pv.name = {"光伏", "PV " + std::to_string(v)};
    pv.kind = model::UtilityKind::pv;
    pv.power_kw = round2(uniform(200, 2'000));
    pv.annual_energy_kwh = pv.power_kw * 950;
    park.utilities.push_back(pv);
    park.energy_links.push_back({"e-" + pv.id, pv.id, "substation-" + std::to_string(pick(static_cast<std::size_t>(size.substations))),
                                 model::Carrier::electricity, pv.power_kw, 0.0, 0.0});
  }
  int feeder = 0;
  for (const auto& line : park.lines) {
    for (int k = 0; k < size.energy_links_per_line; ++k) {
      park.energy_links.push_back({"f" + std::to_string(feeder++), "substation-" + std::to_string(pick(static_cast<std::size_t>(size.substations))),
                                   line.id, model::Carrier::electricity, round2(uniform(0.4, 1.0) * 400'000), round2(uniform(0, 0.05)), 0.0});
    }
  }
  return park;
}

}  // namespace parktwin::bench
