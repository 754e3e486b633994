#include "tour_player.hpp"

#include "scene_frame.hpp"

namespace parktwin::app {

TourPlayer::TourPlayer(QObject* parent) : QObject(parent) {
  ticker_.setInterval(16);
  connect(&ticker_, &QTimer::timeout, this, &TourPlayer::advance);
}

void TourPlayer::setPark(const model::Park* park) {
  park_ = park;
  objects_.reset();
  if (park) objects_.emplace(*park);
  tour_.reset();
  error_.clear();  // it was about a tour of the park before
  failedPath_.clear();
  pause();
  emit tourChanged();
  emit textChanged();
}

void TourPlayer::setLanguage(const QString& language) {
  language_ = language;
  emit textChanged();
  // A refusal on show is worded again in the new language (twin words it; the file is read again).
  if (!error_.isEmpty() && !failedPath_.isEmpty() && park_) {
    if (auto again = model::loadTour(failedPath_.toStdString(), *park_, language_.toStdString()); !again) {
      error_ = QString::fromStdString(again.error().message);
      emit tourChanged();
    }
  }
}

bool TourPlayer::load(const QString& path) {
  if (!park_) return false;
  auto tour = model::loadTour(path.toStdString(), *park_, language_.toStdString());  // a refusal in the window's language
  if (!tour) {
    error_ = QString::fromStdString(tour.error().message);
    failedPath_ = path;
    emit tourChanged();
    return false;
  }
  error_.clear();
  failedPath_.clear();
  tour_ = std::move(*tour);
  emit tourChanged();
  setTime(0);
  return true;
}

void TourPlayer::setTime(double seconds) {
  if (!tour_) return;
  const int stopBefore = pose_.stop;
  time_s_ = std::clamp(seconds, 0.0, tour_->duration_s());
  pose_ = model::poseAt(*tour_, *objects_, time_s_);
  emit poseChanged();
  if (stopBefore != pose_.stop || time_s_ == 0) emit textChanged();
}

void TourPlayer::play() {
  if (!tour_) return;
  if (time_s_ >= tour_->duration_s()) setTime(0);
  wallStart_s_ = time_s_;
  wall_.start();
  ticker_.start();
  emit playingChanged();
}

void TourPlayer::pause() {
  if (!ticker_.isActive()) return;
  ticker_.stop();
  emit playingChanged();
}

void TourPlayer::advance() {
  setTime(wallStart_s_ + double(wall_.elapsed()) / 1000.0);
  if (tour_ && time_s_ >= tour_->duration_s()) {
    pause();
    emit finished();
  }
}

double TourPlayer::stopStart(int index) const {
  double t = 0;
  for (int i = 0; i < index && tour_ && i < int(tour_->stops.size()); ++i) t += tour_->stops[i].fly_s + tour_->stops[i].hold_s;
  return t;
}

void TourPlayer::next() {
  if (!tour_) return;
  const int target = std::min(pose_.stop + 1, stopCount() - 1);
  // Land at the stop itself (after its flight), then keep playing from there if playing.
  const double t = stopStart(target) + tour_->stops[target].fly_s;
  const bool wasPlaying = playing();
  pause();
  setTime(t);
  if (wasPlaying) play();
}

void TourPlayer::previous() {
  if (!tour_) return;
  const int target = std::max(pose_.stop - 1, 0);
  const bool wasPlaying = playing();
  pause();
  setTime(stopStart(target) + tour_->stops[target].fly_s);
  if (wasPlaying) play();
}

QString TourPlayer::name() const {
  return tour_ ? QString::fromStdString(tour_->name.in(language_.toStdString())) : QString();
}

QString TourPlayer::caption() const {
  if (!tour_ || pose_.stop >= int(tour_->stops.size())) return {};
  return QString::fromStdString(tour_->stops[pose_.stop].caption.in(language_.toStdString()));
}

QVariantList TourPlayer::kpis() const {
  QVariantList out;
  if (!tour_ || pose_.stop >= int(tour_->stops.size())) return out;
  const std::string lang = language_.toStdString();
  for (const auto& k : tour_->stops[pose_.stop].kpis) {
    out.push_back(QVariantMap{{"label", QString::fromStdString(k.label.in(lang))},
                              {"value", QString::fromStdString(k.value.in(lang))}});
  }
  return out;
}

QVector3D TourPlayer::target() const { return toScene(pose_.target.x_m, pose_.target.y_m); }

}  // namespace parktwin::app
