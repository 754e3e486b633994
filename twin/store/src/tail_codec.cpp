#include "tail_codec.hpp"

#include <string>

#include "varint.hpp"

namespace parktwin::store {
namespace {

constexpr std::uint8_t kMagic[3] = {0xFF, 'T', '1'};

std::uint64_t zigzag(std::int64_t v) { return (static_cast<std::uint64_t>(v) << 1) ^ (0 - (static_cast<std::uint64_t>(v) >> 63)); }
std::int64_t unzigzag(std::uint64_t z) { return static_cast<std::int64_t>((z >> 1) ^ (0 - (z & 1))); }

}  // namespace

void TailRowWriter::clear() {
  out_.assign(std::begin(kMagic), std::end(kMagic));
  previous_id_ = 0;
  entries_ = 0;
}

void TailRowWriter::add(std::int64_t tag_id, const BlockEncoder& block) {
  if (out_.empty()) clear();
  block.payloadInto(block_);
  detail::putVarint(out_, zigzag(static_cast<std::int64_t>(static_cast<std::uint64_t>(tag_id) - static_cast<std::uint64_t>(previous_id_))));
  detail::putVarint(out_, block_.size());
  out_.insert(out_.end(), block_.begin(), block_.end());
  previous_id_ = tag_id;
  ++entries_;
}

Result<std::vector<TailEntry>> decodeTailRow(std::span<const std::uint8_t> payload) {
  if (payload.size() < 3 || payload[0] != kMagic[0] || payload[1] != kMagic[1] || payload[2] != kMagic[2]) {
    return fail("tail row corrupt: no tail magic");
  }
  std::vector<TailEntry> entries;
  std::size_t at = 3;
  std::uint64_t id = 0;
  while (at < payload.size()) {
    std::uint64_t idDelta = 0, length = 0;
    if (!detail::getVarint(payload, at, idDelta) || !detail::getVarint(payload, at, length)) {
      return fail("tail row truncated at entry " + std::to_string(entries.size()));
    }
    if (length > payload.size() - at) {
      return fail("tail row corrupt: entry " + std::to_string(entries.size()) + " claims " + std::to_string(length) +
                  " bytes, " + std::to_string(payload.size() - at) + " left");
    }
    id += static_cast<std::uint64_t>(unzigzag(idDelta));
    auto samples = decodeBlock(payload.subspan(at, static_cast<std::size_t>(length)));
    if (!samples) return fail("tail row entry " + std::to_string(entries.size()) + ": " + samples.error().message);
    at += static_cast<std::size_t>(length);
    entries.push_back({static_cast<std::int64_t>(id), std::move(*samples)});
  }
  return entries;
}

}  // namespace parktwin::store
