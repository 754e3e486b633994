#pragma once
// The historian's read statements, prepared once per connection and kept: stateAt runs six
// small queries and downsample three, and preparing each again on every call (parsing the SQL,
// planning it) was a tenth of a state read's CPU under the API benchmark (docs/server.md,
// "Reads at a new T or range"). A statement is lent for one use and reset when given back, so
// none keeps its read transaction open and the next use sees what was committed since.
#include <memory>
#include <string_view>
#include <utility>
#include <unordered_map>

#include "parktwin/common/result.hpp"
#include "sqlite_db.hpp"

namespace parktwin::store {

class ReadStatements {
 public:
  // A prepared statement lent for one use; reset (rows dropped, bindings cleared) when it goes.
  class Lent {
   public:
    explicit Lent(sql::Statement* statement) : statement_(statement) {}
    Lent(Lent&& other) noexcept : statement_(std::exchange(other.statement_, nullptr)) {}
    Lent(const Lent&) = delete;
    Lent& operator=(const Lent&) = delete;
    Lent& operator=(Lent&&) = delete;
    ~Lent() {
      if (statement_) statement_->reset();
    }
    sql::Statement* operator->() const { return statement_; }
    sql::Statement& operator*() const { return *statement_; }

   private:
    sql::Statement* statement_;
  };

  // `sql` must outlive this object (a string literal): it is the key, not copied.
  Result<Lent> lend(sql::Database& db, std::string_view sql) {
    auto it = prepared_.find(sql);
    if (it == prepared_.end()) {
      auto statement = db.prepare(sql);
      if (!statement) return std::unexpected(statement.error());
      it = prepared_.emplace(sql, std::move(*statement)).first;
    }
    return Lent(&it->second);
  }

  // The first column of the first row of `sql`, as Database::queryInt, on a kept statement.
  Result<std::int64_t> queryInt(sql::Database& db, std::string_view sql) {
    auto statement = lend(db, sql);
    if (!statement) return std::unexpected(statement.error());
    auto row = (*statement)->step();
    if (!row) return fail(db.path() + ": " + row.error().message);
    if (!*row) return fail(db.path() + ": no row from: " + std::string(sql));
    return (*statement)->int64(0);
  }

 private:
  std::unordered_map<std::string_view, sql::Statement> prepared_;
};

// One read transaction over several statements: they all see the same committed state, and
// SQLite takes its WAL read lock once (each statement on its own took and dropped it, with
// its fcntl calls). Ended (COMMIT, which for a reader only releases the snapshot) when it goes.
class ReadTransaction {
 public:
  static Result<ReadTransaction> begin(ReadStatements& statements, sql::Database& db) {
    auto begin = statements.lend(db, "BEGIN");
    if (!begin) return std::unexpected(begin.error());
    if (auto ok = (*begin)->run(); !ok) return std::unexpected(ok.error());
    auto end = statements.lend(db, "COMMIT");
    if (!end) return std::unexpected(end.error());
    return ReadTransaction(std::move(*end));
  }
  ReadTransaction(ReadTransaction&&) noexcept = default;
  ~ReadTransaction() {
    if (end_) (void)(*end_)->run();  // a reader's COMMIT cannot fail for want of a lock
  }

 private:
  explicit ReadTransaction(ReadStatements::Lent end) : end_(std::make_unique<ReadStatements::Lent>(std::move(end))) {}
  std::unique_ptr<ReadStatements::Lent> end_;
};

}  // namespace parktwin::store
