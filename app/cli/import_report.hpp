#pragma once
// What `parktwin-cli import` says after reading a CSV (command_import.cpp): the summary, the
// lines and cells left out, and the readings it made that a person should know about (the
// zone of zone-less times, Excel date numbers, tags given by name, tags the park lacks).
#include <string>

#include "parktwin/store/csv_import.hpp"

namespace parktwin::cli {

// "FILE:LINE: reason" for each line rejected whole and "FILE:LINE:COLUMN: reason" for each
// cell left out, in the file's order, to stderr.
void listRejections(const std::string& file, const store::CsvImportReport& report);
// The counts (to stdout) and the warnings (to stderr), in the options' language.
void sayImported(const std::string& file, const std::string& db, const store::CsvImportReport& report,
                 const store::CsvImportOptions& options);

}  // namespace parktwin::cli
