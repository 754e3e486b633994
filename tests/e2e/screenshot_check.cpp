// Checks a `parktwin --screenshot` picture: right size, not blank (many distinct colours,
// much of the 3D view not sky or ground), and something drawn at the screen position where
// the camera says each building is.
#include <QColor>
#include <QFile>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <cstdio>

namespace {

int distance(QRgb a, QRgb b) {
  return std::abs(qRed(a) - qRed(b)) + std::abs(qGreen(a) - qGreen(b)) + std::abs(qBlue(a) - qBlue(b));
}

// Sky and bare ground of the scene (qml/scene/ParkView.qml): pixels that show no object.
bool isBackground(QRgb c) {
  static const QRgb plain[] = {qRgb(0xdc, 0xe6, 0xee), qRgb(0xc4, 0xcf, 0xba)};
  for (QRgb p : plain) {
    if (distance(c, p) < 40) return true;
  }
  return false;
}

int fail(const char* what) {
  std::fprintf(stderr, "FAIL: %s\n", what);
  return 1;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 3) {
    std::fprintf(stderr, "usage: screenshot_check IMAGE.png INFO.json\n");
    return 2;
  }
  const QImage image(argv[1]);
  QFile infoFile(argv[2]);
  if (image.isNull() || !infoFile.open(QIODevice::ReadOnly)) return fail("cannot read the image or the info file");
  const QJsonObject info = QJsonDocument::fromJson(infoFile.readAll()).object();
  if (image.width() != info["width"].toInt() || image.height() != info["height"].toInt()) {
    return fail("image size differs from the requested window size");
  }

  // The 3D view sits between the asset tree (left) and the inspector (right).
  const int x0 = image.width() * 25 / 100, x1 = image.width() * 75 / 100;
  const int y0 = image.height() * 10 / 100, y1 = image.height() * 90 / 100;
  QSet<QRgb> colours;
  long objects = 0, total = 0;
  for (int y = y0; y < y1; y += 2) {
    for (int x = x0; x < x1; x += 2) {
      const QRgb c = image.pixel(x, y);
      colours.insert(c & 0xf8f8f8);  // 5 bits per channel: ignore dithering noise
      objects += !isBackground(c);
      ++total;
    }
  }
  const double objectShare = double(objects) / double(total);
  std::printf("distinct colours %lld, share of view showing objects %.1f%%\n",
              static_cast<long long>(colours.size()), 100 * objectShare);
  if (colours.size() < 200) return fail("fewer than 200 distinct colours: the view looks blank");
  if (objectShare < 0.08) return fail("less than 8% of the view shows anything but sky and ground");

  int checked = 0, drawn = 0;
  for (const auto& value : info["buildings"].toArray()) {
    const QJsonObject b = value.toObject();
    const int bx = qRound(b["x"].toDouble()), by = qRound(b["y"].toDouble());
    // Planned buildings are drawn as faint ghosts on purpose.
    if (b["planned"].toBool() || !b["inFront"].toBool() || bx < x0 || bx >= x1 || by < y0 || by >= y1) continue;
    ++checked;
    int hits = 0;
    // 9x9 pixels around the roof centre: another building's label may cover part of it.
    for (int dy = -4; dy <= 4; ++dy) {
      for (int dx = -4; dx <= 4; ++dx) hits += !isBackground(image.pixel(bx + dx, by + dy));
    }
    if (hits >= 27) ++drawn;
    else std::printf("nothing drawn at %s (%d, %d)\n", qPrintable(b["id"].toString()), bx, by);
  }
  std::printf("buildings in view %d, drawn where the camera puts them %d\n", checked, drawn);
  if (checked < 5) return fail("fewer than 5 buildings in view");
  if (drawn < checked * 9 / 10) return fail("buildings missing where the camera should see them");
  return 0;
}
