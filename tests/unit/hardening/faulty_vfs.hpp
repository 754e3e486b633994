#pragma once
// A fault-injection seam for SQLite: a VFS that forwards to the platform one and fails writes,
// fsyncs or file growth on demand. Registered as the default VFS, it sits under every
// connection the historian opens, so twin/store needs no test hooks. Equivalent to libfiu's
// posix/io/* points, but in process, deterministic and without LD_PRELOAD.
#include <atomic>
#include <cstdint>

namespace hardening {

struct FaultPlan {
  std::atomic<bool> fail_writes{false};    // xWrite -> SQLITE_IOERR_WRITE (EIO)
  std::atomic<bool> fail_syncs{false};     // xSync  -> SQLITE_IOERR_FSYNC
  std::atomic<std::int64_t> max_file_bytes{0};  // > 0: a write past this offset -> SQLITE_FULL (ENOSPC)
  std::atomic<std::uint64_t> injected{0};  // how many faults were injected

  void clear() {
    fail_writes = false;
    fail_syncs = false;
    max_file_bytes = 0;
  }
};

// Installs the faulty VFS as SQLite's default (once per process) and returns its plan.
FaultPlan& installFaultyVfs();

}  // namespace hardening
