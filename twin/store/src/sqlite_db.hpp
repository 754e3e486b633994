#pragma once
// Thin RAII over the SQLite C API: a connection, prepared statements, errors as values.
#include <sqlite3.h>

#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>

#include "parktwin/common/result.hpp"

namespace parktwin::store::sql {

class Statement {
 public:
  Statement() = default;
  Statement(sqlite3_stmt* stmt, sqlite3* db) : stmt_(stmt), db_(db) {}
  Statement(Statement&&) noexcept;
  Statement& operator=(Statement&&) noexcept;
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;
  ~Statement();

  Statement& bind(int index, std::int64_t value);
  Statement& bind(int index, double value);
  Statement& bind(int index, std::string_view text);
  Statement& bindBlob(int index, std::span<const std::uint8_t> blob);
  // Without SQLite's copy: `blob` must stay alive and unchanged while it is bound, that is until
  // the index is bound again or the statement finalized (run() resets the statement but keeps
  // its bindings: a statement run again without binding anew would read the old buffer).
  Statement& bindBlobUncopied(int index, std::span<const std::uint8_t> blob);
  Statement& bindNull(int index);
  // true: a row is ready; false: done. The statement is reset on done and on error.
  Result<bool> step();
  Result<void> run();  // step to completion, expecting no rows
  void reset();

  std::int64_t int64(int column) const { return sqlite3_column_int64(stmt_, column); }
  double real(int column) const { return sqlite3_column_double(stmt_, column); }
  bool isNull(int column) const { return sqlite3_column_type(stmt_, column) == SQLITE_NULL; }
  std::string text(int column) const;
  std::span<const std::uint8_t> blob(int column) const;

 private:
  sqlite3_stmt* stmt_ = nullptr;
  sqlite3* db_ = nullptr;
};

class Database {
 public:
  static Result<Database> open(const std::string& path, bool readOnly);
  Database() = default;
  Database(Database&&) noexcept = default;
  Database& operator=(Database&&) noexcept = default;

  Result<void> exec(const std::string& sql);
  Result<Statement> prepare(std::string_view sql);
  Result<std::int64_t> queryInt(std::string_view sql);  // first column of the first row
  std::string lastError() const;
  sqlite3* handle() const { return db_.get(); }
  const std::string& path() const { return path_; }

 private:
  struct Closer {
    void operator()(sqlite3* db) const { sqlite3_close_v2(db); }
  };
  std::unique_ptr<sqlite3, Closer> db_;
  std::string path_;
};

// RAII write transaction: BEGIN IMMEDIATE, rolled back unless commit() succeeds.
class Transaction {
 public:
  static Result<Transaction> begin(Database& db);
  Transaction(Transaction&& other) noexcept : db_(other.db_) { other.db_ = nullptr; }
  Transaction(const Transaction&) = delete;
  ~Transaction();
  Result<void> commit();

 private:
  explicit Transaction(Database* db) : db_(db) {}
  Database* db_;
};

}  // namespace parktwin::store::sql
