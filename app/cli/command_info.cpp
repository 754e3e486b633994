// parktwin-cli info --db park.db | --store URI: tags, time ranges, sample counts, bytes on disk.
#include <cstdio>
#include <iostream>
#include <memory>

#include "command_registry.hpp"
#include "parktwin/store/store.hpp"
#include "parktwin/store/store_uri.hpp"
#include "store_option.hpp"
#include "terminal.hpp"
#include "parktwin/common/iso_time.hpp"

namespace parktwin::cli {
namespace {

// The table's header: ASCII columns in English (as printf pads them), the Chinese padded to the
// same terminal columns.
void printHeader() {
  if (commandLanguage() != "zh") {
    std::printf("%-32s %-8s %-8s %-24s %-24s %12s %8s %10s\n", "tag", "unit", "kind", "first", "last", "samples", "blocks",
                "bytes/smp");
    return;
  }
  std::printf("%s %s %s %s %s %s %s %s\n", padColumns("测点", 32).c_str(), padColumns("单位", 8).c_str(),
              padColumns("类型", 8).c_str(), padColumns("首个样本", 24).c_str(), padColumns("最后样本", 24).c_str(),
              padColumnsLeft("样本数", 12).c_str(), padColumnsLeft("块数", 8).c_str(), padColumnsLeft("字节/样本", 10).c_str());
}

// "6 tags, 82 samples, 449 bytes of block payload, ..." under the table.
void printTotals(std::size_t tags, std::uint64_t samples, std::uint64_t payload, const std::string& db, store::Store& historian) {
  const bool zh = commandLanguage() == "zh";
  if (zh) std::printf("\n%zu 个测点，%llu 个样本", tags, static_cast<unsigned long long>(samples));
  else std::printf("\n%s, %s", counted(tags, "tag", "tags").c_str(), counted(samples, "sample", "samples").c_str());
  const auto uri = store::parseStoreUri(db);
  if (uri && uri->kind == store::StoreKind::sqlite) {  // a cluster's bytes are its own business (system.parts)
    const auto onDisk = static_cast<unsigned long long>(store::bytesOnDisk(uri->sqlite_path));
    std::printf(zh ? "，块数据 %llu 字节，磁盘上 %llu 字节（含 -wal/-shm）"
                   : ", %llu bytes of block payload, %llu bytes on disk (with -wal/-shm)",
                static_cast<unsigned long long>(payload), onDisk);
    if (samples > 0) {
      std::printf(zh ? "，磁盘上每个样本 %.2f 字节" : ", %.2f bytes per sample on disk",
                  static_cast<double>(onDisk) / static_cast<double>(samples));
    }
  } else {
    std::printf(zh ? "，位于 %s" : " in %s", historian.describe().c_str());
  }
  std::printf("\n");
}

int runInfo(const std::string& db) {
  auto historian = store::openStore(db, store::StoreOptions{.read_only = true, .historian = {}});
  if (!historian) {
    std::cerr << historian.error().message << "\n";
    return 2;
  }
  auto summary = (*historian)->summary();
  auto hash = (*historian)->parkFileHash();
  if (!summary || !hash) {
    std::cerr << (!summary ? summary.error().message : hash.error().message) << "\n";
    return 1;
  }
  std::uint64_t samples = 0, payload = 0;
  printHeader();
  for (const auto& t : *summary) {
    samples += t.samples;
    payload += t.payload_bytes;
    const bool any = t.samples > 0;
    std::printf("%-32s %-8s %-8s %-24s %-24s %12llu %8llu %10.2f\n", t.name.c_str(), t.unit.c_str(), t.kind.c_str(),
                any ? formatIsoUtcMs(t.first_ms).c_str() : "-", any ? formatIsoUtcMs(t.last_ms).c_str() : "-",
                static_cast<unsigned long long>(t.samples), static_cast<unsigned long long>(t.blocks),
                any ? static_cast<double>(t.payload_bytes) / static_cast<double>(t.samples) : 0.0);
  }
  printTotals(summary->size(), samples, payload, db, **historian);
  // Only a history that recorded which park file it was written for has one; "(none)" read as a fault (QA).
  if (!hash->empty()) {
    std::printf(commandLanguage() == "zh" ? "园区文件哈希（写入时所依据的园区文件）：%s\n"
                                          : "park file hash (the park file it was written for): %s\n",
                hash->c_str());
  }
  return 0;
}

const bool registered = registerCommand({
    "info",
    {"Summarise a historian file: tags, time ranges, sample counts, bytes on disk",
     "汇总历史库文件：测点、时间范围、样本数、占用的磁盘字节数"},
    [](CLI::App& sub) {
      auto db = std::make_shared<std::string>();
      auto* dbOption = sub.add_option("--db", *db, say("Historian file", "历史库文件"))->check(CLI::ExistingFile);
      addStoreOption(sub, *db, dbOption);
      return [db] { return storeGiven(*db, "info") ? runInfo(*db) : 2; };
    }});

}  // namespace
}  // namespace parktwin::cli
