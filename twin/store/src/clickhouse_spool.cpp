// Record layout: "table rows bytes\n" then `bytes` of TSV. Text headers keep the file readable
// with less(1) when someone wonders what is waiting.
#include "clickhouse_spool.hpp"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <sstream>

namespace parktwin::store::clickhouse {
namespace {

std::string errnoText() { return std::strerror(errno); }

Result<void> writeAll(int fd, const std::string& data, const std::string& path) {
  std::size_t done = 0;
  while (done < data.size()) {
    const ssize_t n = ::write(fd, data.data() + done, data.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) return fail(ErrorCode::io, path + ": cannot write the spool: " + errnoText());
    done += static_cast<std::size_t>(n);
  }
  return {};
}

Result<std::string> readAll(int fd, const std::string& path) {
  std::string out;
  if (::lseek(fd, 0, SEEK_SET) < 0) return fail(ErrorCode::io, path + ": " + errnoText());
  char buffer[1 << 16];
  while (true) {
    const ssize_t n = ::read(fd, buffer, sizeof buffer);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) return fail(ErrorCode::io, path + ": cannot read the spool: " + errnoText());
    if (n == 0) break;
    out.append(buffer, static_cast<std::size_t>(n));
  }
  return out;
}

}  // namespace

Result<Spool> Spool::open(const std::string& dir) {
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  if (ec) return fail(ErrorCode::io, dir + ": cannot create the spool folder: " + ec.message());
  const std::string path = dir + "/spool.log";
  const int fd = ::open(path.c_str(), O_RDWR | O_CREAT | O_APPEND | O_CLOEXEC, 0644);
  if (fd < 0) return fail(ErrorCode::io, path + ": cannot open the spool: " + errnoText());
  if (::flock(fd, LOCK_EX | LOCK_NB) != 0) {
    ::close(fd);
    return fail(ErrorCode::busy, path + ": the spool is in use by another writer of this store");
  }
  const off_t size = ::lseek(fd, 0, SEEK_END);
  return Spool(fd, path, size > 0 ? static_cast<std::uint64_t>(size) : 0);
}

Spool::Spool(Spool&& other) noexcept : fd_(other.fd_), path_(std::move(other.path_)), bytes_(other.bytes_) {
  other.fd_ = -1;
}

Spool& Spool::operator=(Spool&& other) noexcept {
  if (this != &other) {
    if (fd_ >= 0) ::close(fd_);
    fd_ = other.fd_;
    path_ = std::move(other.path_);
    bytes_ = other.bytes_;
    other.fd_ = -1;
  }
  return *this;
}

Spool::~Spool() {
  if (fd_ >= 0) ::close(fd_);  // also releases the flock
}

Result<void> Spool::append(const SpooledBatch& batch) {
  const std::string record =
      batch.table + " " + std::to_string(batch.rows) + " " + std::to_string(batch.tsv.size()) + "\n" + batch.tsv;
  if (auto ok = writeAll(fd_, record, path_); !ok) return ok;
  if (::fdatasync(fd_) != 0) return fail(ErrorCode::io, path_ + ": cannot sync the spool: " + errnoText());
  bytes_ += record.size();
  return {};
}

Result<std::uint64_t> Spool::replay(const std::function<Result<void>(const SpooledBatch&)>& send) {
  auto text = readAll(fd_, path_);
  if (!text) return std::unexpected(text.error());
  std::uint64_t rows = 0;
  std::size_t at = 0;
  while (at < text->size()) {
    const auto eol = text->find('\n', at);
    if (eol == std::string::npos) break;  // torn header: never acknowledged
    std::istringstream header(text->substr(at, eol - at));
    SpooledBatch batch;
    std::size_t size = 0;
    if (!(header >> batch.table >> batch.rows >> size)) return fail(ErrorCode::io, path_ + ": corrupt spool record header");
    if (eol + 1 + size > text->size()) break;  // torn payload: never acknowledged
    batch.tsv = text->substr(eol + 1, size);
    if (auto sent = send(batch); !sent) return std::unexpected(sent.error());
    rows += batch.rows;
    at = eol + 1 + size;
  }
  if (::ftruncate(fd_, 0) != 0 || ::fdatasync(fd_) != 0) return fail(ErrorCode::io, path_ + ": cannot empty the spool: " + errnoText());
  bytes_ = 0;
  return rows;
}

}  // namespace parktwin::store::clickhouse
