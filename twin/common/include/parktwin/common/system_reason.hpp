#pragma once
// Why the system refused a file operation, for a person: the common reasons in Chinese where
// `language` is "zh", the rest (and every reason in English) as the system words them. Used by
// every writer that names a file it cannot write (park files, scenario reports).
#include <string>
#include <string_view>
#include <system_error>

namespace parktwin {

std::string systemReasonText(const std::error_code& reason, std::string_view language);

}  // namespace parktwin
