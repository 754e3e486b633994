// The ClickHouse store's spool: batches come back in order, a torn last record (a crash during
// append, so never acknowledged) is dropped, a failed send keeps everything, and a second
// writer is kept out. The file is read back with plain iostreams as the oracle of its layout.
#include "clickhouse_spool.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "temp_dir.hpp"

namespace parktwin::store::clickhouse {
namespace {

using parktwin::store::test::TempDir;

std::string fileText(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

// A spool in `dir`/s holding `batches`, appended in order.
Result<Spool> spoolWith(const TempDir& dir, const std::vector<SpooledBatch>& batches) {
  auto spool = Spool::open(dir.file("s"));
  for (const auto& b : batches) {
    if (!spool) break;
    if (auto ok = spool->append(b); !ok) return std::unexpected(ok.error());
  }
  return spool;
}

TEST(ClickHouseSpool, ReplaysBatchesInOrderThenEmpties) {
  TempDir dir;
  auto spool = spoolWith(dir, {{"samples", 2, std::string("a\0\nb", 4)}, {"events", 1, "x\ty\n"}});
  ASSERT_TRUE(spool) << spool.error().message;
  EXPECT_EQ(fileText(dir.file("s/spool.log")), std::string("samples 2 4\na\0\nbevents 1 4\nx\ty\n", 31));
  std::vector<SpooledBatch> sent;
  auto rows = spool->replay([&](const SpooledBatch& b) -> Result<void> {
    sent.push_back(b);
    return {};
  });
  ASSERT_TRUE(rows);
  EXPECT_EQ(*rows, 3u);
  ASSERT_EQ(sent.size(), 2u);
  EXPECT_EQ(sent[0].table, "samples");
  EXPECT_EQ(sent[0].tsv, std::string("a\0\nb", 4));
  EXPECT_EQ(sent[1].table, "events");
  EXPECT_TRUE(spool->empty());
  EXPECT_EQ(fileText(dir.file("s/spool.log")), "");
}

TEST(ClickHouseSpool, AFailedSendKeepsEverythingForNextTime) {
  TempDir dir;
  auto spool = spoolWith(dir, {{"samples", 1, "one"}, {"samples", 1, "two"}});
  ASSERT_TRUE(spool);
  int calls = 0;
  auto failed = spool->replay([&](const SpooledBatch&) -> Result<void> {
    return ++calls == 2 ? Result<void>{fail(ErrorCode::io, "shard away")} : Result<void>{};
  });
  ASSERT_FALSE(failed);
  EXPECT_EQ(failed.error().message, "shard away");
  EXPECT_EQ(fileText(dir.file("s/spool.log")), "samples 1 3\nonesamples 1 3\ntwo");
}

TEST(ClickHouseSpool, ATornLastRecordIsDroppedAndASecondWriterRefused) {
  TempDir dir;
  {
    auto spool = spoolWith(dir, {{"samples", 1, "whole"}});
    ASSERT_TRUE(spool);
    auto second = Spool::open(dir.file("s"));
    ASSERT_FALSE(second);
    EXPECT_EQ(second.error().code, ErrorCode::busy);
  }
  std::ofstream(dir.file("s/spool.log"), std::ios::app) << "samples 1 10\nhal";  // crash mid-append
  auto spool = Spool::open(dir.file("s"));
  ASSERT_TRUE(spool);
  std::vector<std::string> sent;
  auto rows = spool->replay([&](const SpooledBatch& b) -> Result<void> {
    sent.push_back(b.tsv);
    return {};
  });
  ASSERT_TRUE(rows);
  EXPECT_EQ(sent, std::vector<std::string>{"whole"});
}

}  // namespace
}  // namespace parktwin::store::clickhouse
