#include "permissions.hpp"

#include <nlohmann/json.hpp>

namespace parktwin::server {

namespace {
constexpr bool rowsInActionOrder() {
  for (std::size_t i = 0; i < kActionRules.size(); ++i) {
    if (static_cast<std::size_t>(kActionRules[i].action) != i) return false;
  }
  return true;
}
static_assert(rowsInActionOrder(), "kActionRules: one row per Action, in the enum's order");
}  // namespace

const ActionRule& ruleOf(Action action) { return kActionRules[static_cast<std::size_t>(action)]; }

bool mayDo(Role role, Action action) { return role >= ruleOf(action).needs; }

nlohmann::json sessionJson(const User& user) {
  nlohmann::json may = nlohmann::json::object(), needs = nlohmann::json::object();
  for (const auto& rule : kActionRules) {
    may[std::string(rule.key)] = mayDo(user.role, rule.action);
    needs[std::string(rule.key)] = std::string(toText(rule.needs));
  }
  return {{"user", user.name}, {"role", std::string(toText(user.role))}, {"may", may}, {"needs", needs}};
}

}  // namespace parktwin::server
