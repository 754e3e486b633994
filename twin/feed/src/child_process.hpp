#pragma once
// A helper program run by a live source (the OPC UA gateway): started with its configuration on
// standard input and its standard error piped back to us, so that no password lands in a file
// or in the process list, and stopped for certain.
#include <chrono>
#include <optional>
#include <string>
#include <vector>

#include "parktwin/common/result.hpp"
#include "source_error.hpp"

namespace parktwin::feed::detail {

class ChildProcess {
 public:
  // argv[0] is the program's path. The child dies with us (PR_SET_PDEATHSIG), so a crashed twin
  // leaves no orphan gateway behind. A failure is worded in both languages: it is the source's error.
  static std::expected<ChildProcess, SourceError> spawn(const std::vector<std::string>& argv, const std::string& input);
  ChildProcess(ChildProcess&& other) noexcept;
  ChildProcess& operator=(ChildProcess&& other) noexcept;
  ChildProcess(const ChildProcess&) = delete;
  ChildProcess& operator=(const ChildProcess&) = delete;
  ~ChildProcess();

  int pid() const { return pid_; }
  // One line of the child's standard error, without the newline; nullopt once it closed it.
  std::optional<std::string> readErrorLine();
  // Waits for the child to end and returns its exit status (-signal if a signal ended it).
  int wait();
  void signal(int sig) const;

 private:
  ChildProcess(int pid, int errorFd) : pid_(pid), errorFd_(errorFd) {}
  int pid_ = -1;
  int errorFd_ = -1;
  std::string buffer_;
};

}  // namespace parktwin::feed::detail
