// libcurl under the ClickHouse store. curl_global_init is not thread-safe before 7.84, so it
// runs once under a static initialiser before the first handle.
#include "clickhouse_http.hpp"

#include <curl/curl.h>

namespace parktwin::store::clickhouse {
namespace {

struct CurlGlobal {
  CurlGlobal() { curl_global_init(CURL_GLOBAL_DEFAULT); }
};

size_t collect(char* data, size_t size, size_t count, void* target) {
  static_cast<std::string*>(target)->append(data, size * count);
  return size * count;
}

std::string urlEncode(CURL* curl, const std::string& text) {
  char* escaped = curl_easy_escape(curl, text.data(), static_cast<int>(text.size()));
  std::string out = escaped ? escaped : "";
  curl_free(escaped);
  return out;
}

// ClickHouse's error bodies end with a newline and a C++ exception type; the first lines are
// what a person needs.
std::string trimmedError(std::string body) {
  while (!body.empty() && (body.back() == '\n' || body.back() == ' ')) body.pop_back();
  constexpr std::size_t kMax = 600;
  if (body.size() > kMax) body = body.substr(0, kMax) + "...";
  return body;
}

}  // namespace

HttpClient::HttpClient(std::string host, int port, std::string database, std::string user, std::string password)
    : host_(std::move(host)), port_(port), database_(std::move(database)), user_(std::move(user)), password_(std::move(password)) {
  static CurlGlobal global;
  curl_ = curl_easy_init();
  if (curl_ && !user_.empty()) {
    curl_easy_setopt(static_cast<CURL*>(curl_), CURLOPT_HTTPAUTH, static_cast<long>(CURLAUTH_BASIC));
    curl_easy_setopt(static_cast<CURL*>(curl_), CURLOPT_USERNAME, user_.c_str());
    curl_easy_setopt(static_cast<CURL*>(curl_), CURLOPT_PASSWORD, password_.c_str());
  }
}

namespace {
// ClickHouse's codes for an unknown user (192), a wrong password (193) and 20.x's combined
// authentication failure (516): the one thing a person must change is the user or password.
bool refusedCredentials(const std::string& body) {
  for (const char* code : {"Code: 192,", "Code: 193,", "Code: 516,"}) {
    if (body.find(code) != std::string::npos) return true;
  }
  return false;
}
}  // namespace

HttpClient::~HttpClient() { curl_easy_cleanup(static_cast<CURL*>(curl_)); }

HttpReply HttpClient::post(const std::string& url, const std::string& body, std::string& transportError) {
  CURL* curl = static_cast<CURL*>(curl_);
  HttpReply reply;
  curl_easy_setopt(curl, CURLOPT_URL, url.c_str());
  curl_easy_setopt(curl, CURLOPT_POST, 1L);
  curl_easy_setopt(curl, CURLOPT_POSTFIELDS, body.data());
  curl_easy_setopt(curl, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(body.size()));
  curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, collect);
  curl_easy_setopt(curl, CURLOPT_WRITEDATA, &reply.body);
  // A node that is away must come back as an error in seconds, never as a hang.
  curl_easy_setopt(curl, CURLOPT_CONNECTTIMEOUT_MS, 3000L);
  curl_easy_setopt(curl, CURLOPT_TIMEOUT_MS, 60'000L);
  curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
  const CURLcode code = curl_easy_perform(curl);
  if (code != CURLE_OK) {
    transportError = curl_easy_strerror(code);
    return reply;
  }
  curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &reply.status);
  return reply;
}

Result<std::string> HttpClient::run(const std::string& sql, const std::string& body,
                                    const std::vector<std::string>& settings) {
  if (!curl_) return fail(ErrorCode::io, base() + ": cannot create a libcurl handle");
  std::string url = base() + "?database=" + database_;
  for (const auto& s : settings) url += "&" + s;
  if (!body.empty()) url += "&query=" + urlEncode(static_cast<CURL*>(curl_), sql);
  std::string transportError;
  const HttpReply reply = post(url, body.empty() ? sql : body, transportError);
  if (reply.status == 0) return fail(ErrorCode::io, base() + ": " + transportError);
  if (reply.status != 200 && refusedCredentials(reply.body)) {
    return fail(ErrorCode::failed, base() + ": ClickHouse refused the user '" + (user_.empty() ? "default" : user_) +
                                       "' (wrong user or password; give them as clickhouse://USER:PASSWORD@HOST:PORT/DB "
                                       "or in PARKTWIN_CLICKHOUSE_USER and PARKTWIN_CLICKHOUSE_PASSWORD): " +
                                       trimmedError(reply.body));
  }
  if (reply.status != 200) return fail(ErrorCode::failed, base() + ": " + trimmedError(reply.body));
  return reply.body;
}

std::string escapeTsv(std::string_view field) {
  std::string out;
  out.reserve(field.size());
  for (const char c : field) {
    switch (c) {
      case '\\': out += "\\\\"; break;
      case '\t': out += "\\t"; break;
      case '\n': out += "\\n"; break;
      default: out += c;
    }
  }
  return out;
}

std::string unescapeTsv(std::string_view field) {
  std::string out;
  out.reserve(field.size());
  for (std::size_t i = 0; i < field.size(); ++i) {
    if (field[i] != '\\' || i + 1 == field.size()) {
      out += field[i];
      continue;
    }
    const char next = field[++i];
    switch (next) {
      case 't': out += '\t'; break;
      case 'n': out += '\n'; break;
      case 'r': out += '\r'; break;
      case '0': out += '\0'; break;
      case 'b': out += '\b'; break;
      case 'f': out += '\f'; break;
      default: out += next;  // \\, \', and any other escaped character stand for themselves
    }
  }
  return out;
}

std::vector<std::vector<std::string>> parseTsv(std::string_view text) {
  std::vector<std::vector<std::string>> rows;
  while (!text.empty()) {
    const auto eol = text.find('\n');
    std::string_view line = text.substr(0, eol);
    text = eol == std::string_view::npos ? std::string_view{} : text.substr(eol + 1);
    std::vector<std::string> fields;
    while (true) {
      const auto tab = line.find('\t');
      fields.push_back(unescapeTsv(line.substr(0, tab)));
      if (tab == std::string_view::npos) break;
      line = line.substr(tab + 1);
    }
    rows.push_back(std::move(fields));
  }
  return rows;
}

std::string quoteSql(std::string_view text) {
  std::string out = "'";
  for (const char c : text) {
    if (c == '\\' || c == '\'') out += '\\';
    out += c;
  }
  return out + "'";
}

}  // namespace parktwin::store::clickhouse
