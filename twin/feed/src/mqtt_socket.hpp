#pragma once
// The plain TCP plumbing of the acknowledge-after-commit subscriber: a non-blocking socket with
// deadlines, and a pipe that wakes the network thread's poll() when stop() is called.
#include <chrono>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "parktwin/common/result.hpp"

namespace parktwin::feed::detail {

using SteadyTime = std::chrono::steady_clock::time_point;

class FileDescriptor {
 public:
  FileDescriptor() = default;
  explicit FileDescriptor(int fd) : fd_(fd) {}
  FileDescriptor(FileDescriptor&& other) noexcept : fd_(std::exchange(other.fd_, -1)) {}
  FileDescriptor& operator=(FileDescriptor&& other) noexcept;
  FileDescriptor(const FileDescriptor&) = delete;
  FileDescriptor& operator=(const FileDescriptor&) = delete;
  ~FileDescriptor();
  int get() const { return fd_; }

 private:
  int fd_ = -1;
};

// Resolves host and connects (IPv4 or IPv6) within the timeout; the socket is non-blocking.
Result<FileDescriptor> connectTcp(const std::string& host, int port, std::chrono::milliseconds timeout);
// Writes every byte, waiting for the socket to drain until the deadline.
Result<void> sendAll(int fd, const std::vector<std::uint8_t>& bytes, SteadyTime deadline);

struct ReadOutcome {
  bool closed = false;   // the peer closed the connection
  bool drained = false;  // nothing more to read right now
};
// Appends what can be read without blocking, at most maxBytes.
Result<ReadOutcome> readAvailable(int fd, std::string& buffer, std::size_t maxBytes);

// poll() on the socket and the wake pipe; true if the socket is readable. Interrupted waits
// (EINTR) return false, as a timeout does: the caller re-checks its deadlines.
Result<bool> waitReadable(int fd, int wakeFd, std::chrono::milliseconds timeout);

// After the last packet (MQTT DISCONNECT): half-closes, then reads and drops what the peer still
// sends until it closes too, or the timeout. Why: closing a socket with unread bytes in it sends
// a TCP reset, and a reset can make the peer's kernel drop bytes its program has not read yet,
// such as the PUBACKs written just before the DISCONNECT; the broker then sends those messages
// again to the next session, though they were committed and acknowledged.
void closeGracefully(int fd, std::chrono::milliseconds timeout);

class WakePipe {
 public:
  WakePipe();
  bool valid() const { return read_.get() >= 0; }
  int readFd() const { return read_.get(); }
  void notify();
  void drain();  // before a restart, so a past notify() does not wake it at once

 private:
  FileDescriptor read_, write_;
};

}  // namespace parktwin::feed::detail
