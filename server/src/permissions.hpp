#pragma once
// What each role may do beyond reading (docs/server.md "Roles and tokens"): the one table the
// API enforces (Api::route answers 403 where a user's role is too low) and the one it tells a
// client (GET /api/v1/session), so a desk greys out what its server would refuse.
#include <array>
#include <nlohmann/json_fwd.hpp>
#include <string_view>

#include "server_config.hpp"

namespace parktwin::server {

enum class Action { see_sources, acknowledge_alarms, run_scenarios };

struct ActionRule {
  Action action;
  Role needs;             // this role and every one after it
  std::string_view key;   // in GET /api/v1/session's "may"
  std::string_view en;    // "user ... may not <en>"
  std::string_view zh;    // "用户……无权<zh>"
};

inline constexpr std::array<ActionRule, 3> kActionRules{{
    {Action::see_sources, Role::operator_, "see_sources", "see the plant sources", "查看厂区数据源"},
    {Action::acknowledge_alarms, Role::operator_, "acknowledge", "acknowledge alarms", "确认报警"},
    {Action::run_scenarios, Role::planner, "run_scenarios", "run scenarios", "运行情景"},
}};

const ActionRule& ruleOf(Action action);
bool mayDo(Role role, Action action);
// GET /api/v1/session: {"user": ..., "role": ..., "may": {key: bool, ...}, "needs": {key: role, ...}}.
nlohmann::json sessionJson(const User& user);

}  // namespace parktwin::server
