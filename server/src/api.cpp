// Routing, authentication and roles of the API; the endpoints are in api_endpoints.cpp.
#include "api.hpp"

#include <nlohmann/json.hpp>
#include <vector>

#include "parktwin/common/percent_decode.hpp"
#include "permissions.hpp"

namespace parktwin::server {
namespace {

using nlohmann::json;

constexpr std::string_view kParksPrefix = "/api/v1/parks";
constexpr std::string_view kSessionPath = "/api/v1/session";

std::vector<std::string> splitPath(std::string_view path) {
  std::vector<std::string> parts;
  std::size_t start = 0;
  while (start <= path.size()) {
    const auto slash = path.find('/', start);
    const auto end = slash == std::string_view::npos ? path.size() : slash;
    if (end > start) parts.emplace_back(path.substr(start, end - start));
    if (slash == std::string_view::npos) break;
    start = slash + 1;
  }
  return parts;
}

ApiResponse methodNotAllowed(const std::string& method, const std::string& path, const char* allowed, const std::string& lang) {
  return errorResponse(405, method + " " + path + inLanguage(lang, ": not allowed; use ", "：不允许；请用 ") + allowed);
}

ApiResponse noSuchPath(const std::string& path, const std::string& lang) {
  return errorResponse(404, inLanguage(lang, "no such path: " + path + " (the API is under " + std::string(kParksPrefix) + ")",
                                       "没有此路径：" + path + "（API 位于 " + std::string(kParksPrefix) + " 之下）"));
}

}  // namespace

ApiResponse errorResponse(int status, const std::string& message) {
  return {status, json{{"error", message}, {"status", status}}.dump()};
}

std::string languageOf(std::string_view acceptLanguage) {
  std::string_view first = acceptLanguage;
  first = first.substr(0, first.find_first_of(",;"));
  while (!first.empty() && first.front() == ' ') first.remove_prefix(1);
  const bool chinese = first.size() >= 2 && (first[0] | 0x20) == 'z' && (first[1] | 0x20) == 'h' &&
                       (first.size() == 2 || first[2] == '-' || first[2] == ' ');
  return chinese ? "zh" : "en";
}

// A request's path, decoded; one with a bad escape is taken as written (and names no resource).
std::string requestPath(std::string_view target) {
  const std::string_view path = target.substr(0, target.find('?'));
  return percentDecoded(path).value_or(std::string(path));
}

Result<std::map<std::string, std::string>> parseQuery(std::string_view query, std::string_view language) {
  std::map<std::string, std::string> out;
  std::size_t start = 0;
  while (start < query.size()) {
    auto amp = query.find('&', start);
    if (amp == std::string_view::npos) amp = query.size();
    const std::string_view item = query.substr(start, amp - start);
    start = amp + 1;
    if (item.empty()) continue;
    const auto eq = item.find('=');
    const auto key = percentDecoded(item.substr(0, eq), PlusSign::space);
    const auto value = eq == std::string_view::npos ? std::optional<std::string>("") : percentDecoded(item.substr(eq + 1), PlusSign::space);
    if (!key || !value) {
      return fail(ErrorCode::invalid_input, inLanguage(language, "query: bad percent escape in \"" + std::string(item) + "\"",
                                                       "查询：“" + std::string(item) + "”中的百分号转义有误"));
    }
    out[*key] = *value;
  }
  return out;
}

Result<User> Api::authenticate(const std::string& authorization, const std::string& queryToken, const std::string& lang,
                               ApiResponse& refusal) const {
  if (c_.config.users.empty()) return User{"local", Role::admin, {}};  // loopback only (checkExposure)
  std::string token = queryToken;
  if (!authorization.empty()) {
    constexpr std::string_view bearer = "Bearer ";
    if (!authorization.starts_with(bearer)) {
      refusal = errorResponse(401, inLanguage(lang, "Authorization: expected \"Bearer <token>\"", "Authorization：应为“Bearer <令牌>”"));
      return fail(ErrorCode::invalid_input, "bad authorization");
    }
    token = authorization.substr(bearer.size());
  }
  if (token.empty()) {
    refusal = errorResponse(401, inLanguage(lang, "no token: send \"Authorization: Bearer <token>\"",
                                            "没有令牌：请发送“Authorization: Bearer <令牌>”"));
    return fail(ErrorCode::invalid_input, "no token");
  }
  const std::string hash = sha256Hex(token);
  for (const auto& user : c_.config.users) {
    if (user.token_sha256 == hash) return user;
  }
  refusal = errorResponse(401, inLanguage(lang, "unknown token", "未知的令牌"));
  return fail(ErrorCode::invalid_input, "unknown token");
}

ApiResponse Api::handle(const ApiRequest& request) {
  const std::string lang = languageOf(request);
  const auto question = request.target.find('?');
  const std::string path = requestPath(request.target);
  auto query = parseQuery(question == std::string::npos ? std::string_view() : std::string_view(request.target).substr(question + 1), lang);
  if (!query) return errorResponse(400, query.error().message);
  ApiResponse refusal;
  const auto token = query->find("token");
  auto user = authenticate(request.authorization, token == query->end() ? std::string() : token->second, lang, refusal);
  if (!user) return refusal;
  return route(request, path, *query, *user, lang);
}

std::optional<HistoryRead> Api::historyReadOf(const ApiRequest& request) {
  if (request.method != "GET") return std::nullopt;
  const std::string_view path = std::string_view(request.target).substr(0, request.target.find('?'));
  if (!path.starts_with(kParksPrefix)) return std::nullopt;
  if (path.ends_with("/state")) return HistoryRead::state;
  if (path.ends_with("/series")) return HistoryRead::series;
  return std::nullopt;
}

Result<User> Api::authorizeLive(const ApiRequest& request, ApiResponse& refusal) {
  const std::string lang = languageOf(request);
  const auto question = request.target.find('?');
  const std::string path = requestPath(request.target);
  auto query = parseQuery(question == std::string::npos ? std::string_view() : std::string_view(request.target).substr(question + 1), lang);
  if (!query) {
    refusal = errorResponse(400, query.error().message);
    return fail(ErrorCode::invalid_input, refusal.body);
  }
  const auto parts = splitPath(path);
  if (parts.size() != 5 || parts[0] != "api" || parts[1] != "v1" || parts[2] != "parks" || parts[4] != "live" ||
      parts[3] != c_.park.id) {
    const std::string live = "/api/v1/parks/" + c_.park.id + "/live";
    refusal = errorResponse(404, inLanguage(lang, "no WebSocket at " + path + "; the live stream is " + live,
                                            path + " 处没有 WebSocket；实时数据流在 " + live));
    return fail(ErrorCode::not_found, refusal.body);
  }
  const auto token = query->find("token");
  return authenticate(request.authorization, token == query->end() ? std::string() : token->second, lang, refusal);
}

ApiResponse Api::route(const ApiRequest& request, const std::string& path, const Query& query, const User& user,
                       const std::string& lang) {
  const auto parts = splitPath(path);
  const bool get = request.method == "GET";
  if (path == kSessionPath) {
    // Who the token is and what its role may do: a desk disables what would be refused.
    if (!get) return methodNotAllowed(request.method, path, "GET", lang);
    return {200, sessionJson(user).dump()};
  }
  if (parts.size() < 3 || parts[0] != "api" || parts[1] != "v1" || parts[2] != "parks") {
    return noSuchPath(path, lang);
  }
  if (parts.size() == 3) {
    if (!get) return methodNotAllowed(request.method, path, "GET", lang);
    return {200, json::array({{{"id", c_.park.id}, {"name_en", c_.park.name.en}, {"name_zh", c_.park.name.zh}}}).dump()};
  }
  if (parts[3] != c_.park.id) {
    return errorResponse(404, inLanguage(lang, "no park \"" + parts[3] + "\"; this server serves \"" + c_.park.id + "\"",
                                         "没有园区“" + parts[3] + "”；本服务器服务的是“" + c_.park.id + "”"));
  }
  const std::string what = parts.size() > 4 ? parts[4] : std::string();
  const auto needs = [&](Action action) -> std::optional<ApiResponse> {
    if (mayDo(user.role, action)) return std::nullopt;
    const ActionRule& rule = ruleOf(action);
    const std::string has(toText(user.role)), needed(toText(rule.needs)), en(rule.en), zh(rule.zh);
    return errorResponse(403, inLanguage(lang, "user \"" + user.name + "\" (" + has + ") may not " + en + "; that needs the role " + needed,
                                         "用户“" + user.name + "”（" + has + "）无权" + zh + "；这需要角色 " + needed));
  };
  if (parts.size() == 5 && (what == "park" || what == "state" || what == "series" || what == "spans" || what == "events" ||
                            what == "history" || what == "alarms" || what == "flows" || what == "live")) {
    if (!get) return methodNotAllowed(request.method, path, "GET", lang);
    if (what == "park") return {200, c_.park_file_text};
    if (what == "state") return state(query, lang);
    if (what == "series") return series(query, lang);
    if (what == "spans") return spans(query, lang);
    if (what == "events") return events(query, lang);
    if (what == "history") return history(lang);
    if (what == "alarms") return {200, c_.live.alarmsJson().dump()};
    if (what == "flows") return flows(query, lang);
    return errorResponse(426, inLanguage(lang, path + " is a WebSocket: connect with an Upgrade: websocket request",
                                         path + " 是 WebSocket：请用 Upgrade: websocket 请求连接"));
  }
  if (what == "models") {
    if (!get) return methodNotAllowed(request.method, path, "GET", lang);
    return parts.size() == 5 ? modelList() : parts.size() >= 7 ? modelFile(parts, lang) : noSuchPath(path, lang);
  }
  if (parts.size() == 5 && what == "sources") {
    // Its errors name the plant's hosts and ports: for operators, not every wall display.
    if (!get) return methodNotAllowed(request.method, path, "GET", lang);
    if (auto refused = needs(Action::see_sources)) return *refused;
    return {200, (c_.sources ? c_.sources(lang) : json{{"sources", json::array()}}).dump()};
  }
  if (parts.size() == 7 && what == "alarms" && parts[6] == "ack") {
    if (request.method != "POST") return methodNotAllowed(request.method, path, "POST", lang);
    if (auto refused = needs(Action::acknowledge_alarms)) return *refused;
    return acknowledge(parts[5], request.body, user, lang);
  }
  if (parts.size() == 5 && what == "scenarios") {
    if (request.method != "POST") return methodNotAllowed(request.method, path, "POST", lang);
    if (auto refused = needs(Action::run_scenarios)) return *refused;
    return submitScenario(request.body, user, lang);
  }
  if (parts.size() == 6 && what == "scenarios") {
    if (!get) return methodNotAllowed(request.method, path, "GET", lang);
    auto status = c_.scenarios.status(parts[5]);
    if (!status) return errorResponse(404, inLanguage(lang, "no scenario run \"" + parts[5] + "\"", "没有情景运行“" + parts[5] + "”"));
    return {200, status->dump()};
  }
  return noSuchPath(path, lang);
}

}  // namespace parktwin::server
