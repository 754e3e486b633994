#include "import_report.hpp"

#include <algorithm>
#include <iostream>
#include <vector>

#include "parktwin/common/time_zone.hpp"

namespace parktwin::cli {
namespace {

std::string plural(std::uint64_t n, const std::string& one, const std::string& many) {
  return std::to_string(n) + " " + (n == 1 ? one : many);
}

void saySummary(const std::string& file, const std::string& db, const store::CsvImportReport& report, bool zh) {
  const auto good = report.lines - report.bad_lines.size();
  if (zh) {
    std::cout << file << "：从 " << report.lines << " 行中的 " << good << " 行导入 " << report.samples << " 个样本（"
              << (report.wide ? "宽" : "长") << "格式）到 " << db << "\n";
    return;
  }
  std::cout << file << ": " << plural(report.samples, "sample", "samples") << " from " << good << " of "
            << plural(report.lines, "line", "lines") << " (" << (report.wide ? "wide" : "long") << " format) into " << db << "\n";
}

// Which zone the times written without one were read in: said, as a CSV's own clock is easy to mistake.
void sayZoneAssumed(const store::CsvImportReport& report, const store::CsvImportOptions& options) {
  if (report.zoneless_times == 0) return;
  if (options.language == "zh") {
    std::cout << report.zoneless_times << " 个未写时区的时间按 "
              << (options.zoneless_in ? options.zoneless_in->name() + "（" +
                                            options.zoneless_in->offsetLabelAt(report.first_zoneless_ms) + "，园区时区）读入\n"
                                      : std::string("UTC 读入；给出 --park 则按园区时区读入\n"));
    return;
  }
  std::cout << report.zoneless_times << (report.zoneless_times == 1 ? " time" : " times") << " written without a zone read as ";
  if (options.zoneless_in) {
    std::cout << options.zoneless_in->name() << " (" << options.zoneless_in->offsetLabelAt(report.first_zoneless_ms)
              << "), the park's time zone\n";
  } else {
    std::cout << "UTC; give --park to read them in the park's time zone\n";
  }
}

// An Excel date number is easy to mistake for something else (seconds from a start): the first
// one, with the civil time it was read as, lets a person check.
void sayExcelDates(const store::CsvImportReport& report, const store::CsvImportOptions& options) {
  if (report.excel_dates == 0) return;
  const TimeZone zone = options.zoneless_in ? *options.zoneless_in : TimeZone::fixed(0);
  const std::string civil = localMinuteText(report.first_excel_date_ms, zone);
  if (options.language == "zh") {
    std::cout << report.excel_dates << " 个时间是 Excel 日期序号，已按日期读入：" << report.first_excel_date << " 即 " << civil << "\n";
    return;
  }
  std::cout << (report.excel_dates == 1 ? "1 time written as an Excel date number read as a date: "
                                         : std::to_string(report.excel_dates) + " times written as Excel date numbers read as dates: ")
            << report.first_excel_date << " is " << civil << "\n";
}

// Columns (or tags) the file gives by the park's names for them: said, so that a wrong match is seen.
void sayNamedTags(const store::CsvImportReport& report, bool zh) {
  const auto& named = report.named_tags;
  if (named.empty()) return;
  std::string pairs;
  for (std::size_t i = 0; i < named.size(); ++i) pairs += (i == 0 ? "" : zh ? "、" : ", ") + named[i].first + " → " + named[i].second;
  if (zh) {
    std::cout << named.size() << " 个测点按园区中的名称识别：" << pairs << "\n";
    return;
  }
  std::cout << (named.size() == 1 ? "1 tag given by the park's name for it, stored under its id: "
                                  : std::to_string(named.size()) + " tags given by the park's names for them, stored under their ids: ")
            << pairs << "\n";
}

void sayMissingMarks(const store::CsvImportReport& report, bool zh) {
  if (report.missing_marks == 0) return;
  if (zh) {
    std::cout << report.missing_marks << " 个单元格标为无读数（#N/A、#DIV/0!、-、--），不作样本\n";
    return;
  }
  std::cout << plural(report.missing_marks, "cell", "cells") << " marked as no reading (#N/A, #DIV/0!, -, --): no sample\n";
}

// Zeros as Excel's accounting format writes them (" -   "): said, since a bare "-" is no reading.
void sayAccountingZeros(const store::CsvImportReport& report, bool zh) {
  if (report.accounting_zeros == 0) return;
  if (zh) {
    std::cout << report.accounting_zeros << " 个单元格是 Excel 会计格式的零（“ -   ”），按 0 存入\n";
    return;
  }
  std::cout << plural(report.accounting_zeros, "cell", "cells") << " with Excel's accounting zero (\" -   \"): stored as 0\n";
}

// Tags the park does not define, named (the first few) so that a typo or a foreign export is
// seen before anyone wonders why the window shows nothing for them.
void warnUnknownTags(const std::string& file, const store::CsvImportReport& report, const store::CsvImportOptions& options) {
  const auto& unknown = report.unknown_tags;
  if (unknown.empty()) return;
  const bool zh = options.language == "zh";
  constexpr std::size_t kNamed = 5;
  std::string names;
  for (std::size_t i = 0; i < std::min(unknown.size(), kNamed); ++i) names += (i == 0 ? "" : zh ? "、" : ", ") + unknown[i];
  if (unknown.size() > kNamed) {
    names += zh ? " 等（另有 " + std::to_string(unknown.size() - kNamed) + " 个）" : ", ... (" + std::to_string(unknown.size() - kNamed) + " more)";
  }
  const std::string samples = std::to_string(report.unknown_samples);
  const bool one = unknown.size() == 1, oneSample = report.unknown_samples == 1;
  if (zh) {
    std::cerr << file << "：警告：园区未定义的测点 " << unknown.size() << " 个（" << samples << " 个样本）：" << names
              << (options.skip_unknown_tags ? "；已略过，未导入\n" : "；已导入（没有单位），加 --skip-unknown-tags 可略过它们\n");
    return;
  }
  std::cerr << file << ": warning: " << unknown.size() << (one ? " tag" : " tags") << " the park does not define (" << samples
            << (oneSample ? " sample" : " samples") << "): " << names
            << (options.skip_unknown_tags ? "; left out\n"
                                          : (one ? "; stored without a unit (--skip-unknown-tags leaves it out)\n"
                                                 : "; stored without units (--skip-unknown-tags leaves them out)\n"));
}

void sayLeftOut(const std::string& file, const store::CsvImportReport& report, bool zh) {
  if (const auto lines = report.bad_lines.size(); lines > 0) {
    std::cerr << file << (zh ? "：跳过了 " + std::to_string(lines) + " 行有误的数据\n" : ": " + plural(lines, "bad line", "bad lines") + " skipped\n");
  }
  if (const auto cells = report.bad_cells.size(); cells > 0) {
    std::cerr << file
              << (zh ? "：略过了 " + std::to_string(cells) + " 个有误的单元格（所在行的其他值已导入）\n"
                     : ": " + plural(cells, "bad cell", "bad cells") + " left out (the other values of " +
                           (cells == 1 ? "its line" : "their lines") + " imported)\n");
  }
}

}  // namespace

void listRejections(const std::string& file, const store::CsvImportReport& report) {
  std::vector<const store::CsvLineError*> all;
  for (const auto& bad : report.bad_lines) all.push_back(&bad);
  for (const auto& bad : report.bad_cells) all.push_back(&bad);
  std::ranges::stable_sort(all, [](const auto* a, const auto* b) { return a->line < b->line; });
  for (const auto* bad : all) {
    std::cerr << file << ":" << bad->line << (bad->column > 0 ? ":" + std::to_string(bad->column) : "") << ": " << bad->reason << "\n";
  }
}

void sayImported(const std::string& file, const std::string& db, const store::CsvImportReport& report,
                 const store::CsvImportOptions& options) {
  const bool zh = options.language == "zh";
  listRejections(file, report);
  saySummary(file, db, report, zh);
  sayZoneAssumed(report, options);
  sayExcelDates(report, options);
  sayNamedTags(report, zh);
  sayMissingMarks(report, zh);
  sayAccountingZeros(report, zh);
  warnUnknownTags(file, report, options);
  sayLeftOut(file, report, zh);
}

}  // namespace parktwin::cli
