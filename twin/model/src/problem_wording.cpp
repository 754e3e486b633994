#include "parktwin/model/problem_wording.hpp"

#include <initializer_list>

namespace parktwin::model {
namespace {

// One problem's words in both languages, side by side so that they cannot drift apart; %1..%4
// stand for the wording's arguments (as in Qt's translations, which these replace).
struct Words {
  const char* en;
  const char* zh;
};

// `pattern` with %1..%9 replaced by `args`, in one pass: an argument that holds "%1" (a quoted
// value from the file) stays as written.
std::string fill(std::string_view pattern, std::initializer_list<std::string_view> args) {
  std::string out;
  for (std::size_t i = 0; i < pattern.size(); ++i) {
    const bool placeholder = pattern[i] == '%' && i + 1 < pattern.size() && pattern[i + 1] >= '1' &&
                             pattern[i + 1] <= '9' && std::size_t(pattern[i + 1] - '1') < args.size();
    if (!placeholder) {
      out += pattern[i];
      continue;
    }
    out += *(args.begin() + (pattern[i + 1] - '1'));
    ++i;
  }
  return out;
}

std::string_view pick(const Words& words, bool zh) { return zh ? words.zh : words.en; }

Words expectedWords(const ProblemWording& w) {
  switch (w.expected) {
    case Expected::none: return {"", ""};
    case Expected::custom: return {"%1", "%1"};  // the reader's own phrase, English only
    case Expected::object: return {"an object", "对象"};
    case Expected::string: return {"a string", "字符串"};
    case Expected::identifier:
      return w.code == ProblemCode::missing
                 ? Words{"an identifier", "标识符"}
                 : Words{"an identifier of lower-case letters, digits, '_', '-' or '.'", "由小写字母、数字、“_”、“-”或“.”组成的标识符"};
    case Expected::one_of: return {"one of %1", "以下之一：%1"};
    case Expected::any_listed: return {"one of the listed values", "所列的值之一"};
    case Expected::number: return {"a number", "数字"};
    case Expected::number_between: return {"a number between %1 and %2", "介于 %1 到 %2 之间的数字"};
    case Expected::positive: return {"a positive number", "正数"};
    case Expected::non_negative: return {"a number >= 0", "不小于 0 的数字"};
    case Expected::integer: return {"an integer", "整数"};
    case Expected::integer_between: return {"an integer between %1 and %2", "介于 %1 到 %2 之间的整数"};
    case Expected::boolean: return {"true or false", "true 或 false"};
    case Expected::array: return {"an array", "数组"};
  }
  return {"", ""};
}

std::string expectedIn(const ProblemWording& w, bool zh) { return fill(pick(expectedWords(w), zh), {w.first, w.second}); }

// The validator's rules (validate.cpp and its halves). %1..%4: first..fourth; got comes last
// where a rule names it (see the enum).
Words ruleWords(ProblemCode code) {
  switch (code) {
    case ProblemCode::empty_name: return {"expected a non-empty name", "名称不能为空"};
    case ProblemCode::model_uri_missing:
      return {"expected the path of a glTF 2.0 file (.glb or .gltf)", "应为 glTF 2.0 文件（.glb 或 .gltf）的路径"};
    case ProblemCode::model_not_gltf:
      return {"expected a glTF 2.0 file (.glb or .gltf), got %5; convert other formats with parktwin-cli model convert",
              "应为 glTF 2.0 文件（.glb 或 .gltf），实际为 %5；其他格式请先用 parktwin-cli model convert 转换"};
    case ProblemCode::too_few_points: return {"expected at least %1 points, got %5", "应至少有 %1 个点，实际为 %5 个"};
    case ProblemCode::rows_over_count: return {"expected at most count (%1) rows, got %5", "行数应不超过数量（%1），实际为 %5"};
    case ProblemCode::unknown_time_zone:
      return {"%6", "时区“%1”：应为 IANA 时区名，如“Asia/Shanghai”"};  // English: the time-zone reader's words
    case ProblemCode::storage_without_capacity: return {"expected a positive storage capacity for %1", "%1 应有正的储能容量"};
    case ProblemCode::yield_of_non_pv:
      return {"applies to pv utilities only; for %1 give annual_energy_kwh", "仅适用于光伏（pv）设施；%1 请给出 annual_energy_kwh"};
    case ProblemCode::model_of_housed_utility:
      return {"a utility housed in building \"%1\" is drawn with its building, so its model is not drawn: put the model on "
              "building \"%1\" or remove \"building\"",
              "位于建筑“%1”中的设施随其建筑一起绘制，因此不会绘制它自己的模型：请把模型放到建筑“%1”上，或删除“building”"};
    case ProblemCode::alarm_without_limit: return {"expected \"above\" or \"below\" (or both)", "应给出“above”或“below”（或两者都给）"};
    case ProblemCode::alarm_below_not_under_above: return {"expected below < above, got %5", "应满足 below < above，实际 below 为 %5"};
    case ProblemCode::duplicate_id: return {"duplicate id \"%1\" (first used at %2)", "重复的 id“%1”（首次用于 %2）"};
    case ProblemCode::missing_enterprise: return {"refers to enterprise \"%1\", which does not exist", "引用的企业“%1”不存在"};
    case ProblemCode::missing_zone: return {"refers to zone \"%1\", which does not exist", "引用的区域“%1”不存在"};
    case ProblemCode::missing_building: return {"refers to building \"%1\", which does not exist", "引用的建筑“%1”不存在"};
    case ProblemCode::missing_object: return {"refers to object \"%1\", which does not exist", "引用的对象“%1”不存在"};
    case ProblemCode::missing_tag: return {"refers to tag \"%1\", which does not exist", "引用的测点“%1”不存在"};
    case ProblemCode::grid_outside_building:
      return {"expected the machine grid (%1 at offset %2) to fit inside building \"%3\" (%4)",
              "设备网格（%1，偏移 %2）应位于建筑“%3”（%4）之内"};
    case ProblemCode::link_to_itself: return {"expected a different node than \"from\"", "应为与“from”不同的节点"};
    case ProblemCode::json_empty: return {"%1: the file is empty; expected JSON", "%1: 文件为空；应为 JSON"};
    case ProblemCode::json_unexpected:
      return {"%1: not valid JSON at line %2, column %3: unexpected '%4'", "%1: 不是有效的 JSON：第 %2 行第 %3 列出现意外的“%4”"};
    case ProblemCode::json_unexpected_byte:
      return {"%1: not valid JSON at line %2, column %3: unexpected byte %4", "%1: 不是有效的 JSON：第 %2 行第 %3 列出现意外的字节 %4"};
    case ProblemCode::json_ends_early:
      return {"%1: not valid JSON at line %2, column %3: the text ends before the JSON does",
              "%1: 不是有效的 JSON：文本在第 %2 行第 %3 列就结束了，JSON 尚未完整"};
    case ProblemCode::json_number_overflow:
      return {"%1: not valid JSON: a number beyond the range of a double (number overflow)",
              "%1: 不是有效的 JSON：有数字超出双精度浮点数的范围（数值溢出）"};
    case ProblemCode::json_invalid: return {"%1: not valid JSON", "%1: 不是有效的 JSON"};
    case ProblemCode::file_is_folder: return {"%1: is a directory, not a %2", "%1: 是文件夹，不是%3"};
    case ProblemCode::file_unreadable: return {"%1: cannot open the %2", "%1: 无法打开%3"};
    default: return {"%6", "%6"};
  }
}

}  // namespace

std::string expectedText(const ProblemWording& w) { return expectedIn(w, false); }

std::string problemText(const ProblemWording& w, std::string_view language) {
  const bool zh = language == "zh";
  switch (w.code) {
    case ProblemCode::other: return zh && !w.text_zh.empty() ? w.text_zh : w.text;
    case ProblemCode::unknown_key:  // first: the key the reader knows that was most likely meant, if any
      if (w.first.empty()) return zh ? "未知的键" : "unknown key";
      return fill(zh ? "未知的键；是否应为“%1”？" : "unknown key; did you mean \"%1\"?", {w.first});
    case ProblemCode::missing: return fill(zh ? "缺失；应为%1" : "missing; expected %1", {expectedIn(w, zh)});
    case ProblemCode::wrong_value: return fill(zh ? "应为%1，实际为 %2" : "expected %1, got %2", {expectedIn(w, zh), w.got});
    default: return fill(pick(ruleWords(w.code), zh), {w.first, w.second, w.third, w.fourth, w.got, w.text});
  }
}

std::string problemText(const ProblemWording& w) { return problemText(w, "en"); }

}  // namespace parktwin::model
