#pragma once
// Sinks for the command line and batch jobs: a long-format CSV file and a fan-out to several.
#include <cstdint>
#include <cstdio>
#include <memory>
#include <string>
#include <vector>

#include "parktwin/common/result.hpp"
#include "parktwin/sim/sample_sink.hpp"

namespace parktwin::sim {

// ts,tag,value with ts as ISO-8601 UTC; events (optional file) as
// kind,object,start,end,from,to,from_x_m,from_y_m,to_x_m,to_y_m,amount_t,reason.
class CsvSampleWriter : public SampleSink {
 public:
  static Result<std::unique_ptr<CsvSampleWriter>> open(const std::string& samplesPath, const std::string& eventsPath);
  ~CsvSampleWriter() override;
  void sample(std::string_view tag, std::int64_t ts_ms, double value) override;
  void event(const SimEvent& event) override;
  Result<void> close();
  // Everything written so far handed to the kernel (a crash of the process keeps it), and with
  // `toDisk` also to the disk (a power loss keeps it): what a QoS 1 ingest does before telling
  // the broker the samples are stored.
  Result<void> flush(bool toDisk);

 private:
  CsvSampleWriter() = default;
  std::FILE* samples_ = nullptr;
  std::FILE* events_ = nullptr;
  std::string path_;
  std::int64_t lastTs_ = INT64_MIN;
  std::string tsText_;
  std::string buffer_;
};

class FanOutSink : public SampleSink {
 public:
  void add(SampleSink& sink) { sinks_.push_back(&sink); }
  void sample(std::string_view tag, std::int64_t ts_ms, double value) override {
    ++samples_;
    for (auto* s : sinks_) s->sample(tag, ts_ms, value);
  }
  void event(const SimEvent& e) override {
    ++events_;
    for (auto* s : sinks_) s->event(e);
  }
  std::uint64_t samples() const { return samples_; }
  std::uint64_t events() const { return events_; }

 private:
  std::vector<SampleSink*> sinks_;
  std::uint64_t samples_ = 0, events_ = 0;
};

}  // namespace parktwin::sim
