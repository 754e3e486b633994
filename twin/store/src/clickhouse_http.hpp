#pragma once
// ClickHouse's HTTP interface through libcurl (kept private to the store): one keep-alive
// connection, a statement per request, results as TabSeparated text.
#include <memory>
#include <string>
#include <vector>

#include "parktwin/common/result.hpp"

namespace parktwin::store::clickhouse {

struct HttpReply {
  long status = 0;  // 0: no HTTP answer at all (connection refused, timeout)
  std::string body;
};

class HttpClient {
 public:
  // `user` empty: ClickHouse's default user without a password. Otherwise user and password
  // go as HTTP basic auth (ClickHouse reads it on its HTTP port, 18.16 included).
  HttpClient(std::string host, int port, std::string database, std::string user = {}, std::string password = {});
  ~HttpClient();
  HttpClient(const HttpClient&) = delete;
  HttpClient& operator=(const HttpClient&) = delete;

  // `sql` runs with `body` as its data (INSERT ... FORMAT TabSeparated) or, body empty, as the
  // request body itself. `settings` are extra URL parameters ("insert_distributed_sync=1").
  // An error carries ClickHouse's own message; code io where the node did not answer.
  Result<std::string> run(const std::string& sql, const std::string& body = {},
                          const std::vector<std::string>& settings = {});
  std::string base() const { return "http://" + host_ + ":" + std::to_string(port_) + "/"; }

 private:
  HttpReply post(const std::string& url, const std::string& body, std::string& transportError);
  std::string host_;
  int port_;
  std::string database_;
  std::string user_, password_;
  void* curl_ = nullptr;
};

// TabSeparated escaping of one field (backslash, tab, newline) and its inverse.
std::string escapeTsv(std::string_view field);
std::string unescapeTsv(std::string_view field);
// Rows of TabSeparated output split into their fields (unescaped).
std::vector<std::vector<std::string>> parseTsv(std::string_view text);
// A string literal for SQL: quoted, with backslashes and quotes escaped.
std::string quoteSql(std::string_view text);

}  // namespace parktwin::store::clickhouse
