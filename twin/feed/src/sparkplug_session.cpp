#include "sparkplug_session.hpp"

#include <cmath>

namespace parktwin::feed::detail {
namespace {

std::string key(std::string_view device, std::string_view name) {
  std::string k(device);
  k += '\0';
  k += name;
  return k;
}

std::string nodeName(const SparkplugTopic& topic) {
  std::string name = topic.group_id + "/" + topic.edge_node_id;
  if (!topic.device_id.empty()) name += "/" + topic.device_id;
  return name;
}

}  // namespace

SparkplugSession::SparkplugSession(const SparkplugSource& config) : config_(config) {
  for (const auto& metric : config_.metrics) mapped_[key(metric.device, metric.metric)].push_back(&metric.mapping);
}

void SparkplugSession::problem(SourceError text) {
  ++counters_.errors;
  noteError(counters_, std::move(text));
}

void SparkplugSession::askRebirth(std::int64_t now_ms, SparkplugEffects& out) {
  if (!config_.request_rebirth) return;
  // One request per interval: an edge node answers with its births, and the data that keeps
  // coming meanwhile must not turn into a flood of commands.
  if (lastRebirthRequest_ms_ && now_ms - *lastRebirthRequest_ms_ < kRebirthInterval_ms && now_ms >= *lastRebirthRequest_ms_) return;
  lastRebirthRequest_ms_ = now_ms;
  out.requestRebirth = true;
}

SparkplugEffects SparkplugSession::onMessage(std::string_view topicText, std::string_view payloadBytes, std::int64_t now_ms) {
  SparkplugEffects out;
  auto topic = parseSparkplugTopic(topicText);
  if (!topic) {
    // Worded again in Chinese only now that it failed: a good message pays nothing for it.
    problem({topic.error().message, parseSparkplugTopic(topicText, "zh").error().message});
    return out;
  }
  // Commands are what hosts (we among them) send to the node, not what it reports.
  if (topic->type == SparkplugMessageType::ncmd || topic->type == SparkplugMessageType::dcmd) return out;
  if (topic->group_id != config_.group_id || topic->edge_node_id != config_.edge_node_id) return out;
  ++counters_.polls;
  auto payload = decodeSparkplugPayload(payloadBytes);
  if (!payload) {
    const std::string type(toText(topic->type));
    problem({type + " from " + nodeName(*topic) + ": " + payload.error().message,
             "来自 " + nodeName(*topic) + " 的 " + type + "：" + decodeSparkplugPayload(payloadBytes, "zh").error().message});
    return out;
  }
  switch (topic->type) {
    case SparkplugMessageType::nbirth:
    case SparkplugMessageType::dbirth: onBirth(*topic, *payload, now_ms, out); break;
    case SparkplugMessageType::ndata:
    case SparkplugMessageType::ddata: onData(*topic, *payload, now_ms, out); break;
    case SparkplugMessageType::ndeath: onNodeDeath(*payload, now_ms, out); break;
    case SparkplugMessageType::ddeath: onDeviceDeath(*topic, *payload, now_ms, out); break;
    default: break;
  }
  return out;
}

bool SparkplugSession::checkSequence(const SparkplugTopic& topic, const SparkplugPayload& payload, std::int64_t now_ms,
                                     SparkplugEffects& out) {
  const std::string what = std::string(toText(topic.type)) + " from " + nodeName(topic);
  const std::string whatZh = "来自 " + nodeName(topic) + " 的 " + std::string(toText(topic.type));
  if (!born_) {
    problem({what + " before the node's NBIRTH: its aliases are unknown, rebirth requested",
             whatZh + " 早于该节点的 NBIRTH：别名未知，已请求重新出生"});
    askRebirth(now_ms, out);
    return false;
  }
  if (!payload.seq) {
    problem({what + ": no seq", whatZh + "：没有 seq"});
    askRebirth(now_ms, out);
    return false;
  }
  const std::uint64_t expected = lastSeq_ ? (*lastSeq_ + 1) % 256 : *payload.seq;
  lastSeq_ = *payload.seq;
  if (*payload.seq == expected) return true;
  ++counters_.gaps;
  const std::string got = std::to_string(*payload.seq);
  const std::string want = std::to_string(expected);
  problem({what + ": seq " + got + " where " + want + " was expected; messages were lost, rebirth requested",
           whatZh + "：seq 为 " + got + "，应为 " + want + "；有消息丢失，已请求重新出生"});
  askRebirth(now_ms, out);
  // The values of this message are still good: aliases only change with a new birth.
  return true;
}

void SparkplugSession::onBirth(const SparkplugTopic& topic, const SparkplugPayload& payload, std::int64_t now_ms,
                               SparkplugEffects& out) {
  const bool node = topic.type == SparkplugMessageType::nbirth;
  if (node) {
    // A new session of the edge node: everything learnt before is void.
    born_ = true;
    byAlias_.clear();
    byName_.clear();
    bdSeq_.reset();
    lastSeq_ = payload.seq;
    lastRebirthRequest_ms_.reset();
  } else if (!checkSequence(topic, payload, now_ms, out)) {
    return;
  }
  const std::int64_t messageTs = payload.timestamp_ms.value_or(now_ms);
  for (const auto& metric : payload.metrics) {
    if (!metric.name) continue;  // a birth names every metric; a nameless one cannot be mapped
    if (node && *metric.name == "bdSeq") bdSeq_ = metric.integer_bits;
    Declared declared{topic.device_id, *metric.name, metric.datatype};
    if (metric.alias) byAlias_[*metric.alias] = declared;
    byName_[key(topic.device_id, *metric.name)] = declared;
    emit(declared, metric, messageTs, out);
  }
}

const SparkplugSession::Declared* SparkplugSession::resolve(const std::string& device, const SparkplugMetricValue& metric) const {
  if (metric.alias) {
    const auto it = byAlias_.find(*metric.alias);
    return it == byAlias_.end() || it->second.device != device ? nullptr : &it->second;
  }
  if (!metric.name) return nullptr;
  const auto it = byName_.find(key(device, *metric.name));
  return it == byName_.end() ? nullptr : &it->second;
}

void SparkplugSession::onData(const SparkplugTopic& topic, const SparkplugPayload& payload, std::int64_t now_ms,
                              SparkplugEffects& out) {
  if (!checkSequence(topic, payload, now_ms, out)) return;
  const std::int64_t messageTs = payload.timestamp_ms.value_or(now_ms);
  for (const auto& metric : payload.metrics) {
    const Declared* declared = resolve(topic.device_id, metric);
    if (!declared) {
      const std::string type(toText(topic.type));
      const std::string alias = metric.alias ? std::to_string(*metric.alias) : std::string();
      const std::string name = metric.name.value_or("");
      problem({type + " from " + nodeName(topic) + ": metric " + (metric.alias ? "alias " + alias : "\"" + name + "\"") +
                   " was not in the birth, rebirth requested",
               "来自 " + nodeName(topic) + " 的 " + type + "：指标" + (metric.alias ? "别名 " + alias + " " : "“" + name + "”") +
                   "不在出生消息中，已请求重新出生"});
      askRebirth(now_ms, out);
      continue;
    }
    emit(*declared, metric, messageTs, out);
  }
}

void SparkplugSession::emit(const Declared& declared, const SparkplugMetricValue& metric, std::int64_t messageTs,
                            SparkplugEffects& out) {
  const auto mapped = mapped_.find(key(declared.device, declared.name));
  if (mapped == mapped_.end()) return;
  const auto raw = sparkplugNumber(metric, metric.datatype ? metric.datatype : declared.datatype);
  if (!raw) {
    if (!metric.is_null && metric.field != SparkplugValueField::none) {
      problem({"metric \"" + declared.name + "\": its value is not a number or boolean",
               "指标“" + declared.name + "”：其值不是数字或布尔值"});
    }
    return;
  }
  const std::int64_t ts = metric.timestamp_ms.value_or(messageTs);
  for (const ValueMapping* mapping : mapped->second) {
    const double value = mappedValue(*mapping, *raw);
    if (!std::isfinite(value) || !deadband_.pass(mapping->tag, value, mapping->deadband)) continue;
    out.samples.push_back({mapping->tag, ts, value});
    ++counters_.values;
  }
}

void SparkplugSession::markStale(const std::string* device, std::int64_t ts_ms, SparkplugEffects& out) {
  for (const auto& metric : config_.metrics) {
    if (device && metric.device != *device) continue;
    out.stale.push_back({metric.mapping.tag, ts_ms});
  }
  // A stale tag's next value is news whatever the deadband says; forgetting every tag's last
  // value at worst passes one extra sample of a tag that stayed alive.
  deadband_ = DeadbandFilter{};
}

void SparkplugSession::onNodeDeath(const SparkplugPayload& payload, std::int64_t now_ms, SparkplugEffects& out) {
  // The broker sends the NDEATH registered at connect time: a death whose bdSeq is not that of
  // the birth in force belongs to an earlier session and must not kill the current one.
  for (const auto& metric : payload.metrics) {
    if (metric.name == "bdSeq" && bdSeq_ && metric.integer_bits != *bdSeq_) return;
  }
  // The will's timestamp is from when the node connected; the death happened on receipt.
  markStale(nullptr, now_ms, out);
  born_ = false;
  lastSeq_.reset();
}

void SparkplugSession::onDeviceDeath(const SparkplugTopic& topic, const SparkplugPayload& payload, std::int64_t now_ms,
                                     SparkplugEffects& out) {
  checkSequence(topic, payload, now_ms, out);
  markStale(&topic.device_id, payload.timestamp_ms.value_or(now_ms), out);
}

}  // namespace parktwin::feed::detail
