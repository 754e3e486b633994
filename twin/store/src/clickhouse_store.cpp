// Opening the ClickHouse store and writing to it: schema, batches, retries, the spool.
#include "clickhouse_store.hpp"

#include <bit>
#include <charconv>
#include <regex>
#include <thread>

#include "clickhouse_schema.hpp"

namespace parktwin::store::clickhouse {
namespace {

constexpr std::size_t kSendEverySamples = 100'000;  // bounds memory between flushes
constexpr int kInsertTries = 3;
constexpr std::chrono::milliseconds kFirstBackoff{500}, kMaxBackoff{5000};

std::string replaceAll(std::string text, std::string_view what, std::string_view with) {
  for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at + with.size())) {
    text.replace(at, what.size(), with);
  }
  return text;
}

// RowBinary pieces (little-endian, as ClickHouse reads them on x86-64 and arm64). Samples go
// as RowBinary because 18.16's text parser does not round every decimal to the nearest double
// (1.364 came back as 1.3639999999999999): binary keeps each value's bits.
void putFixed(std::string& out, std::uint64_t bits) {
  for (int i = 0; i < 8; ++i) out += static_cast<char>((bits >> (8 * i)) & 0xFF);
}

void putString(std::string& out, std::string_view text) {
  std::uint64_t n = text.size();
  do {
    out += static_cast<char>((n & 0x7F) | (n > 0x7F ? 0x80 : 0));
    n >>= 7;
  } while (n != 0);
  out += text;
}

std::uint64_t nowNs() {
  return static_cast<std::uint64_t>(
      std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::system_clock::now().time_since_epoch()).count());
}

// ClickHouse's "Code: N" of an error message, 0 if there is none.
int clickhouseCode(const std::string& message) {
  const auto at = message.find("Code: ");
  if (at == std::string::npos) return 0;
  int code = 0;
  std::from_chars(message.data() + at + 6, message.data() + message.size(), code);
  return code;
}

// Failures that mean "a node or shard is away" (connection refused, timeouts: NETWORK_ERROR,
// SOCKET_TIMEOUT, TIMEOUT_EXCEEDED, ALL_CONNECTION_TRIES_FAILED, ...): worth spooling and
// retrying. Anything else (a malformed row, a missing table) would fail again on replay.
bool nodeAway(const Error& error) {
  if (error.code == ErrorCode::io) return true;
  const int code = clickhouseCode(error.message);
  return code == 209 || code == 210 || code == 159 || code == 279 || code == 32 || code == 394;
}

}  // namespace

ClickHouseStore::ClickHouseStore(const ClickHouseAddress& address, bool readOnly)
    : address_(address), readOnly_(readOnly), http_(address.host, address.http_port, address.database, address.user, address.password) {}

ClickHouseStore::~ClickHouseStore() {
  if (!readOnly_) (void)flush();  // what cannot reach the cluster goes to the spool
}

std::string ClickHouseStore::describe() const {
  return "clickhouse://" + (address_.user.empty() ? "" : address_.user + "@") + address_.host + ":" +
         std::to_string(address_.http_port) + "/" + address_.database +
         " (park " + address_.park + ")";
}

Result<std::unique_ptr<Store>> ClickHouseStore::open(const ClickHouseAddress& address, bool readOnly) {
  std::unique_ptr<ClickHouseStore> store(new ClickHouseStore(address, readOnly));
  if (auto up = store->http_.run("SELECT 1"); !up) {
    // It answered, but no (a refused user or password): that, not "does not answer".
    if (up.error().code != ErrorCode::io) return fail(up.error().code, store->describe() + ": " + up.error().message);
    return fail(ErrorCode::io, store->describe() + ": the node does not answer: " + up.error().message);
  }
  if (auto ok = store->loadShards(); !ok) return std::unexpected(ok.error());
  if (!readOnly) {
    if (auto ok = store->createSchema(); !ok) return std::unexpected(ok.error());
    auto spool = Spool::open(address.spool_dir);
    if (!spool) return std::unexpected(spool.error());
    store->spool_ = std::move(*spool);
    if (!store->spool_->empty()) (void)store->replaySpool();  // a shard still away: replayed later
  }
  return std::unique_ptr<Store>(std::move(store));
}

Result<void> ClickHouseStore::loadShards() {
  auto rows = http_.run("SELECT shard_num, host_address, port FROM system.clusters WHERE cluster = " +
                        quoteSql(address_.cluster) + " FORMAT TabSeparated");
  if (!rows) return std::unexpected(rows.error());
  for (const auto& row : parseTsv(*rows)) {
    if (row.size() == 3) shards_.push_back({std::atoi(row[0].c_str()), row[1] + ":" + row[2]});
  }
  if (shards_.empty()) {
    return fail(ErrorCode::not_found, describe() + ": the node knows no cluster '" + address_.cluster +
                                          "' (<remote_servers> in its config; docs/server.md)");
  }
  return {};
}

Result<void> ClickHouseStore::createSchema() {
  std::string sql;
  std::istringstream lines(kSchemaSql);
  for (std::string line; std::getline(lines, line);) {
    if (!line.starts_with("--")) sql += line + "\n";
  }
  sql = replaceAll(replaceAll(sql, "{db}", address_.database), "{cluster}", address_.cluster);
  for (std::size_t at = 0; at < sql.size();) {
    const auto end = std::min(sql.find(';', at), sql.size());
    const std::string statement = sql.substr(at, end - at);
    at = end + 1;
    if (statement.find_first_not_of(" \n") == std::string::npos) continue;
    if (auto ok = http_.run(statement); !ok) return fail(ok.error().code, describe() + ": creating the schema: " + ok.error().message);
  }
  return {};
}

std::string ClickHouseStore::parkIs() const { return "park = " + quoteSql(address_.park); }

std::uint64_t ClickHouseStore::nextId() {
  lastId_ = std::max(lastId_ + 1, nowNs());
  return lastId_;
}

Error ClickHouseStore::nameShard(Error error) const {
  static const std::regex kAddress(R"(\(([A-Za-z0-9._:\-\[\]]+:[0-9]+)\))");
  for (std::sregex_iterator it(error.message.begin(), error.message.end(), kAddress), end; it != end; ++it) {
    for (const auto& replica : shards_) {
      if ((*it)[1] == replica.address) {
        error.message = describe() + ": shard " + std::to_string(replica.shard) + " of cluster '" + address_.cluster +
                        "' (" + replica.address + ") is not reachable; " + error.message;
        error.code = ErrorCode::io;
        return error;
      }
    }
  }
  return error;
}

Result<void> ClickHouseStore::insert(const SpooledBatch& batch) {
  // Synchronous: the node answers only after every shard wrote its rows, so "200 OK" means
  // the cluster has them (the default asynchronous mode queues them on this node instead).
  const char* format = batch.table == "samples" ? " FORMAT RowBinary" : " FORMAT TabSeparated";
  auto ok = http_.run("INSERT INTO " + batch.table + format, batch.tsv,
                      {"insert_distributed_sync=1", "insert_distributed_timeout=30"});
  if (!ok) return std::unexpected(nameShard(ok.error()));
  return {};
}

Result<void> ClickHouseStore::replaySpool() {
  auto replayed = spool_->replay([this](const SpooledBatch& batch) { return insert(batch); });
  if (!replayed) {
    backoff_ = std::min(kMaxBackoff, backoff_.count() == 0 ? kFirstBackoff : backoff_ * 2);
    retryAt_ = std::chrono::steady_clock::now() + backoff_;
    return std::unexpected(replayed.error());
  }
  backoff_ = std::chrono::milliseconds{0};
  return {};
}

Result<void> ClickHouseStore::sendOrSpool(SpooledBatch batch) {
  if (batch.rows == 0) return {};
  const bool waiting = std::chrono::steady_clock::now() < retryAt_;
  if (!waiting && !spool_->empty()) (void)replaySpool();  // older batches first, so a replay keeps the order
  if (!waiting && spool_->empty()) {
    Result<void> sent;
    for (int attempt = 0; attempt < kInsertTries; ++attempt) {
      if (attempt > 0) std::this_thread::sleep_for(std::chrono::milliseconds(100 << attempt));  // backoff between tries
      sent = insert(batch);
      if (sent || !nodeAway(sent.error())) break;
    }
    if (sent) return {};
    if (!nodeAway(sent.error())) return sent;
    backoff_ = std::min(kMaxBackoff, backoff_.count() == 0 ? kFirstBackoff : backoff_ * 2);
    retryAt_ = std::chrono::steady_clock::now() + backoff_;
  }
  return spool_->append(batch);
}

Result<SpooledBatch*> ClickHouseStore::rowFor(const char* table, std::int64_t ts_ms) {
  if (readOnly_) return fail(describe() + ": opened read-only");
  if (ts_ms < 0) {
    return fail(ErrorCode::invalid_input, describe() + ": " + table + ": time before 1970 (" + std::to_string(ts_ms) + " ms)");
  }
  SpooledBatch& batch = pending_[table];
  batch.table = table;
  ++batch.rows;
  return &batch;
}

Result<void> ClickHouseStore::defineTag(std::string_view name, std::string_view unit, std::string_view kind) {
  auto b = rowFor("tags", 0);
  if (!b) return std::unexpected(b.error());
  (*b)->tsv += escapeTsv(address_.park) + "\t" + escapeTsv(name) + "\t" + escapeTsv(unit) + "\t" + escapeTsv(kind) + "\t" +
               std::to_string(nextId()) + "\n";
  knownTags_.emplace(name);
  return {};
}

Result<void> ClickHouseStore::append(std::string_view tag, std::int64_t ts_ms, double value) {
  auto b = rowFor("samples", ts_ms);
  if (!b) return std::unexpected(b.error());
  if (!knownTags_.contains(tag)) {  // as the historian, append makes the tag known; ver 0 loses to defineTag
    auto t = rowFor("tags", 0);
    if (!t) return std::unexpected(t.error());
    (*t)->tsv += escapeTsv(address_.park) + "\t" + escapeTsv(tag) + "\t\t\t0\n";
    knownTags_.emplace(tag);
  }
  std::string& row = (*b)->tsv;  // RowBinary: park, tag, ts, value, ver
  putString(row, address_.park);
  putString(row, tag);
  putFixed(row, static_cast<std::uint64_t>(ts_ms));
  putFixed(row, std::bit_cast<std::uint64_t>(value));
  putFixed(row, UINT64_MAX - nextId());
  ++accepted_;
  newestMs_ = std::max(newestMs_, ts_ms);
  if ((*b)->rows >= kSendEverySamples) {
    if (auto tagsFirst = sendOrSpool(std::exchange(pending_["tags"], {})); !tagsFirst) return tagsFirst;
    return sendOrSpool(std::exchange(**b, {}));
  }
  return {};
}

Result<void> ClickHouseStore::appendEvent(const Event& e) {
  auto b = rowFor("events", e.ts_ms);
  if (!b) return std::unexpected(b.error());
  (*b)->tsv += escapeTsv(address_.park) + "\t" + std::to_string(e.ts_ms) + "\t" + std::to_string(nextId()) + "\t" +
               escapeTsv(e.kind) + "\t" + std::to_string(e.severity) + "\t" + escapeTsv(e.object) + "\t" +
               escapeTsv(e.message) + "\t" + escapeTsv(e.payload_json) + "\n";
  return {};
}

Result<void> ClickHouseStore::acknowledge(const Acknowledgement& a) {
  auto b = rowFor("acks", a.ts_ms);
  if (!b) return std::unexpected(b.error());
  (*b)->tsv += escapeTsv(address_.park) + "\t" + std::to_string(a.ts_ms) + "\t" + std::to_string(nextId()) + "\t" +
               escapeTsv(a.rule) + "\t" + escapeTsv(a.object) + "\t" + escapeTsv(a.user) + "\t" + escapeTsv(a.comment) + "\n";
  return {};
}

Result<void> ClickHouseStore::setParkFileHash(std::string_view hash) {
  auto b = rowFor("parks", 0);
  if (!b) return std::unexpected(b.error());
  (*b)->tsv += escapeTsv(address_.park) + "\t" + escapeTsv(hash) + "\t" + std::to_string(nextId()) + "\n";
  return {};
}

Result<FlushResult> ClickHouseStore::flush() {
  if (readOnly_) return FlushResult{0, INT64_MIN};
  for (const char* table : {"tags", "parks", "samples", "events", "acks"}) {
    auto it = pending_.find(table);
    if (it == pending_.end()) continue;
    if (auto ok = sendOrSpool(std::exchange(it->second, {})); !ok) return std::unexpected(ok.error());
  }
  return FlushResult{accepted_, newestMs_};
}

}  // namespace parktwin::store::clickhouse
