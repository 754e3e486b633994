#include "child_process.hpp"

#include <fcntl.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <utility>

namespace parktwin::feed::detail {
namespace {

std::string lastSystemError() { return std::strerror(errno); }

std::unexpected<SourceError> cannotCreateAPipe() {
  const std::string why = lastSystemError();
  return std::unexpected(SourceError{"cannot create a pipe: " + why, "无法创建管道：" + why});
}

bool writeAll(int fd, const std::string& data) {
  std::size_t done = 0;
  while (done < data.size()) {
    const ssize_t n = ::write(fd, data.data() + done, data.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    done += static_cast<std::size_t>(n);
  }
  return true;
}

// In the child, between fork and exec: only async-signal-safe calls.
[[noreturn]] void becomeChild(int inputFd, int errorFd, char* const* argv, pid_t parent) {
  ::prctl(PR_SET_PDEATHSIG, SIGTERM);
  if (::getppid() != parent) ::_exit(127);  // the parent died before prctl took effect
  const int devNull = ::open("/dev/null", O_WRONLY);
  ::dup2(inputFd, STDIN_FILENO);
  ::dup2(devNull, STDOUT_FILENO);  // the gateway's libraries chatter there; errors come on stderr
  ::dup2(errorFd, STDERR_FILENO);
  // Nothing else of ours crosses over: an inherited MQTT socket or database file would stay open
  // as long as the gateway runs.
  ::close_range(3, ~0U, 0);
  ::execv(argv[0], argv);
  ::_exit(127);
}

}  // namespace

std::expected<ChildProcess, SourceError> ChildProcess::spawn(const std::vector<std::string>& args, const std::string& input) {
  int inPipe[2];
  int errPipe[2];
  if (::pipe2(inPipe, O_CLOEXEC) != 0) return cannotCreateAPipe();
  if (::pipe2(errPipe, O_CLOEXEC) != 0) {
    auto refused = cannotCreateAPipe();
    ::close(inPipe[0]);
    ::close(inPipe[1]);
    return refused;
  }
  std::vector<char*> argv;
  for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
  argv.push_back(nullptr);
  const pid_t parent = ::getpid();
  const pid_t pid = ::fork();
  if (pid == 0) becomeChild(inPipe[0], errPipe[1], argv.data(), parent);
  ::close(inPipe[0]);
  ::close(errPipe[1]);
  if (pid < 0) {
    const std::string why = lastSystemError();
    ::close(inPipe[1]);
    ::close(errPipe[0]);
    return std::unexpected(SourceError{"cannot start " + args.front() + ": " + why, "无法启动 " + args.front() + "：" + why});
  }
  // A child that exits before reading everything must not kill us with SIGPIPE.
  ::signal(SIGPIPE, SIG_IGN);
  writeAll(inPipe[1], input);
  ::close(inPipe[1]);
  return ChildProcess(pid, errPipe[0]);
}

ChildProcess::ChildProcess(ChildProcess&& other) noexcept
    : pid_(std::exchange(other.pid_, -1)), errorFd_(std::exchange(other.errorFd_, -1)), buffer_(std::move(other.buffer_)) {}

ChildProcess& ChildProcess::operator=(ChildProcess&& other) noexcept {
  std::swap(pid_, other.pid_);
  std::swap(errorFd_, other.errorFd_);
  std::swap(buffer_, other.buffer_);
  return *this;
}

ChildProcess::~ChildProcess() {
  if (errorFd_ >= 0) ::close(errorFd_);
  if (pid_ > 0) {
    ::kill(pid_, SIGKILL);
    ::waitpid(pid_, nullptr, 0);
  }
}

std::optional<std::string> ChildProcess::readErrorLine() {
  while (true) {
    if (const auto nl = buffer_.find('\n'); nl != std::string::npos) {
      std::string line = buffer_.substr(0, nl);
      buffer_.erase(0, nl + 1);
      return line;
    }
    char chunk[4096];
    const ssize_t n = ::read(errorFd_, chunk, sizeof chunk);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      if (buffer_.empty()) return std::nullopt;
      return std::exchange(buffer_, {});
    }
    buffer_.append(chunk, static_cast<std::size_t>(n));
  }
}

int ChildProcess::wait() {
  if (pid_ <= 0) return -1;
  int status = 0;
  while (::waitpid(pid_, &status, 0) < 0 && errno == EINTR) {
  }
  pid_ = -1;
  if (WIFEXITED(status)) return WEXITSTATUS(status);
  return WIFSIGNALED(status) ? -WTERMSIG(status) : -1;
}

void ChildProcess::signal(int sig) const {
  if (pid_ > 0) ::kill(pid_, sig);
}

}  // namespace parktwin::feed::detail
