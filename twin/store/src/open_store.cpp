// openStore: the URI picks the implementation.
#include "clickhouse_store.hpp"
#include "parktwin/store/store.hpp"
#include "parktwin/store/store_uri.hpp"

namespace parktwin::store {

Result<std::unique_ptr<Store>> openStore(const std::string& uri, const StoreOptions& options) {
  auto parsed = parseStoreUri(uri);
  if (!parsed) return std::unexpected(parsed.error());
  if (parsed->kind == StoreKind::clickhouse) return clickhouse::ClickHouseStore::open(parsed->clickhouse, options.read_only);
  HistorianOptions historianOptions = options.historian;
  historianOptions.read_only = options.read_only || historianOptions.read_only;
  auto historian = Historian::open(parsed->sqlite_path, historianOptions);
  if (!historian) return std::unexpected(historian.error());
  return storeOver(std::move(*historian), parsed->sqlite_path);
}

}  // namespace parktwin::store
