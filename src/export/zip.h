// Zip archives in memory through libzip: the DOCX writer builds one, tests and checks read one
// back. Tested by zip_test.cc.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "base/result.h"

namespace dondoc::exports {

struct ZipEntry {
  std::string name;  // "word/document.xml"
  std::string bytes;
};

// The archive's bytes, entries in the order given, deflated. Errors: "zip_failed" with
// libzip's message.
Result<std::string> WriteZip(const std::vector<ZipEntry>& entries);

// Every entry of an archive, by name. Errors: "zip_failed" (not a zip, a bad entry).
Result<std::map<std::string, std::string>> ReadZip(const std::string& bytes);

}  // namespace dondoc::exports
