#pragma once
// What SQLite itself answers about a file (an oracle independent of the historian's reader).
#include <gtest/gtest.h>
#include <sqlite3.h>

#include <string>

namespace parktwin::store::test {

// The first column of the first row of `sql` on `file`, as text ("" when there is none).
inline std::string sqliteAnswer(const std::string& file, const char* sql) {
  sqlite3* db = nullptr;
  EXPECT_EQ(sqlite3_open_v2(file.c_str(), &db, SQLITE_OPEN_READONLY, nullptr), SQLITE_OK);
  sqlite3_stmt* stmt = nullptr;
  EXPECT_EQ(sqlite3_prepare_v2(db, sql, -1, &stmt, nullptr), SQLITE_OK) << sqlite3_errmsg(db);
  std::string out;
  if (sqlite3_step(stmt) == SQLITE_ROW && sqlite3_column_text(stmt, 0)) {
    out = reinterpret_cast<const char*>(sqlite3_column_text(stmt, 0));
  }
  sqlite3_finalize(stmt);
  sqlite3_close(db);
  return out;
}

}  // namespace parktwin::store::test
