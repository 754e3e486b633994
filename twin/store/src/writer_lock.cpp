#include "writer_lock.hpp"

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <utility>

namespace parktwin::store {
namespace {

// Whether `path` still names the file open as `fd` (not removed, nor replaced by a new one).
bool pathNamesOpenFile(const std::string& path, int fd) {
  struct stat open {}, named {};
  if (::fstat(fd, &open) != 0 || ::stat(path.c_str(), &named) != 0) return false;
  return open.st_dev == named.st_dev && open.st_ino == named.st_ino;
}

}  // namespace

Result<WriterLock> WriterLock::acquire(const std::string& db_path, const std::function<void()>& betweenOpenAndLock) {
  const std::string path = db_path + "-writer.lock";
  // Each retry follows a writer that closed (and removed the file) meanwhile; a busy lock ends
  // the loop. Bounded all the same: a file system whose stat and fstat disagree about one file
  // (some network mounts) would otherwise retry for ever.
  constexpr int kTries = 100;
  for (int attempt = 0; attempt < kTries; ++attempt) {
    // Read-only is enough for flock, and opens a lock file another user created.
    const int fd = ::open(path.c_str(), O_RDONLY | O_CREAT | O_CLOEXEC, 0644);
    if (fd < 0) return fail(ErrorCode::io, path + ": cannot open the writer lock: " + std::strerror(errno));
    if (betweenOpenAndLock) betweenOpenAndLock();
    if (::flock(fd, LOCK_EX | LOCK_NB) != 0) {
      ::close(fd);
      return fail(ErrorCode::busy, db_path + ": another writer has this historian open (" + path + " is locked); "
                                             "one writer at a time, any number of readers");
    }
    if (pathNamesOpenFile(path, fd)) return WriterLock(fd, path);
    ::close(fd);  // the holder removed it between our open and our lock: take the file there now
  }
  return fail(ErrorCode::io, path + ": the writer lock file keeps changing under it (" + std::to_string(kTries) +
                                 " tries): is the folder on a file system without stable file identities?");
}

WriterLock::WriterLock(WriterLock&& other) noexcept
    : fd_(std::exchange(other.fd_, -1)), path_(std::move(other.path_)) {}

WriterLock& WriterLock::operator=(WriterLock&& other) noexcept {
  if (this != &other) {
    release();
    fd_ = std::exchange(other.fd_, -1);
    path_ = std::move(other.path_);
  }
  return *this;
}

WriterLock::~WriterLock() { release(); }

void WriterLock::release() {
  if (fd_ < 0) return;
  // Removed while still locked (see the header); a file we may not remove (another user's
  // folder) stays, harmlessly. The close releases the flock.
  ::unlink(path_.c_str());
  ::close(fd_);
  fd_ = -1;
}

}  // namespace parktwin::store
