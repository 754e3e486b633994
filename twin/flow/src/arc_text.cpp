#include "parktwin/flow/arc_text.hpp"

#include "parktwin/model/kinds.hpp"

namespace parktwin::flow {
namespace {

// A link's product (material) or carrier (energy) as people read it under zh: "铝液", "电力";
// a word outside both vocabularies as the file writes it.
std::string productName(const std::string& word, std::string_view language) {
  if (language != "zh") return word;
  if (const auto product = model::parseKind<model::Product>(word)) return std::string(model::displayName(*product, language));
  if (const auto carrier = model::parseKind<model::Carrier>(word)) return std::string(model::displayName(*carrier, language));
  return word;
}

}  // namespace

std::string nodeName(const FlowNetwork& network, int node, const model::Park* park, std::string_view language) {
  const FlowNode& n = network.nodes[static_cast<std::size_t>(node)];
  if (park == nullptr || language != "zh") return n.name;
  const std::string zh = model::objectName(*park, n.id.substr(0, n.id.find('#')), "zh");
  return zh.empty() ? n.name : zh;
}

std::string describeArc(const FlowNetwork& network, int arc, const model::Park* park, std::string_view language) {
  const FlowArc& a = network.arcs[static_cast<std::size_t>(arc)];
  const std::string from = nodeName(network, a.from, park, language);
  const std::string to = nodeName(network, a.to, park, language);
  const bool zh = language == "zh";
  // A lossy link's losses are a demand at its sending end ("loss:<link>"): named by their link.
  if (a.loss) {
    const std::string link = a.id.substr(a.id.find(':') + 1);
    return zh ? "连接 " + link + " 的损耗（在" + from + "处计）" : "losses of link " + link + " (drawn at " + from + ")";
  }
  switch (a.kind) {
    case ArcKind::supply: return (zh ? "供应：" : "supply of ") + to;
    case ArcKind::demand: return (zh ? "需求：" : "demand of ") + from;
    case ArcKind::throughput: return (zh ? "产能：" : "capacity of ") + from;
    case ArcKind::link: break;
  }
  const std::string product = productName(a.product, language);
  if (zh) return "连接 " + a.id + "：" + from + " -> " + to + (product.empty() ? "" : "（" + product + "）");
  return "link " + a.id + ": " + from + " -> " + to + (product.empty() ? "" : " (" + product + ")");
}

}  // namespace parktwin::flow
