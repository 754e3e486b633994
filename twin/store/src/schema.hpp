#pragma once
#include "sqlite_db.hpp"

namespace parktwin::store {

// Checks that `db` is a historian this build understands and, unless read-only, creates or
// migrates it to kSchemaVersion. A foreign, corrupt or newer file is an error with the reason.
Result<void> prepareSchema(sql::Database& db, bool readOnly);

}  // namespace parktwin::store
