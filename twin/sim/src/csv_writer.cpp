#include "parktwin/sim/csv_writer.hpp"

#include <unistd.h>

#include <cerrno>
#include <charconv>
#include <cstring>

#include "parktwin/common/iso_time.hpp"

namespace parktwin::sim {

Result<std::unique_ptr<CsvSampleWriter>> CsvSampleWriter::open(const std::string& samplesPath,
                                                               const std::string& eventsPath) {
  std::unique_ptr<CsvSampleWriter> writer(new CsvSampleWriter());
  writer->path_ = samplesPath;
  writer->samples_ = samplesPath == "-" ? stdout : std::fopen(samplesPath.c_str(), "wb");
  if (!writer->samples_) return fail(samplesPath + ": cannot create: " + std::strerror(errno));
  std::fputs("ts,tag,value\n", writer->samples_);
  if (!eventsPath.empty()) {
    writer->events_ = std::fopen(eventsPath.c_str(), "wb");
    if (!writer->events_) return fail(eventsPath + ": cannot create: " + std::strerror(errno));
    std::fputs("kind,object,start,end,from,to,from_x_m,from_y_m,to_x_m,to_y_m,amount_t,reason\n", writer->events_);
  }
  writer->buffer_.reserve(1 << 20);
  return writer;
}

// A destructor has no one to tell: callers that care call close() and read its result.
CsvSampleWriter::~CsvSampleWriter() { (void)close(); }

void CsvSampleWriter::sample(std::string_view tag, std::int64_t ts_ms, double value) {
  if (ts_ms != lastTs_) {
    lastTs_ = ts_ms;
    tsText_ = formatIsoUtcMs(ts_ms);
  }
  buffer_.append(tsText_).append(",").append(tag).append(",");
  char number[32];
  const auto end = std::to_chars(number, number + sizeof number, value).ptr;
  buffer_.append(number, end).append("\n");
  if (buffer_.size() > (1 << 20) - 256) {
    std::fwrite(buffer_.data(), 1, buffer_.size(), samples_);
    buffer_.clear();
  }
}

void CsvSampleWriter::event(const SimEvent& e) {
  if (!events_) return;
  std::fprintf(events_, "%s,%s,%s,%s,%s,%s,%.1f,%.1f,%.1f,%.1f,%.3f,%s\n", std::string(kindName(e.kind)).c_str(), e.object.c_str(),
               formatIsoUtcMs(e.start_ms).c_str(), formatIsoUtcMs(e.end_ms).c_str(), e.from.c_str(),
               e.to.c_str(), e.from_position.x_m, e.from_position.y_m, e.to_position.x_m, e.to_position.y_m,
               e.amount_t, e.reason.c_str());
}

Result<void> CsvSampleWriter::flush(bool toDisk) {
  if (!samples_) return fail(path_ + ": closed");
  std::fwrite(buffer_.data(), 1, buffer_.size(), samples_);
  buffer_.clear();
  if (std::fflush(samples_) != 0 || std::ferror(samples_)) return fail(path_ + ": write failed: " + std::strerror(errno));
  if (toDisk && samples_ != stdout && ::fsync(::fileno(samples_)) != 0) return fail(path_ + ": fsync failed: " + std::strerror(errno));
  return {};
}

Result<void> CsvSampleWriter::close() {
  if (!samples_) return {};
  std::fwrite(buffer_.data(), 1, buffer_.size(), samples_);
  buffer_.clear();
  bool ok = std::fflush(samples_) == 0 && !std::ferror(samples_);
  if (samples_ != stdout) ok = std::fclose(samples_) == 0 && ok;
  samples_ = nullptr;
  if (events_) {
    ok = std::fclose(events_) == 0 && ok;
    events_ = nullptr;
  }
  if (!ok) return fail(path_ + ": write failed: " + std::strerror(errno));
  return {};
}

}  // namespace parktwin::sim
