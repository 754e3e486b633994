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
  std::printf("%-32s %-8s %-8s %-24s %-24s %12s %8s %10s\n", "tag", "unit", "kind", "first", "last", "samples", "blocks",
              "bytes/smp");
  for (const auto& t : *summary) {
    samples += t.samples;
    payload += t.payload_bytes;
    const bool any = t.samples > 0;
    std::printf("%-32s %-8s %-8s %-24s %-24s %12llu %8llu %10.2f\n", t.name.c_str(), t.unit.c_str(), t.kind.c_str(),
                any ? formatIsoUtcMs(t.first_ms).c_str() : "-", any ? formatIsoUtcMs(t.last_ms).c_str() : "-",
                static_cast<unsigned long long>(t.samples), static_cast<unsigned long long>(t.blocks),
                any ? static_cast<double>(t.payload_bytes) / static_cast<double>(t.samples) : 0.0);
  }
  std::printf("\n%s, %s", counted(summary->size(), "tag", "tags").c_str(), counted(samples, "sample", "samples").c_str());
  const auto uri = store::parseStoreUri(db);
  if (uri && uri->kind == store::StoreKind::sqlite) {  // a cluster's bytes are its own business (system.parts)
    const auto onDisk = store::bytesOnDisk(uri->sqlite_path);
    std::printf(", %llu bytes of block payload, %llu bytes on disk (with -wal/-shm)", static_cast<unsigned long long>(payload),
                static_cast<unsigned long long>(onDisk));
    if (samples > 0) std::printf(", %.2f bytes per sample on disk", static_cast<double>(onDisk) / static_cast<double>(samples));
  } else {
    std::printf(" in %s", (*historian)->describe().c_str());
  }
  std::printf("\n");
  // Only a history that recorded which park file it was written for has one; "(none)" read as a fault (QA).
  if (!hash->empty()) std::printf("park file hash (the park file it was written for): %s\n", hash->c_str());
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
