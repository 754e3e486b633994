// The SQLite historian behind the Store interface: an adapter, the historian stays as it is.
// Acknowledgements are events of kind "alarm_ack" with {rule, comment, user} as payload, as the
// desktop's AlarmController has always stored them, so old files read the same.
#include <nlohmann/json.hpp>

#include "parktwin/store/store.hpp"

namespace parktwin::store {
namespace {

constexpr std::string_view kAckKind = "alarm_ack";

class SqliteStore final : public Store {
 public:
  SqliteStore(Historian historian, std::string path) : historian_(std::move(historian)), path_(std::move(path)) {}

  std::string describe() const override { return "sqlite:" + path_; }

  Result<void> defineTag(std::string_view name, std::string_view unit, std::string_view kind) override {
    return historian_.defineTag(name, unit, kind);
  }
  Result<void> append(std::string_view tag, std::int64_t ts_ms, double value) override {
    return historian_.append(tag, ts_ms, value);
  }
  Result<void> appendEvent(const Event& event) override { return historian_.appendEvent(event); }
  Result<void> acknowledge(const Acknowledgement& ack) override {
    const nlohmann::json payload{{"rule", ack.rule}, {"comment", ack.comment}, {"user", ack.user}};
    return historian_.appendEvent(Event{ack.ts_ms, std::string(kAckKind), 0, ack.object,
                                        "Acknowledged " + ack.rule + (ack.user.empty() ? "" : " by " + ack.user) +
                                            (ack.comment.empty() ? "" : ": " + ack.comment),
                                        payload.dump()});
  }
  Result<FlushResult> flush() override { return historian_.flush(); }
  Result<void> setParkFileHash(std::string_view hash) override { return historian_.setParkFileHash(hash); }

  Result<std::string> parkFileHash() override { return historian_.parkFileHash(); }
  Result<std::vector<TagInfo>> tags() override { return historian_.tags(); }
  Result<std::vector<Sample>> samplesBetween(std::string_view tag, std::int64_t t0_ms, std::int64_t t1_ms) override {
    return historian_.samplesBetween(tag, t0_ms, t1_ms);
  }
  Result<std::vector<TagState>> stateAt(std::int64_t t_ms) override { return historian_.stateAt(t_ms); }
  Result<std::vector<Bucket>> downsample(std::string_view tag, std::int64_t t0_ms, std::int64_t t1_ms,
                                         std::size_t buckets) override {
    return historian_.downsample(tag, t0_ms, t1_ms, buckets);
  }
  Result<std::vector<Event>> eventsBetween(std::int64_t t0_ms, std::int64_t t1_ms, const EventFilter& filter) override {
    auto events = historian_.eventsBetween(t0_ms, t1_ms, filter);
    if (events) std::erase_if(*events, [](const Event& e) { return e.kind == kAckKind; });
    return events;
  }
  Result<std::vector<Acknowledgement>> acknowledgementsBetween(std::int64_t t0_ms, std::int64_t t1_ms) override {
    auto events = historian_.eventsBetween(t0_ms, t1_ms);
    if (!events) return std::unexpected(events.error());
    std::vector<Acknowledgement> out;
    for (const auto& e : *events) {
      if (e.kind != kAckKind) continue;
      const auto payload = nlohmann::json::parse(e.payload_json, nullptr, false);
      if (!payload.is_object()) return fail(path_ + ": acknowledgement at " + std::to_string(e.ts_ms) + " ms: payload is not a JSON object");
      out.push_back({e.ts_ms, payload.value("rule", ""), e.object, payload.value("user", ""), payload.value("comment", "")});
    }
    return out;
  }
  Result<std::vector<TagSummary>> summary() override { return historian_.summary(); }

 private:
  Historian historian_;
  std::string path_;
};

}  // namespace

std::unique_ptr<Store> storeOver(Historian historian, std::string path) {
  return std::make_unique<SqliteStore>(std::move(historian), std::move(path));
}

}  // namespace parktwin::store
