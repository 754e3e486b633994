#pragma once
// One writer per historian file. Since schema 7 a writer opening a file folds the tail it finds
// and every fold deletes the tail, so a second writer would fold away the first one's commits.
// An flock on `<file>-writer.lock` keeps a second writer (another process, or another Historian
// in this one) out; the kernel drops it when the process dies. A separate file: closing any
// descriptor of the database itself would drop the POSIX locks SQLite holds on it.
#include <string>

#include "parktwin/common/result.hpp"

namespace parktwin::store {

class WriterLock {
 public:
  static Result<WriterLock> acquire(const std::string& db_path);
  WriterLock(WriterLock&& other) noexcept;
  WriterLock& operator=(WriterLock&& other) noexcept;
  WriterLock(const WriterLock&) = delete;
  WriterLock& operator=(const WriterLock&) = delete;
  ~WriterLock();

 private:
  explicit WriterLock(int fd) : fd_(fd) {}
  int fd_ = -1;
};

}  // namespace parktwin::store
