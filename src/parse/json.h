// Document → `dondoc/document@1` JSON (shared/docs/document-schema.md). The only place that
// knows the JSON spelling of the contract. Tested by json_test.cc and the golden tests.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "parse/document.h"

namespace dondoc::parse {

inline constexpr const char* kSchema = "dondoc/document@1";

// Keys in contract order; empty strings become null, empty spans [0, 0].
nlohmann::ordered_json ToJson(const Document& doc);

// ToJson(doc) serialized (`pretty`: 2-space indentation), byte for byte what its dump gives;
// the compact form without building the DOM. With `text`, a last key "text" holds it
// (`dondoc parse --text`).
// Invalid UTF-8 cannot reach here (the text layer repairs it), but is replaced rather than
// thrown on, to be safe.
std::string ToJsonString(const Document& doc, bool pretty, const std::string* text = nullptr);

}  // namespace dondoc::parse
