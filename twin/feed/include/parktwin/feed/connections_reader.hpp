#pragma once
// Reading the connections file (parktwin-connections/1, docs/connections.md) strictly, as the
// park reader does: every problem with its JSON path, all of them at once, unknown keys refused.
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "parktwin/common/result.hpp"
#include "parktwin/feed/connections.hpp"
#include "parktwin/model/park.hpp"

namespace parktwin::feed {

// The error's message has one line per problem: "<source>: /sources/2/points/0/type: expected
// one of int16, ..., got \"int64\"", in `language` ("zh" or "en", model::problemText) where a
// problem has Chinese words (text that is no JSON, a missing or wrong value, an unknown key).
Result<Connections> parseConnections(const std::string& text, const std::string& source, std::string_view language = "en");
Result<Connections> loadConnections(const std::filesystem::path& file, std::string_view language = "en");

// The file against its park: the park id matches, every mapped tag exists (a tag pattern with
// {parts} is checked when a message resolves it) and a given unit equals the tag's. One line
// per problem, with the mapping's JSON path, in `language` ("zh" or "en"); an empty list means
// the two fit.
std::vector<std::string> problemsAgainstPark(const Connections& connections, const model::Park& park,
                                             std::string_view language = "en");

// Every value mapping of `source` with its JSON path below the source ("/points/0",
// "/subscriptions/1/values/0", "/subscriptions/1/readings"), in file order: what each kind of
// source feeds, for the rules and tools that look at all of them alike.
void forEachMapping(const Source& source, const std::function<void(const ValueMapping&, const std::string& path)>& visit);

// The named parts of a tag pattern, in order: "{line}.{key}" -> {"line", "key"}. An unclosed
// '{' or an empty name makes the pattern invalid (nullopt).
std::optional<std::vector<std::string>> tagPatternParts(std::string_view pattern);

}  // namespace parktwin::feed
