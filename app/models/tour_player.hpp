#pragma once
// Plays a camera tour (twin/model/tour.hpp) for presentation mode: publishes the camera pose,
// the caption and KPI call-outs of the current stop. Time advances with the wall clock while
// playing, or is set frame by frame when a tour is exported to video.
#include <QElapsedTimer>
#include <QObject>
#include <QTimer>
#include <QVariantList>
#include <QVector3D>
#include <QtQml/qqmlregistration.h>
#include <optional>

#include "parktwin/model/tour.hpp"

namespace parktwin::app {

class TourPlayer : public QObject {
  Q_OBJECT
  QML_ELEMENT
  QML_UNCREATABLE("Provided by ParkController")
  Q_PROPERTY(bool loaded READ loaded NOTIFY tourChanged)
  Q_PROPERTY(QString name READ name NOTIFY textChanged)
  Q_PROPERTY(bool playing READ playing NOTIFY playingChanged)
  Q_PROPERTY(double timeS READ timeS NOTIFY poseChanged)
  Q_PROPERTY(double durationS READ durationS NOTIFY tourChanged)
  Q_PROPERTY(int stopIndex READ stopIndex NOTIFY textChanged)
  Q_PROPERTY(int stopCount READ stopCount NOTIFY tourChanged)
  Q_PROPERTY(QString caption READ caption NOTIFY textChanged)
  Q_PROPERTY(QVariantList kpis READ kpis NOTIFY textChanged)
  Q_PROPERTY(QVector3D target READ target NOTIFY poseChanged)  // scene frame
  Q_PROPERTY(double distance READ distance NOTIFY poseChanged)
  Q_PROPERTY(double yaw READ yaw NOTIFY poseChanged)
  Q_PROPERTY(double pitch READ pitch NOTIFY poseChanged)
  Q_PROPERTY(QString error READ error NOTIFY tourChanged)

 public:
  explicit TourPlayer(QObject* parent = nullptr);

  void setPark(const parktwin::model::Park* park);
  void setLanguage(const QString& language);

  Q_INVOKABLE bool load(const QString& path);
  Q_INVOKABLE void play();
  Q_INVOKABLE void pause();
  Q_INVOKABLE void togglePlay() { playing() ? pause() : play(); }
  Q_INVOKABLE void next();
  Q_INVOKABLE void previous();
  Q_INVOKABLE void setTime(double seconds);

  bool loaded() const { return tour_.has_value(); }
  QString name() const;
  bool playing() const { return ticker_.isActive(); }
  double timeS() const { return time_s_; }
  double durationS() const { return tour_ ? tour_->duration_s() : 0; }
  int stopIndex() const { return pose_.stop; }
  int stopCount() const { return tour_ ? int(tour_->stops.size()) : 0; }
  QString caption() const;
  QVariantList kpis() const;
  QVector3D target() const;
  double distance() const { return pose_.distance_m; }
  double yaw() const { return pose_.yaw_deg; }
  double pitch() const { return pose_.pitch_deg; }
  QString error() const { return error_; }

 signals:
  void tourChanged();
  void textChanged();
  void poseChanged();
  void playingChanged();
  void finished();

 private:
  void advance();
  double stopStart(int index) const;  // time the flight to stop `index` begins

  const parktwin::model::Park* park_ = nullptr;
  std::optional<parktwin::model::ObjectIndex> objects_;  // of park_: where each stop's focus is
  std::optional<parktwin::model::Tour> tour_;
  parktwin::model::CameraPose pose_;
  QString language_ = "en";
  QString error_;
  QString failedPath_;  // the file error_ is about, to word it again when the language changes
  double time_s_ = 0;
  QTimer ticker_;
  QElapsedTimer wall_;
  double wallStart_s_ = 0;
};

}  // namespace parktwin::app
