#pragma once
// One writer per historian file. Since schema 7 a writer opening a file folds the tail it finds
// and every fold deletes the tail, so a second writer would fold away the first one's commits.
// An flock on `<file>-writer.lock` keeps a second writer (another process, or another Historian
// in this one) out; the kernel drops it when the process dies. A separate file: closing any
// descriptor of the database itself would drop the POSIX locks SQLite holds on it.
//
// A clean close removes the lock file while still holding its lock, so no empty files stay
// beside the database. That is safe only because acquire() checks, once it holds the lock, that
// the path still names the file it locked: a writer that opened the file just before the
// holder removed it would otherwise lock a file nobody else can find any more, and a third
// writer would create and lock a new one beside it.
#include <functional>
#include <string>

#include "parktwin/common/result.hpp"

namespace parktwin::store {

class WriterLock {
 public:
  // `betweenOpenAndLock` runs after the lock file is opened and before it is locked: only
  // tests pass it, to put another writer's whole open and close into that gap.
  static Result<WriterLock> acquire(const std::string& db_path, const std::function<void()>& betweenOpenAndLock = {});
  WriterLock(WriterLock&& other) noexcept;
  WriterLock& operator=(WriterLock&& other) noexcept;
  WriterLock(const WriterLock&) = delete;
  WriterLock& operator=(const WriterLock&) = delete;
  ~WriterLock();

 private:
  WriterLock(int fd, std::string path) : fd_(fd), path_(std::move(path)) {}
  void release();
  int fd_ = -1;
  std::string path_;
};

}  // namespace parktwin::store
