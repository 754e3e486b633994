// The HTML report: one self-contained page, inline CSS and SVG, no script, no external file.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <sstream>

#include "parktwin/flow/kpi_table.hpp"
#include "parktwin/scenario/report.hpp"
#include "parktwin/common/iso_time.hpp"

namespace parktwin::scenario {
namespace {

std::string escape(const std::string& s) {
  std::string out;
  for (char c : s) {
    switch (c) {
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '&': out += "&amp;"; break;
      case '"': out += "&quot;"; break;
      default: out += c;
    }
  }
  return out;
}

// 1234567.8 -> "1,234,568"; small numbers keep 3 significant digits.
std::string grouped(double x) {
  if (!std::isfinite(x)) return "-";
  const double a = std::fabs(x);
  char buf[64];
  if (a != 0 && a < 100) {
    std::snprintf(buf, sizeof buf, "%.3g", x);
    return buf;
  }
  std::snprintf(buf, sizeof buf, "%.0f", std::fabs(x));
  std::string digits = buf, out;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return (x < 0 && out != "0" ? "-" : "") + out;
}


std::string signedGrouped(double x) { return (x > 0 ? "+" : "") + grouped(x); }

struct Text {
  bool zh;
  const char* operator()(const char* zhText, const char* enText) const { return zh ? zhText : enText; }
};

// Buckets of a series for a chart: hourly up to two weeks, daily beyond. `mean` for power.
std::vector<double> chartPoints(const std::vector<double>& hourly, bool mean, std::size_t& perPoint) {
  perPoint = hourly.size() > 24 * 14 ? 24 : 1;
  std::vector<double> out;
  for (std::size_t i = 0; i < hourly.size(); i += perPoint) {
    double sum = 0;
    std::size_t n = 0;
    for (std::size_t j = i; j < std::min(hourly.size(), i + perPoint); ++j, ++n) sum += hourly[j];
    out.push_back(mean && n > 0 ? sum / static_cast<double>(n) : sum);
  }
  return out;
}

std::string polyline(const std::vector<double>& ys, double lo, double hi, double w, double h, double left,
                     const char* colour, const char* dash) {
  std::ostringstream p;
  p << "<polyline fill=\"none\" stroke=\"" << colour << "\" stroke-width=\"1.5\"" << dash << " points=\"";
  const double n = std::max<double>(1, static_cast<double>(ys.size()) - 1);
  char buf[48];
  for (std::size_t i = 0; i < ys.size(); ++i) {
    const double x = left + w * static_cast<double>(i) / n;
    const double y = 10 + h - h * (ys[i] - lo) / (hi - lo);
    std::snprintf(buf, sizeof buf, "%.1f,%.1f ", x, y);
    p << buf;
  }
  p << "\"/>";
  return p.str();
}

std::string chart(const std::string& title, const std::string& unit, const std::vector<double>& base,
                  const std::vector<double>& scen, bool mean, double scale, const Text& t, const std::string& from,
                  const std::string& until) {
  if (!worthAChart(base, scen)) return {};
  std::size_t perPoint = 1;
  std::vector<double> b = chartPoints(base, mean, perPoint), s = chartPoints(scen, mean, perPoint);
  for (double& x : b) x *= scale;
  for (double& x : s) x *= scale;
  double lo = 0, hi = 0;
  for (double x : b) lo = std::min(lo, x), hi = std::max(hi, x);
  for (double x : s) lo = std::min(lo, x), hi = std::max(hi, x);
  if (hi - lo < 1e-9) hi = lo + 1;
  hi += 0.05 * (hi - lo);
  const double W = 640, H = 160, left = 70;
  std::ostringstream o;
  o << "<figure><figcaption>" << escape(title) << t("（", " (") << escape(unit)
    << (perPoint == 24 ? t("，每日", ", per day") : t("，每小时", ", per hour")) << t("）", ")") << "</figcaption><svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " << W + left + 10 << " " << H + 40
    << "\" width=\"100%\" role=\"img\">";
  o << "<line x1=\"" << left << "\" y1=\"10\" x2=\"" << left << "\" y2=\"" << H + 10 << "\" stroke=\"#999\"/>";
  o << "<line x1=\"" << left << "\" y1=\"" << H + 10 << "\" x2=\"" << left + W << "\" y2=\"" << H + 10 << "\" stroke=\"#999\"/>";
  for (int k = 0; k <= 2; ++k) {
    const double v = lo + (hi - lo) * k / 2.0;
    const double y = 10 + H - H * k / 2.0;
    o << "<text x=\"" << left - 4 << "\" y=\"" << y + 4 << "\" font-size=\"11\" text-anchor=\"end\">" << grouped(v) << "</text>";
  }
  o << polyline(b, lo, hi, W, H, left, "#5b6b7f", "");
  o << polyline(s, lo, hi, W, H, left, "#d9480f", " stroke-dasharray=\"4 2\"");
  o << "<text x=\"" << left << "\" y=\"" << H + 22 << "\" font-size=\"10\">" << escape(from) << "</text>";
  o << "<text x=\"" << left + W << "\" y=\"" << H + 22 << "\" font-size=\"10\" text-anchor=\"end\">" << escape(until)
    << "</text>";
  o << "<text x=\"" << left + 260 << "\" y=\"" << H + 34 << "\" font-size=\"11\" fill=\"#5b6b7f\">— " << t("基线", "baseline")
    << "</text><text x=\"" << left + 380 << "\" y=\"" << H + 30 << "\" font-size=\"11\" fill=\"#d9480f\">- - "
    << t("情景", "scenario") << "</text></svg></figure>\n";
  return o.str();
}

// An object of the park by its name in the report's language, with its id: "1号电解系列 (potline-1)".
std::string objectText(const model::Park& park, const std::string& id, const Text& t) {
  const std::string name = model::objectName(park, id, t.zh ? "zh" : "en");
  return name.empty() || name == id ? "<code>" + escape(id) + "</code>" : escape(name) + " (<code>" + escape(id) + "</code>)";
}

std::string changeText(const Change& c, const Text& t, const TimeZone& zone, const model::Park& park) {
  std::ostringstream o;
  o << "<li>" << changeKindLabel(c.kind, t.zh ? "zh" : "en");
  if (!c.target.empty()) o << t("：", ": ") << objectText(park, c.target, t);
  for (const auto& id : c.targets) o << " " << objectText(park, id, t);
  if (c.kind == ChangeKind::capacity || c.kind == ChangeKind::demand) o << " × " << c.factor;
  if (c.kind == ChangeKind::grid_limit) o << " " << grouped(c.import_limit_kw) << " kW";
  if (c.kind == ChangeKind::grid_emission) o << " " << c.emission_t_per_mwh << " tCO2/MWh";
  if (c.kind == ChangeKind::pv) o << " " << grouped(c.peak_kw) << " kWp";
  if (c.kind == ChangeKind::storage) o << " " << grouped(c.power_kw) << " kW / " << grouped(c.energy_kwh) << " kWh";
  if (c.kind == ChangeKind::add_line) o << " " << escape(c.line.id) << " (" << grouped(c.line.capacity_t_per_year) << " t/yr)";
  if (c.kind == ChangeKind::retrofit) {
    o << t("：生产率 ", ": productivity ") << signedGrouped(100 * c.retrofit.productivity) << "%, "
      << t("不良率 ", "defects ") << signedGrouped(100 * c.retrofit.defect_rate) << "%, "
      << t("运营成本 ", "operating cost ") << signedGrouped(100 * c.retrofit.operating_cost) << "%, "
      << t("单位能耗 ", "energy per unit ") << signedGrouped(100 * c.retrofit.energy_per_unit) << "%";
  }
  if (c.kind == ChangeKind::tariff) {
    for (const auto& band : c.tariff) o << " [" << band.from_hour << "–" << band.to_hour << " h: " << band.yuan_per_kwh << "]";
  }
  if (c.window) {
    o << " — " << localPeriodText(c.window->start_ms, c.window->end_ms, zone);
  } else {
    o << t(" — 全时段", " — whole period");
  }
  o << "</li>\n";
  return o.str();
}

}  // namespace

std::string reportHtml(const ScenarioResult& r, const std::string& language, std::int64_t generated_utc_ms) {
  const Text t{language == "zh"};
  const std::string lang = t.zh ? "zh" : "en";
  const Scenario& s = r.scenario;
  const TimeZone zone = model::parkTimeZone(r.base_park);
  std::ostringstream o;
  o << "<!DOCTYPE html>\n<html lang=\"" << (t.zh ? "zh-CN" : "en") << "\"><head><meta charset=\"utf-8\">\n<title>"
    << escape(s.name.in(lang)) << "</title>\n<style>"
    << "body{font-family:system-ui,'Noto Sans CJK SC',sans-serif;max-width:920px;margin:2em auto;color:#222;padding:0 1em}"
    << "table{border-collapse:collapse;width:100%}th,td{padding:4px 8px;border-bottom:1px solid #ddd;text-align:right}"
    << "th:first-child,td:first-child{text-align:left}.up{color:#2b8a3e}.down{color:#c92a2a}"
    << "figure{margin:1.5em 0}figcaption{font-weight:600}.meta{color:#666;font-size:90%}</style></head><body>\n";
  o << "<h1>" << escape(s.name.in(lang)) << "</h1>\n";
  o << "<p class=\"meta\">" << t("园区：", "Park: ") << escape(t.zh ? r.park_name_zh : r.park_name_en) << " ("
    << escape(r.base_park.id) << ") · " << t("时段：", "Period: ") << localPeriodText(s.start_ms, s.end_ms(), zone) << " · " << t("步长 ", "step ") << s.step_ms / 1000 << " s · "
    << t("随机种子 ", "seed ") << s.seed << "</p>\n";
  o << "<p class=\"meta\">" << t("生成时间：", "Generated: ") << generatedText(r, generated_utc_ms) << "</p>\n";
  o << "<p>" << escape(s.explanation.in(lang)) << "</p>\n";
  o << "<h2>" << t("变化", "Changes") << "</h2>\n<ul>\n";
  for (const auto& c : s.changes) o << changeText(c, t, zone, r.base_park);
  o << "</ul>\n<h2>" << t("关键指标", "Key figures") << "</h2>\n<table><tr><th>" << t("指标", "KPI") << "</th><th>"
    << t("单位", "unit") << "</th><th>" << t("基线", "baseline") << "</th><th>" << t("情景", "scenario") << "</th><th>"
    << t("变化", "delta") << "</th></tr>\n";
  for (const auto& d : r.deltas) {
    if (!d.someRunHasIt()) continue;
    const std::optional<double> rel = d.percentChange();
    const std::string unit(flow::kpiUnit(d.key, lang));
    // Green for good news, red for bad (less CO2 is green), as the window's cards.
    const int news = flow::kpiGoodNews(d.key, d.delta());
    o << "<tr><td>" << escape(std::string(flow::kpiLabel(d.key, lang))) << "</td><td>" << escape(unit) << "</td><td>"
      << flow::kpiValueText(d.key, d.baseline) << "</td><td>" << flow::kpiValueText(d.key, d.scenario)
      << "</td><td class=\"" << (news > 0 ? "up" : news < 0 ? "down" : "") << "\">" << (d.delta() > 0 ? "+" : "")
      << flow::kpiValueText(d.key, d.delta());
    // A share's change is in points, not percent (QA: "+10.4 %" read as relative).
    if (unit == "%") o << " " << flow::kpiDeltaUnit(d.key, lang);
    if (rel && d.delta() != 0 && unit != "%") o << " (" << signedGrouped(*rel) << "%)";
    o << "</td></tr>\n";
  }
  o << "</table>\n";
  // Which molten-fed processors had to remelt ingot (more than in the baseline), largest first;
  // lines that never had molten metal remelt more only because they make more.
  std::vector<std::pair<double, std::string>> remelters;
  for (const auto& line : r.changed.lines) {
    if (!line.molten_fed) continue;
    double before = 0;
    for (const auto& b : r.baseline.lines) {
      if (b.line == line.line) before = b.remelt_t;
    }
    if (line.remelt_t - before > 0.05) remelters.emplace_back(line.remelt_t - before, line.line);
  }
  std::sort(remelters.begin(), remelters.end(), [](const auto& a, const auto& b) {
    return a.first != b.first ? a.first > b.first : a.second < b.second;
  });
  if (!remelters.empty()) {
    o << "<h2>" << t("失去铝液直供的加工企业", "Processors that lost molten supply") << "</h2>\n<table><tr><th>"
      << t("产线", "Line") << "</th><th>" << t("多重熔铝锭（吨）", "extra ingot remelted (t)") << "</th><th>"
      << t("多花成本（元）", "extra cost (yuan)") << "</th></tr>\n";
    for (const auto& [tonnes, id] : remelters) {
      const auto* line = r.base_park.findLine(id);
      o << "<tr><td>" << escape(line ? line->name.in(lang) + " (" + id + ")" : id) << "</td><td>" << grouped(tonnes)
        << "</td><td>" << grouped(300 * tonnes) << "</td></tr>\n";
    }
    o << "</table>\n";
  }
  o << "<h2>" << t("主要序列", "Main series") << "</h2>\n";
  const std::string from = localMinuteText(s.start_ms, zone), until = localMinuteText(s.end_ms(), zone);
  // Chart titles are the KPI table's names of the figures they break down by hour.
  const auto name = [&](flow::KpiKey key) { return std::string(flow::kpiName(key, lang)); };
  o << chart(name(flow::KpiKey::grid_import_kwh), "MW", r.baseline.hourly.grid_import_kw, r.changed.hourly.grid_import_kw, true, 1e-3, t, from, until);
  o << chart(name(flow::KpiKey::metal_t), t("吨", "t"), r.baseline.hourly.metal_t, r.changed.hourly.metal_t, false, 1, t, from, until);
  o << chart(name(flow::KpiKey::remelt_t), t("吨", "t"), r.baseline.hourly.remelt_t, r.changed.hourly.remelt_t, false, 1, t, from, until);
  o << chart(name(flow::KpiKey::local_kwh), "MW", r.baseline.hourly.local_kw, r.changed.hourly.local_kw, true, 1e-3, t, from, until);
  o << chart(name(flow::KpiKey::co2_t), t("吨", "t"), r.baseline.hourly.co2_t, r.changed.hourly.co2_t, false, 1, t, from, until);
  o << "<h2>" << t("亩均排名（前 10）", "Per-mu ranking (top 10)") << "</h2>\n<table><tr><th>" << t("企业", "Enterprise")
    << "</th><th>" << t("基线名次", "baseline rank") << "</th><th>" << t("情景名次", "scenario rank") << "</th><th>"
    << t("情景亩均税收（元/亩）", "scenario tax (yuan/mu)") << "</th></tr>\n";
  for (std::size_t i = 0; i < std::min<std::size_t>(10, r.changed.ranking.size()); ++i) {
    const auto& e = r.changed.ranking[i];
    int before = 0;
    for (const auto& b : r.baseline.ranking) {
      if (b.enterprise_id == e.enterprise_id) before = b.rank;
    }
    o << "<tr><td>" << escape(t.zh ? e.name_zh : e.name_en) << "</td><td>" << before << "</td><td>" << e.rank << "</td><td>"
      << grouped(e.tax_yuan_per_mu) << "</td></tr>\n";
  }
  o << "</table>\n<h2>" << t("假设", "Assumptions") << "</h2>\n<ul>\n";
  if (const auto note = skippedTagsNote(r); !note.en.empty()) o << "<li>" << escape(note.in(lang)) << "</li>\n";
  for (const auto& a : r.assumptions) o << "<li>" << escape(a.in(lang)) << "</li>\n";
  o << "</ul>\n<p class=\"meta\">ParkTwin · parktwin-cli scenario run</p>\n</body></html>\n";
  return o.str();
}

}  // namespace parktwin::scenario
