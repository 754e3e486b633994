#pragma once
// Percent-decoding (RFC 3986 section 2.1), the one decoder for every place text arrives
// percent-encoded: a store URI's user and password, the API server's request paths and
// queries, and the file names a glTF model's uris give. Each caller says what a bad escape means
// to it (a refused URI, a refused query, a file name taken as written).
#include <optional>
#include <string>
#include <string_view>

namespace parktwin {

enum class PlusSign { literal, space };  // '+' is a space only in a query (HTML forms)

// `text` with each %XX replaced by its byte; nullopt when a '%' is not followed by two hex
// digits.
std::optional<std::string> percentDecoded(std::string_view text, PlusSign plus = PlusSign::literal);

}  // namespace parktwin
