// WriterLock: one writer per historian file, and no empty `<file>-writer.lock` left after a
// clean close. The lock file is removed while locked, which is only safe if a writer that
// locks a file no longer at the path notices and takes the one there instead.
// Oracle: the lock file's presence on disk, and whether a third writer is refused.
#include <gtest/gtest.h>

#include <filesystem>
#include <optional>
#include <utility>

#include "temp_dir.hpp"
#include "writer_lock.hpp"

namespace parktwin::store {
namespace {

TEST(WriterLock, ASecondWriterIsRefusedAndTheFileIsGoneAfterTheClose) {
  test::TempDir dir;
  const std::string db = dir.file("park.db");
  {
    auto first = WriterLock::acquire(db);
    ASSERT_TRUE(first) << first.error().message;
    EXPECT_TRUE(std::filesystem::exists(db + "-writer.lock"));
    auto second = WriterLock::acquire(db);
    ASSERT_FALSE(second);
    EXPECT_EQ(second.error().code, ErrorCode::busy);
  }
  EXPECT_FALSE(std::filesystem::exists(db + "-writer.lock"));
  auto again = WriterLock::acquire(db);
  EXPECT_TRUE(again) << again.error().message;
}

// The race the removal opens: B opens the lock file, then A (which held it) closes and removes
// it, then B locks the removed file. B must not keep that lock, or C, finding no file, would
// create one, lock it and write beside B.
TEST(WriterLock, AWriterWhoseFileWasRemovedBeforeItLockedTakesTheFileThereInstead) {
  test::TempDir dir;
  const std::string db = dir.file("park.db");
  bool racedOnce = false;
  const auto holderClosesMeanwhile = [&] {
    if (std::exchange(racedOnce, true)) return;
    auto a = WriterLock::acquire(db);  // the file B opened, locked and removed again by A
    ASSERT_TRUE(a) << a.error().message;
  };
  auto b = WriterLock::acquire(db, holderClosesMeanwhile);
  ASSERT_TRUE(racedOnce);
  ASSERT_TRUE(b) << b.error().message;
  EXPECT_TRUE(std::filesystem::exists(db + "-writer.lock")) << "B holds the file at the path";
  auto c = WriterLock::acquire(db);
  ASSERT_FALSE(c) << "two writers at once";
  EXPECT_EQ(c.error().code, ErrorCode::busy);
}

}  // namespace
}  // namespace parktwin::store
