#include "mqtt_socket.hpp"

#include <fcntl.h>
#include <netdb.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <memory>

namespace parktwin::feed::detail {
namespace {

std::string errnoText(int error) { return std::strerror(error); }

int msUntil(SteadyTime deadline) {
  const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
  return static_cast<int>(std::max<std::int64_t>(0, left.count()));
}

// Connects one resolved address; an error carries errno's text.
Result<FileDescriptor> connectAddress(const addrinfo& address, SteadyTime deadline) {
  FileDescriptor fd(::socket(address.ai_family, address.ai_socktype | SOCK_NONBLOCK | SOCK_CLOEXEC, address.ai_protocol));
  if (fd.get() < 0) return fail(ErrorCode::io, errnoText(errno));
  if (::connect(fd.get(), address.ai_addr, address.ai_addrlen) != 0 && errno != EINPROGRESS) {
    return fail(ErrorCode::io, errnoText(errno));
  }
  pollfd p{fd.get(), POLLOUT, 0};
  const int ready = ::poll(&p, 1, msUntil(deadline));
  if (ready == 0) return fail(ErrorCode::io, "timed out");
  int error = 0;
  socklen_t length = sizeof error;
  if (ready < 0 || ::getsockopt(fd.get(), SOL_SOCKET, SO_ERROR, &error, &length) != 0) error = errno;
  if (error != 0) return fail(ErrorCode::io, errnoText(error));
  const int on = 1;
  ::setsockopt(fd.get(), IPPROTO_TCP, TCP_NODELAY, &on, sizeof on);  // small PUBACK batches go out at once
  return fd;
}

}  // namespace

FileDescriptor& FileDescriptor::operator=(FileDescriptor&& other) noexcept {
  if (this != &other) {
    if (fd_ >= 0) ::close(fd_);
    fd_ = std::exchange(other.fd_, -1);
  }
  return *this;
}

FileDescriptor::~FileDescriptor() {
  if (fd_ >= 0) ::close(fd_);
}

Result<FileDescriptor> connectTcp(const std::string& host, int port, std::chrono::milliseconds timeout) {
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  addrinfo hints{};
  hints.ai_family = AF_UNSPEC;
  hints.ai_socktype = SOCK_STREAM;
  addrinfo* found = nullptr;
  // The messages name no address: the caller's report does ("cannot reach the broker HOST:PORT:
  // Connection refused", client.cpp's unreachableBroker).
  if (const int rc = ::getaddrinfo(host.c_str(), std::to_string(port).c_str(), &hints, &found); rc != 0) {
    return fail(ErrorCode::io, "cannot resolve the host: " + std::string(::gai_strerror(rc)));
  }
  std::unique_ptr<addrinfo, decltype(&::freeaddrinfo)> addresses(found, &::freeaddrinfo);
  std::string lastError = "no address";
  for (const addrinfo* a = found; a != nullptr; a = a->ai_next) {
    auto connected = connectAddress(*a, deadline);
    if (connected) return connected;
    lastError = connected.error().message;
  }
  return fail(ErrorCode::io, lastError);
}

Result<void> sendAll(int fd, const std::vector<std::uint8_t>& bytes, SteadyTime deadline) {
  std::size_t sent = 0;
  while (sent < bytes.size()) {
    const ssize_t n = ::send(fd, bytes.data() + sent, bytes.size() - sent, MSG_NOSIGNAL);
    if (n > 0) {
      sent += static_cast<std::size_t>(n);
      continue;
    }
    if (n < 0 && errno == EINTR) continue;
    if (n < 0 && errno != EAGAIN && errno != EWOULDBLOCK) return fail(ErrorCode::io, "send: " + errnoText(errno));
    pollfd p{fd, POLLOUT, 0};
    if (::poll(&p, 1, msUntil(deadline)) == 0) return fail(ErrorCode::io, "send: timed out, the broker reads nothing");
  }
  return {};
}

Result<ReadOutcome> readAvailable(int fd, std::string& buffer, std::size_t maxBytes) {
  ReadOutcome outcome;
  std::size_t total = 0;
  char chunk[16 * 1024];
  while (total < maxBytes) {
    const ssize_t n = ::recv(fd, chunk, sizeof chunk, 0);
    if (n > 0) {
      buffer.append(chunk, static_cast<std::size_t>(n));
      total += static_cast<std::size_t>(n);
      continue;
    }
    if (n == 0 || (n < 0 && errno == ECONNRESET)) {  // what was read before still counts
      outcome.closed = true;
      return outcome;
    }
    if (errno == EINTR) continue;
    if (errno == EAGAIN || errno == EWOULDBLOCK) {
      outcome.drained = true;
      return outcome;
    }
    return fail(ErrorCode::io, "recv: " + errnoText(errno));
  }
  return outcome;
}

Result<bool> waitReadable(int fd, int wakeFd, std::chrono::milliseconds timeout) {
  pollfd p[2] = {{fd, POLLIN, 0}, {wakeFd, POLLIN, 0}};
  const int ready = ::poll(p, 2, static_cast<int>(std::max<std::int64_t>(0, timeout.count())));
  if (ready < 0) {
    if (errno == EINTR) return false;
    return fail(ErrorCode::io, "poll: " + errnoText(errno));
  }
  return (p[0].revents & (POLLIN | POLLHUP | POLLERR)) != 0;
}

void closeGracefully(int fd, std::chrono::milliseconds timeout) {
  if (fd < 0 || ::shutdown(fd, SHUT_WR) != 0) return;
  const SteadyTime deadline = std::chrono::steady_clock::now() + timeout;
  std::string dropped;
  while (std::chrono::steady_clock::now() < deadline) {
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
    auto readable = waitReadable(fd, -1, left);
    if (!readable) return;
    if (!*readable) continue;  // EINTR or the deadline: the loop condition decides
    dropped.clear();
    auto read = readAvailable(fd, dropped, 64 * 1024);
    if (!read || read->closed) return;
  }
}

WakePipe::WakePipe() {
  int fds[2];
  if (::pipe2(fds, O_CLOEXEC | O_NONBLOCK) == 0) {
    read_ = FileDescriptor(fds[0]);
    write_ = FileDescriptor(fds[1]);
  }
}

void WakePipe::notify() {
  const char byte = 1;
  [[maybe_unused]] const ssize_t n = ::write(write_.get(), &byte, 1);  // full pipe: already woken
}

void WakePipe::drain() {
  char bytes[64];
  while (::read(read_.get(), bytes, sizeof bytes) > 0) {
  }
}

}  // namespace parktwin::feed::detail
