#pragma once
// An independent oracle: the same samples in a plain SQLite table, queried with plain SQL.
#include <gtest/gtest.h>
#include <sqlite3.h>

#include <cstdint>
#include <string>
#include <vector>

namespace parktwin::store::test {

class SqlOracle {
 public:
  SqlOracle() {
    sqlite3_open(":memory:", &db_);
    exec("CREATE TABLE s(tag TEXT, ts INTEGER, v REAL, PRIMARY KEY(tag, ts))");
    sqlite3_prepare_v2(db_, "INSERT OR IGNORE INTO s VALUES (?, ?, ?)", -1, &insert_, nullptr);  // first wins
  }
  ~SqlOracle() {
    sqlite3_finalize(insert_);
    sqlite3_close(db_);
  }
  void add(const std::string& tag, std::int64_t ts, double v) {
    sqlite3_bind_text(insert_, 1, tag.c_str(), -1, SQLITE_TRANSIENT);
    sqlite3_bind_int64(insert_, 2, ts);
    sqlite3_bind_double(insert_, 3, v);
    sqlite3_step(insert_);
    sqlite3_reset(insert_);
  }
  void exec(const std::string& sql) {
    ASSERT_EQ(sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, nullptr), SQLITE_OK) << sqlite3_errmsg(db_);
  }
  // Rows of doubles (NULL as NaN) from a query with integer parameters.
  std::vector<std::vector<double>> rows(const std::string& sql, const std::vector<std::int64_t>& params = {}) {
    sqlite3_stmt* stmt = nullptr;
    EXPECT_EQ(sqlite3_prepare_v2(db_, sql.c_str(), -1, &stmt, nullptr), SQLITE_OK) << sqlite3_errmsg(db_);
    for (std::size_t i = 0; i < params.size(); ++i) sqlite3_bind_int64(stmt, static_cast<int>(i + 1), params[i]);
    std::vector<std::vector<double>> out;
    while (sqlite3_step(stmt) == SQLITE_ROW) {
      std::vector<double> row;
      for (int c = 0; c < sqlite3_column_count(stmt); ++c) {
        row.push_back(sqlite3_column_type(stmt, c) == SQLITE_NULL ? std::nan("") : sqlite3_column_double(stmt, c));
      }
      out.push_back(row);
    }
    sqlite3_finalize(stmt);
    return out;
  }
  void begin() { exec("BEGIN"); }
  void commit() { exec("COMMIT"); }

 private:
  sqlite3* db_ = nullptr;
  sqlite3_stmt* insert_ = nullptr;
};

}  // namespace parktwin::store::test
