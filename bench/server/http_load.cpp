// http_load PORT PATH TOKEN CLIENTS SECONDS [FIRST]: CLIENTS threads, each with one keep-alive
// HTTP/1.1 connection, GET PATH as fast as the server answers for SECONDS; prints
// "requests N failures F seconds S". A "{n}" in PATH is replaced by FIRST, FIRST + 1, ... (one
// number per request over all clients), so that every request asks something new (a new T, a
// new range) and no answer kept for an earlier request can serve it. Plain POSIX sockets: the load generator must cost less
// than the server it measures, and must not share the server's HTTP code.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>

#include "timed_clients.hpp"

namespace {

int connectTo(int port) {
  const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(static_cast<std::uint16_t>(port));
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) {
    ::close(fd);
    return -1;
  }
  int one = 1;
  ::setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
  return fd;
}

// Reads one response; true when its status is 200. Only the head is copied out of the kernel:
// the body is dropped there, counted (recv with MSG_TRUNC discards TCP data, tcp(7)), so that
// the load client, on the same cores as the server, spends them on asking, not on copying
// answers of 80 kB that it never looks at. The server's work is the same either way.
bool readResponse(int fd, std::string& buffer) {
  std::size_t headerEnd;
  while ((headerEnd = buffer.find("\r\n\r\n")) == std::string::npos) {
    char chunk[4096];
    const ssize_t n = ::recv(fd, chunk, sizeof chunk, 0);
    if (n <= 0) return false;
    buffer.append(chunk, static_cast<std::size_t>(n));
  }
  const auto cl = buffer.find("Content-Length: ");
  const std::size_t length = cl < headerEnd ? std::strtoul(buffer.c_str() + cl + 16, nullptr, 10) : 0;
  const bool ok = buffer.compare(9, 3, "200") == 0;
  const std::size_t bodyHere = buffer.size() - (headerEnd + 4);
  if (bodyHere >= length) {  // one request at a time: nothing follows the body
    buffer.erase(0, headerEnd + 4 + length);
    return ok;
  }
  buffer.clear();
  char unused[1];
  for (std::size_t left = length - bodyHere; left > 0;) {
    const ssize_t n = ::recv(fd, unused, left, MSG_TRUNC);
    if (n <= 0) return false;
    left -= static_cast<std::size_t>(n);
  }
  return ok;
}

// The request for the n-th read: PATH with its "{n}" (if any) replaced by n.
class Requests {
 public:
  Requests(const std::string& path, const std::string& token, long long first) : next_(first) {
    const auto at = path.find("{n}");
    head_ = "GET " + path.substr(0, at);
    tail_ = (at == std::string::npos ? std::string() : path.substr(at + 3)) + " HTTP/1.1\r\nHost: 127.0.0.1\r\n" +
            "Authorization: Bearer " + token + "\r\n\r\n";
    numbered_ = at != std::string::npos;
  }
  std::string next() {
    if (!numbered_) return head_ + tail_;
    return head_ + std::to_string(next_.fetch_add(1)) + tail_;
  }

 private:
  std::string head_, tail_;
  bool numbered_ = false;
  std::atomic<long long> next_;
};

}  // namespace

int main(int argc, char** argv) {
  if (argc != 6 && argc != 7) {
    std::fprintf(stderr, "usage: http_load PORT PATH TOKEN CLIENTS SECONDS [FIRST]\n");
    return 2;
  }
  const int port = std::atoi(argv[1]);
  Requests requests(argv[2], argv[3], argc == 7 ? std::atoll(argv[6]) : 0);
  const int clients = std::atoi(argv[4]);
  const double seconds = std::atof(argv[5]);
  runTimedClients(clients, seconds, [&] {
    // One keep-alive connection per client; reconnects after a failure.
    return [&requests, port, fd = connectTo(port), buffer = std::string()]() mutable {
      const std::string request = requests.next();
      if (fd >= 0 && ::send(fd, request.data(), request.size(), MSG_NOSIGNAL) == static_cast<ssize_t>(request.size()) &&
          readResponse(fd, buffer)) {
        return true;
      }
      if (fd >= 0) ::close(fd);
      fd = connectTo(port);
      buffer.clear();
      return false;
    };
  });
  return 0;
}
