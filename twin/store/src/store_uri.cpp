// Parsing of store URIs. Only the few forms docs/server.md lists; percent-decoding only in the
// user and password, since park names, databases and folders here are plain words and paths.
#include "parktwin/store/store_uri.hpp"

#include "parktwin/common/percent_decode.hpp"

#include <cctype>
#include <charconv>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string_view>

namespace parktwin::store {
namespace {

constexpr std::string_view kClickHouse = "clickhouse://";
constexpr std::string_view kSqlite = "sqlite:";

bool isPlainWord(std::string_view s) {
  if (s.empty()) return false;
  for (const char c : s) {
    if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '_')) return false;
  }
  return true;
}

std::string defaultSpoolDir(const ClickHouseAddress& a) {
  std::string base;
  if (const char* state = std::getenv("XDG_STATE_HOME"); state && *state) {
    base = state;
  } else if (const char* home = std::getenv("HOME"); home && *home) {
    base = std::string(home) + "/.local/state";
  } else {
    base = "/tmp";
  }
  return base + "/parktwin/spool/" + a.host + "_" + std::to_string(a.http_port) + "_" + a.database + "_" + a.park;
}

}  // namespace

std::optional<StateQuery> stateQueryFromText(std::string_view text) {
  if (text == "window") return StateQuery::window;
  if (text == "scan") return StateQuery::scan;
  return std::nullopt;
}

namespace {

Result<void> applyQuery(std::string_view query, const std::string& uri, ClickHouseAddress& a) {
  while (!query.empty()) {
    const auto amp = query.find('&');
    const std::string_view pair = query.substr(0, amp);
    query = amp == std::string_view::npos ? std::string_view{} : query.substr(amp + 1);
    const auto eq = pair.find('=');
    if (eq == std::string_view::npos) return fail(ErrorCode::invalid_input, uri + ": expected key=value, got '" + std::string(pair) + "'");
    const std::string key(pair.substr(0, eq)), value(pair.substr(eq + 1));
    if (key == "park") {
      a.park = value;
    } else if (key == "cluster") {
      a.cluster = value;
    } else if (key == "spool") {
      a.spool_dir = value;
    } else if (key == "state") {
      const auto stateQuery = stateQueryFromText(value);
      if (!stateQuery) return fail(ErrorCode::invalid_input, uri + ": state '" + value + "' is not window or scan");
      a.state_query = *stateQuery;
    } else {
      return fail(ErrorCode::invalid_input, uri + ": unknown parameter '" + key + "' (expected park, cluster, spool or state)");
    }
  }
  if (!isPlainWord(a.park) || !isPlainWord(a.cluster)) {
    return fail(ErrorCode::invalid_input, uri + ": park and cluster must be letters, digits and _");
  }
  return {};
}

Result<std::string> credential(std::string_view text, const std::string& uri) {
  auto decoded = percentDecoded(text);
  if (!decoded) return fail(ErrorCode::invalid_input, uri + ": bad percent escape in the user or password");
  return std::move(*decoded);
}

// USER[:PASSWORD]@ before the host; without it, the environment's (the URI's message names the
// user, never the password).
Result<void> applyCredentials(std::string_view userInfo, const std::string& uri, ClickHouseAddress& a) {
  if (!userInfo.empty()) {
    const auto colon = userInfo.find(':');
    auto user = credential(userInfo.substr(0, colon), uri);
    auto password = credential(colon == std::string_view::npos ? std::string_view{} : userInfo.substr(colon + 1), uri);
    if (!user || !password) return std::unexpected((user ? password : user).error());
    if (user->empty()) return fail(ErrorCode::invalid_input, uri + ": empty user before '@'");
    a.user = std::move(*user);
    a.password = std::move(*password);
    return {};
  }
  const char* user = std::getenv("PARKTWIN_CLICKHOUSE_USER");
  if (!user || !*user) return {};
  a.user = user;
  if (const char* password = std::getenv("PARKTWIN_CLICKHOUSE_PASSWORD")) a.password = password;
  if (const char* file = std::getenv("PARKTWIN_CLICKHOUSE_PASSWORD_FILE"); file && *file) {
    std::ifstream in(file);
    if (!in) return fail(ErrorCode::io, std::string("PARKTWIN_CLICKHOUSE_PASSWORD_FILE: cannot read ") + file);
    std::getline(in, a.password);  // the first line, without its newline
  }
  return {};
}

// The URI as messages show it: the password replaced by ***.
std::string withoutPassword(const std::string& uri) {
  const std::size_t start = kClickHouse.size();
  const std::size_t at = uri.substr(0, uri.find('/', start)).rfind('@');
  if (at == std::string::npos || at < start) return uri;
  const std::size_t colon = uri.find(':', start);
  if (colon == std::string::npos || colon > at) return uri;
  return uri.substr(0, colon + 1) + "***" + uri.substr(at);
}

Result<ClickHouseAddress> parseClickHouse(const std::string& text) {
  const std::string uri = withoutPassword(text);  // for messages
  std::string_view rest = std::string_view(text).substr(kClickHouse.size());
  const auto query = rest.find('?');
  const std::string_view params = query == std::string_view::npos ? std::string_view{} : rest.substr(query + 1);
  rest = rest.substr(0, query);
  const auto at = rest.substr(0, rest.find('/')).rfind('@');
  const std::string_view userInfo = at == std::string_view::npos ? std::string_view{} : rest.substr(0, at);
  if (at != std::string_view::npos) rest = rest.substr(at + 1);
  const auto slash = rest.find('/');
  const auto colon = rest.rfind(':', slash);
  const std::string expected = ": expected clickhouse://HOST:PORT/DATABASE (the HTTP port, e.g. 8123)";
  if (slash == std::string_view::npos || colon == std::string_view::npos || colon == 0) {
    return fail(ErrorCode::invalid_input, uri + expected);
  }
  ClickHouseAddress a;
  a.host = std::string(rest.substr(0, colon));
  const std::string_view portText = rest.substr(colon + 1, slash - colon - 1);
  const auto [end, ec] = std::from_chars(portText.data(), portText.data() + portText.size(), a.http_port);
  if (ec != std::errc{} || end != portText.data() + portText.size() || a.http_port <= 0 || a.http_port > 65535) {
    return fail(ErrorCode::invalid_input, uri + ": port '" + std::string(portText) + "' is not a number 1..65535");
  }
  a.database = std::string(rest.substr(slash + 1));
  if (!isPlainWord(a.database)) return fail(ErrorCode::invalid_input, uri + ": database must be letters, digits and _");
  if (auto ok = applyQuery(params, uri, a); !ok) return std::unexpected(ok.error());
  if (auto ok = applyCredentials(userInfo, uri, a); !ok) return std::unexpected(ok.error());
  if (a.spool_dir.empty()) a.spool_dir = defaultSpoolDir(a);
  return a;
}

}  // namespace

Result<StoreUri> parseStoreUri(const std::string& uri) {
  StoreUri out;
  if (uri.starts_with(kClickHouse)) {
    auto address = parseClickHouse(uri);
    if (!address) return std::unexpected(address.error());
    out.kind = StoreKind::clickhouse;
    out.clickhouse = std::move(*address);
    return out;
  }
  out.sqlite_path = uri.starts_with(kSqlite) ? uri.substr(kSqlite.size()) : uri;
  if (out.sqlite_path.empty()) return fail(ErrorCode::invalid_input, "store URI '" + uri + "': no file name");
  if (out.sqlite_path.find("://") != std::string::npos) {
    return fail(ErrorCode::invalid_input, "store URI '" + uri + "': unknown scheme (expected a file, sqlite:FILE or clickhouse://HOST:PORT/DB)");
  }
  return out;
}

}  // namespace parktwin::store
