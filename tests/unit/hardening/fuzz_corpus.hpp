#pragma once
// The inputs kept in fuzz/corpus/<target> (seeds, the minimised corpus of the long runs, and
// every crash found), for the tests that run them through their parsers in the normal suite.
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

inline std::vector<std::string> corpus(const std::string& target) {
  std::vector<std::string> inputs;
  for (const auto& entry : std::filesystem::directory_iterator(std::filesystem::path(PARKTWIN_FUZZ_CORPUS) / target)) {
    std::ifstream in(entry.path(), std::ios::binary);
    inputs.emplace_back(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  }
  return inputs;
}

inline std::string readSeed(const std::string& target, const std::string& name) {
  std::ifstream in(std::filesystem::path(PARKTWIN_FUZZ_CORPUS) / target / name, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}
