#pragma once
// --store URI next to --db FILE (docs/server.md): both name where history lives, and a plain
// path is a SQLite file in either, so one string carries both and openStore() reads it.
#include <CLI/CLI.hpp>
#include <iostream>
#include <string>

#include "command_registry.hpp"

namespace parktwin::cli {

inline void addStoreOption(CLI::App& sub, std::string& target, CLI::Option* db) {
  auto* store = sub.add_option("--store", target,
                               say("Store URI instead of --db: FILE, sqlite:FILE or clickhouse://HOST:PORT/DB[?park=NAME] "
                                   "(docs/server.md)",
                                   "代替 --db 的存储 URI：文件、sqlite:文件 或 clickhouse://主机:端口/库[?park=园区名]"
                                   "（见 docs/server.md）"));
  store->excludes(db);
}

// For commands that need one of them: false (and a message) when neither was given.
inline bool storeGiven(const std::string& target, const std::string& command) {
  if (!target.empty()) return true;
  std::cerr << command << say(": --db FILE or --store URI is required\n", "：需要给出 --db 文件 或 --store URI\n");
  return false;
}

}  // namespace parktwin::cli
