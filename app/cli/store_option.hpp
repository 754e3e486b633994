#pragma once
// --store URI next to --db FILE (docs/server.md): both name where history lives, and a plain
// path is a SQLite file in either, so one string carries both and openStore() reads it.
#include <CLI/CLI.hpp>
#include <iostream>
#include <string>

namespace parktwin::cli {

inline void addStoreOption(CLI::App& sub, std::string& target, CLI::Option* db) {
  auto* store = sub.add_option("--store", target,
                               "Store URI instead of --db: FILE, sqlite:FILE or clickhouse://HOST:PORT/DB[?park=NAME] "
                               "(docs/server.md)");
  store->excludes(db);
}

// For commands that need one of them: false (and a message) when neither was given.
inline bool storeGiven(const std::string& target, const std::string& command) {
  if (!target.empty()) return true;
  std::cerr << command << ": --db FILE or --store URI is required\n";
  return false;
}

}  // namespace parktwin::cli
