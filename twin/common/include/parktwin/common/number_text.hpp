#pragma once
// Numbers as text, one way for each use, so that exports, tables and messages agree:
// - exports (CSV, JSON written by hand): the shortest text that reads back to the same double
//   (28.353, not 28.353000000000002 nor a 6-digit rounding);
// - tables: fixed notation with a set number of decimals, never 1.2e+06 for money or tonnes;
// - messages: at most a few decimals, trailing zeros dropped (800 kW, not 800.000000 kW).
// std::to_chars does the work: locale-independent and exact.
#include <string>
#include <string_view>

namespace parktwin {

// Shortest round-trip text: std::stod(shortestText(x)) == x for every finite x; "nan", "inf"
// and "-inf" otherwise. Plain decimals (120000000, not 1.2e+08: a CSV is read by people too)
// for 1e-6 <= |x| < 1e21, as JavaScript prints numbers; the exponent form outside.
std::string shortestText(double x);

// Fixed notation with exactly `decimals` decimals (0..17), never an exponent: 1234567.891 with
// 2 gives "1234567.89"; -0.001 with 2 gives "0.00" (no "-0.00").
std::string fixedText(double x, int decimals);

// The same with digits grouped by thousands for people: 1234567.891, 1 -> "1,234,567.9".
std::string groupedText(double x, int decimals);

// For messages: at most `maxDecimals` decimals, trailing zeros and point dropped: 800.0 ->
// "800", 0.6 -> "0.6", 2.0/3 -> "0.667" (with 3).
std::string compactText(double x, int maxDecimals = 3);

// compactText plus a unit: quantityText(800, "kW") -> "800 kW".
std::string quantityText(double x, std::string_view unit, int maxDecimals = 3);

}  // namespace parktwin
