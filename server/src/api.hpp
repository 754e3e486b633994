#pragma once
// The HTTP API of parktwin-server without the network: a request (method, target, token,
// body) in, a status and a JSON body out. The Beast layer (http_server.cpp) only moves bytes;
// routing, authentication, roles and every endpoint are here.
#include <cstdint>
#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "history_adapter.hpp"
#include "live_hub.hpp"
#include "parktwin/common/result.hpp"
#include "parktwin/model/model_files.hpp"
#include "parktwin/model/park.hpp"
#include "read_placement.hpp"
#include "scenario_queue.hpp"
#include "server_config.hpp"

namespace parktwin::server {

struct ApiRequest {
  std::string method;         // "GET", "POST", ...
  std::string target;         // path and query, still percent-encoded
  std::string authorization;  // the Authorization header, may be empty
  std::string body;
  std::string accept_language{};  // the Accept-Language header: "zh-CN,zh;q=0.9" asks for Chinese
};

// The language a request asks for by its Accept-Language header's first tag: "zh" for any
// Chinese ("zh", "zh-CN", "zh-Hans"), else "en". The one rule: every error body the server
// writes (the API's and the HTTP layer's) is worded in the language it gives.
std::string languageOf(std::string_view acceptLanguage);
inline std::string languageOf(const ApiRequest& request) { return languageOf(request.accept_language); }
// `en` or `zh`, whichever `language` (languageOf) asks for.
inline std::string inLanguage(std::string_view language, std::string en, std::string zh) {
  return language == "zh" ? std::move(zh) : std::move(en);
}

struct ApiResponse {
  int status = 200;
  std::string body;  // JSON, or a model file's bytes (content_type says which)
  // Or, instead of body, an answer the AnswerCache keeps: sent from there, not copied (a
  // series answer is about 80 kB).
  std::shared_ptr<const std::string> kept_body = nullptr;
  std::string content_type = "application/json; charset=utf-8";
  std::string_view text() const { return kept_body ? std::string_view(*kept_body) : std::string_view(body); }
};

struct ApiContext {
  const model::Park& park;
  std::string park_file_text;
  const ServerConfig& config;
  HistoryAdapter& history;
  LiveHub& live;
  ScenarioQueue& scenarios;
  std::function<std::int64_t()> now_ms;  // wall clock (a test may fix it)
  // GET .../sources: the plant sources of --connections and how each is doing (empty: none),
  // their errors in the request's language ("en" or "zh", Accept-Language).
  std::function<nlohmann::json(std::string_view language)> sources;
  // GET .../models: the files of each model the park names (model::modelFileSets), the only
  // files of this disk the server sends.
  std::vector<model::ModelFileSet> models = {};
};

using Query = std::map<std::string, std::string>;

// The query of a target, percent-decoded ('+' a space); fails on a bad escape, worded in `language`.
Result<Query> parseQuery(std::string_view query, std::string_view language = "en");
// The path of a request target, percent-decoded; taken as written where an escape is bad.
std::string requestPath(std::string_view target);

class Api {
 public:
  explicit Api(ApiContext context) : c_(std::move(context)) {}

  ApiResponse handle(const ApiRequest& request);
  // GET .../state or .../series: reads of one store read and its encoding, which the HTTP layer
  // answers on its network threads while they are quick (ReadPlacement); nothing for the rest.
  static std::optional<HistoryRead> historyReadOf(const ApiRequest& request);
  // A WebSocket upgrade to `target`: the user, or the response refusing it (401, 403, 404).
  // The token comes from the Authorization header or ?token= (browsers cannot set headers).
  Result<User> authorizeLive(const ApiRequest& request, ApiResponse& refusal);

 private:
  // Every `lang` below is languageOf(request): the language of the refusals written.
  Result<User> authenticate(const std::string& authorization, const std::string& queryToken, const std::string& lang,
                            ApiResponse& refusal) const;
  ApiResponse route(const ApiRequest& request, const std::string& path, const Query& query, const User& user,
                    const std::string& lang);
  ApiResponse state(const Query& query, const std::string& lang);
  ApiResponse series(const Query& query, const std::string& lang);
  ApiResponse spans(const Query& query, const std::string& lang);
  ApiResponse events(const Query& query, const std::string& lang);
  ApiResponse history(const std::string& lang);
  ApiResponse acknowledge(const std::string& ruleId, const std::string& body, const User& user, const std::string& lang);
  ApiResponse flows(const Query& query, const std::string& lang);
  ApiResponse submitScenario(const std::string& body, const User& user, const std::string& lang);
  ApiResponse modelList() const;
  ApiResponse modelFile(const std::vector<std::string>& parts, const std::string& lang) const;

  ApiContext c_;
};

ApiResponse errorResponse(int status, const std::string& message);

}  // namespace parktwin::server
