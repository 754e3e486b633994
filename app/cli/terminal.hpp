#pragma once
// Small terminal helpers shared by subcommands: asset lookup and a progress bar that only
// draws on a terminal.
#include <cstdint>
#include <filesystem>
#include <string>

namespace parktwin::cli {

// Resolves a bundled asset (e.g. "parks/beidu.json") from the source tree or the install.
std::filesystem::path assetPath(const std::string& relative);

// Resolves `--park beidu` (a bundled park name) or a path to a park file.
std::filesystem::path parkPath(const std::string& nameOrPath);

// Columns `text` (UTF-8) takes on a terminal, where a CJK character takes two.
std::size_t displayColumns(const std::string& text);
// `text` padded with spaces to `columns`; longer text is returned whole.
std::string padColumns(const std::string& text, std::size_t columns);

class ProgressBar {
 public:
  ProgressBar(std::string label, std::uint64_t total);
  ~ProgressBar();
  void update(std::uint64_t done);

 private:
  std::string label_;
  std::uint64_t total_;
  bool enabled_;
  int lastPercent_ = -1;
};

}  // namespace parktwin::cli
