#include "faulty_vfs.hpp"

#include <sqlite3.h>

#include <cstring>

namespace hardening {
namespace {

FaultPlan plan;
sqlite3_vfs* base = nullptr;

// Our file object: the methods pointer SQLite sees, then the platform file it wraps.
struct FaultyFile {
  sqlite3_file self;
  sqlite3_file* real() { return reinterpret_cast<sqlite3_file*>(this + 1); }
};

FaultyFile* faulty(sqlite3_file* f) { return reinterpret_cast<FaultyFile*>(f); }
sqlite3_file* real(sqlite3_file* f) { return faulty(f)->real(); }

int xClose(sqlite3_file* f) { return real(f)->pMethods->xClose(real(f)); }
int xRead(sqlite3_file* f, void* p, int n, sqlite3_int64 off) { return real(f)->pMethods->xRead(real(f), p, n, off); }
int xWrite(sqlite3_file* f, const void* p, int n, sqlite3_int64 off) {
  if (plan.fail_writes) {
    ++plan.injected;
    return SQLITE_IOERR_WRITE;
  }
  const std::int64_t cap = plan.max_file_bytes;
  if (cap > 0 && off + n > cap) {
    ++plan.injected;
    return SQLITE_FULL;
  }
  return real(f)->pMethods->xWrite(real(f), p, n, off);
}
int xTruncate(sqlite3_file* f, sqlite3_int64 size) { return real(f)->pMethods->xTruncate(real(f), size); }
int xSync(sqlite3_file* f, int flags) {
  if (plan.fail_syncs) {
    ++plan.injected;
    return SQLITE_IOERR_FSYNC;
  }
  return real(f)->pMethods->xSync(real(f), flags);
}
int xFileSize(sqlite3_file* f, sqlite3_int64* size) { return real(f)->pMethods->xFileSize(real(f), size); }
int xLock(sqlite3_file* f, int level) { return real(f)->pMethods->xLock(real(f), level); }
int xUnlock(sqlite3_file* f, int level) { return real(f)->pMethods->xUnlock(real(f), level); }
int xCheckReservedLock(sqlite3_file* f, int* out) { return real(f)->pMethods->xCheckReservedLock(real(f), out); }
int xFileControl(sqlite3_file* f, int op, void* arg) { return real(f)->pMethods->xFileControl(real(f), op, arg); }
int xSectorSize(sqlite3_file* f) { return real(f)->pMethods->xSectorSize(real(f)); }
int xDeviceCharacteristics(sqlite3_file* f) { return real(f)->pMethods->xDeviceCharacteristics(real(f)); }
int xShmMap(sqlite3_file* f, int region, int size, int extend, void volatile** out) {
  return real(f)->pMethods->xShmMap(real(f), region, size, extend, out);
}
int xShmLock(sqlite3_file* f, int offset, int n, int flags) { return real(f)->pMethods->xShmLock(real(f), offset, n, flags); }
void xShmBarrier(sqlite3_file* f) { real(f)->pMethods->xShmBarrier(real(f)); }
int xShmUnmap(sqlite3_file* f, int deleteFlag) { return real(f)->pMethods->xShmUnmap(real(f), deleteFlag); }
int xFetch(sqlite3_file* f, sqlite3_int64 off, int n, void** out) { return real(f)->pMethods->xFetch(real(f), off, n, out); }
int xUnfetch(sqlite3_file* f, sqlite3_int64 off, void* p) { return real(f)->pMethods->xUnfetch(real(f), off, p); }

const sqlite3_io_methods kMethods = {3,           xClose,      xRead,         xWrite,
                                     xTruncate,   xSync,       xFileSize,     xLock,
                                     xUnlock,     xCheckReservedLock, xFileControl, xSectorSize,
                                     xDeviceCharacteristics, xShmMap, xShmLock, xShmBarrier,
                                     xShmUnmap,   xFetch,      xUnfetch};

int xOpen(sqlite3_vfs*, sqlite3_filename name, sqlite3_file* f, int flags, int* outFlags) {
  auto* file = faulty(f);
  std::memset(&file->self, 0, sizeof file->self);
  const int rc = base->xOpen(base, name, file->real(), flags, outFlags);
  // Only a successfully opened file is closed through our methods.
  file->self.pMethods = file->real()->pMethods != nullptr ? &kMethods : nullptr;
  return rc;
}

sqlite3_vfs vfs;

}  // namespace

FaultPlan& installFaultyVfs() {
  static const bool installed = [] {
    base = sqlite3_vfs_find(nullptr);
    vfs = *base;  // inherit every other method (delete, access, randomness, time, ...)
    vfs.zName = "parktwin-faulty";
    vfs.szOsFile = static_cast<int>(sizeof(FaultyFile)) + base->szOsFile;
    vfs.xOpen = xOpen;
    vfs.pNext = nullptr;
    return sqlite3_vfs_register(&vfs, 1) == SQLITE_OK;
  }();
  (void)installed;
  return plan;
}

}  // namespace hardening
