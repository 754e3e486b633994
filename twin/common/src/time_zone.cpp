#include "parktwin/common/time_zone.hpp"

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <iterator>

#include "parktwin/common/iso_time.hpp"

namespace parktwin {
namespace {

bool looksLikeIanaName(const std::string& name) {
  if (name.empty() || name.front() == '/' || name.find("..") != std::string::npos) return false;
  return std::all_of(name.begin(), name.end(), [](char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '/' || c == '_' ||
           c == '-' || c == '+';
  });
}

// Big-endian reads over the file's bytes; `at` moves past what was read.
struct Bytes {
  const std::string& data;
  std::size_t at = 0;
  bool has(std::size_t n) const { return at + n <= data.size(); }
  std::uint64_t read(int width) {
    std::uint64_t v = 0;
    for (int i = 0; i < width; ++i) v = (v << 8) | static_cast<unsigned char>(data[at++]);
    return v;
  }
};

struct Header {
  std::uint32_t isutcnt, isstdcnt, leapcnt, timecnt, typecnt, charcnt;
  std::size_t bodyBytes(int timeWidth) const {
    return std::size_t(timecnt) * timeWidth + timecnt + typecnt * 6u + charcnt + leapcnt * (timeWidth + 4u) +
           isstdcnt + isutcnt;
  }
};

Result<Header> readHeader(Bytes& in, const std::string& where) {
  if (!in.has(44) || in.data.compare(in.at, 4, "TZif") != 0) return fail(where + ": not a TZif time-zone file");
  in.at += 20;  // magic, version, reserved
  Header h{};
  h.isutcnt = std::uint32_t(in.read(4));
  h.isstdcnt = std::uint32_t(in.read(4));
  h.leapcnt = std::uint32_t(in.read(4));
  h.timecnt = std::uint32_t(in.read(4));
  h.typecnt = std::uint32_t(in.read(4));
  h.charcnt = std::uint32_t(in.read(4));
  if (h.typecnt == 0) return fail(where + ": a TZif file without local time types");
  return h;
}

}  // namespace

Result<TimeZone> TimeZone::load(const std::string& iana_name, const std::string& zoneinfo_dir) {
  if (!looksLikeIanaName(iana_name)) {
    return fail("time zone \"" + iana_name + "\": expected an IANA name such as \"Asia/Shanghai\"");
  }
  const std::string path = zoneinfo_dir + "/" + iana_name;
  std::ifstream file(path, std::ios::binary);
  if (!file) return fail("time zone \"" + iana_name + "\": no such zone in " + zoneinfo_dir);
  const std::string data{std::istreambuf_iterator<char>(file), std::istreambuf_iterator<char>()};
  Bytes in{data};
  auto v1 = readHeader(in, path);
  if (!v1) return std::unexpected(v1.error());
  int width = 4;
  Header h = *v1;
  if (data.size() > 4 && data[4] >= '2') {  // skip the 32-bit body: the 64-bit one follows
    in.at += h.bodyBytes(4);
    auto v2 = readHeader(in, path);
    if (!v2) return std::unexpected(v2.error());
    h = *v2;
    width = 8;
  }
  if (!in.has(h.bodyBytes(width))) return fail(path + ": truncated TZif file");
  TimeZone zone;
  zone.name_ = iana_name;
  std::vector<std::int64_t> times(h.timecnt);
  for (auto& t : times) {
    const std::uint64_t raw = in.read(width);
    t = width == 8 ? static_cast<std::int64_t>(raw) : static_cast<std::int32_t>(static_cast<std::uint32_t>(raw));
  }
  std::vector<std::uint8_t> typeOf(h.timecnt);
  for (auto& i : typeOf) i = static_cast<std::uint8_t>(in.read(1));
  std::vector<std::int32_t> typeOffset(h.typecnt);
  for (auto& offset : typeOffset) {
    offset = static_cast<std::int32_t>(static_cast<std::uint32_t>(in.read(4)));
    in.at += 2;  // isdst, abbreviation index
  }
  for (std::size_t i = 0; i < times.size(); ++i) {
    if (typeOf[i] >= h.typecnt) return fail(path + ": transition " + std::to_string(i) + " names no local time type");
    zone.transitions_s_.push_back(times[i]);
    zone.offsets_s_.push_back(typeOffset[typeOf[i]]);
  }
  zone.initial_offset_s_ = typeOffset[0];  // RFC 8536: type 0 applies before the first transition
  return zone;
}

TimeZone TimeZone::fixed(std::int32_t offset_s) {
  TimeZone zone;
  zone.initial_offset_s_ = offset_s;
  zone.name_ = zone.offsetLabelAt(0);
  return zone;
}

std::int32_t TimeZone::offsetSecondsAt(std::int64_t utc_ms) const {
  const std::int64_t s = utc_ms >= 0 ? utc_ms / 1000 : -((-utc_ms + 999) / 1000);
  const auto after = std::upper_bound(transitions_s_.begin(), transitions_s_.end(), s);
  if (after == transitions_s_.begin()) return initial_offset_s_;
  return offsets_s_[std::size_t(after - transitions_s_.begin()) - 1];
}

std::int64_t TimeZone::fromLocalMs(std::int64_t local_ms) const {
  // The offset at a first guess, then at the instant that gives: two steps settle one shift.
  const std::int64_t guess = local_ms - offsetSecondsAt(local_ms) * 1000LL;
  return local_ms - offsetSecondsAt(guess) * 1000LL;
}

std::string TimeZone::offsetLabelAt(std::int64_t utc_ms) const {
  const std::int32_t offset = offsetSecondsAt(utc_ms);
  const std::int32_t magnitude = offset < 0 ? -offset : offset;
  char text[16];
  std::snprintf(text, sizeof text, "UTC%c%02d:%02d", offset < 0 ? '-' : '+', magnitude / 3600, magnitude / 60 % 60);
  return text;
}

std::string localMinuteText(std::int64_t utc_ms, const TimeZone& zone) {
  const std::string t = formatIsoUtcMs(zone.toLocalMs(utc_ms));
  return t.substr(0, 10) + " " + t.substr(11, 5);
}

std::string localPeriodText(std::int64_t from_ms, std::int64_t to_ms, const TimeZone& zone) {
  return localMinuteText(from_ms, zone) + " .. " + localMinuteText(to_ms, zone) + " (" + zone.offsetLabelAt(from_ms) + ")";
}

}  // namespace parktwin
