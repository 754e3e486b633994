#pragma once
// The one clock of the twin: live (data time follows the wall clock), replaying at a speed, or
// paused at a time. Everything that shows data (3D scene, panels, charts) asks this clock what
// time it is. Pure arithmetic on times passed in, so it is deterministic and testable.
#include <algorithm>
#include <cstdint>

namespace parktwin {

class Clock {
 public:
  enum class Mode { Live, Playing, Paused };

  // Data time range that replay may cover; seeks and playback stay inside it.
  void setRange(std::int64_t start_ms, std::int64_t end_ms) {
    start_ms_ = start_ms;
    end_ms_ = std::max(start_ms, end_ms);
    anchor_data_ms_ = std::clamp(anchor_data_ms_, start_ms_, end_ms_);
  }
  void setLoop(bool loop) { loop_ = loop; }

  // Data time at wall time `wall_ms`.
  std::int64_t now(std::int64_t wall_ms) const {
    switch (mode_) {
      case Mode::Live: return wall_ms;
      case Mode::Paused: return anchor_data_ms_;
      case Mode::Playing: break;
    }
    const double advanced = double(wall_ms - anchor_wall_ms_) * speed_;
    std::int64_t t = anchor_data_ms_ + static_cast<std::int64_t>(advanced);
    if (t > end_ms_) {
      const std::int64_t span = end_ms_ - start_ms_;
      t = (loop_ && span > 0) ? start_ms_ + (t - start_ms_) % (span + 1) : end_ms_;
    }
    return std::max(t, start_ms_);
  }

  // True once a non-looping replay has reached the end of the range.
  bool finished(std::int64_t wall_ms) const {
    return mode_ == Mode::Playing && !loop_ && now(wall_ms) >= end_ms_;
  }

  void play(std::int64_t wall_ms) { reanchor(wall_ms, Mode::Playing); }
  void pause(std::int64_t wall_ms) { reanchor(wall_ms, Mode::Paused); }
  void goLive() { mode_ = Mode::Live; }
  void seek(std::int64_t data_ms, std::int64_t wall_ms) {
    if (mode_ == Mode::Live) mode_ = Mode::Paused;
    anchor_data_ms_ = std::clamp(data_ms, start_ms_, end_ms_);
    anchor_wall_ms_ = wall_ms;
  }
  // The replay speeds the clock runs at, as multiples of real time.
  static constexpr double kMinSpeed = 0.1;
  static constexpr double kMaxSpeed = 10'000.0;
  // Replay speed as a multiple of real time (kMinSpeed .. kMaxSpeed); the current data time is kept.
  void setSpeed(double speed, std::int64_t wall_ms) {
    const Mode mode = mode_;
    if (mode == Mode::Playing) reanchor(wall_ms, Mode::Playing);
    speed_ = std::clamp(speed, kMinSpeed, kMaxSpeed);
  }

  Mode mode() const { return mode_; }
  double speed() const { return speed_; }
  std::int64_t start_ms() const { return start_ms_; }
  std::int64_t end_ms() const { return end_ms_; }

 private:
  void reanchor(std::int64_t wall_ms, Mode mode) {
    if (mode_ != Mode::Live) anchor_data_ms_ = now(wall_ms);
    else anchor_data_ms_ = std::clamp(wall_ms, start_ms_, end_ms_);
    anchor_wall_ms_ = wall_ms;
    mode_ = mode;
  }

  Mode mode_ = Mode::Paused;
  double speed_ = 1.0;
  bool loop_ = false;
  std::int64_t start_ms_ = 0;
  std::int64_t end_ms_ = 0;
  std::int64_t anchor_data_ms_ = 0;
  std::int64_t anchor_wall_ms_ = 0;
};

}  // namespace parktwin
