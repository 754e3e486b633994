#pragma once
// A solved network's nodes and arcs in words people read, in English or Chinese: the one place
// that words them (FlowNetwork::describeArc is the English of it; `parktwin-cli flows` asks
// for the user's language). Objects are named as the park names them in that language
// (model::objectName), as the window names them; the network's own English names otherwise.
#include <string>
#include <string_view>

#include "parktwin/flow/network.hpp"
#include "parktwin/model/park.hpp"

namespace parktwin::flow {

// Node `node`'s name in `language` ("zh" or "en"): the park object's Chinese name under zh
// where the park gives one (a split line's "#out" half is its line), else the node's English
// name. `park` may be null: then the English name.
std::string nodeName(const FlowNetwork& network, int node, const model::Park* park, std::string_view language);

// "link m1: Smelter -> Youlisen (molten_aluminium)", "supply of Potline 1", "capacity of
// Qineng casthouse", "losses of link e3 (drawn at Substation)"; under zh "连接 m1：电解车间 ->
// 友利森（铝液）", "供应：电解一系列", ... with the product or carrier by its Chinese name.
std::string describeArc(const FlowNetwork& network, int arc, const model::Park* park, std::string_view language);

}  // namespace parktwin::flow
