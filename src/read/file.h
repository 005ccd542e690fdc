// The intake boundary: a path or bytes → normalized text ready for parse/. Tested by
// file_test.cc. Every failure is an Error value with a one-line reason; nothing throws.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "base/limits.h"
#include "base/result.h"
#include "parse/document.h"

namespace dondoc::read {

struct Input {
  std::string text;  // normalized (NFC, LF) — what every span refers to
  Source source;
  std::vector<Warning> warnings;  // what decoding repaired
};

// Decodes and normalizes bytes that came from `name`. Errors: "empty", "binary_content",
// "too_large", "unsupported_format" (DOCX, PDF, images: not read yet).
Result<Input> FromBytes(std::string_view bytes, std::string name,
                        std::size_t max_bytes = limits::kMaxDocumentBytes);

// Reads a file. Errors as FromBytes, plus "not_found", "is_directory", "unreadable".
Result<Input> ReadDocument(const std::string& path,
                           std::size_t max_bytes = limits::kMaxDocumentBytes);

// Lower-case hex SHA-256 of bytes (libsodium).
std::string Sha256Hex(std::string_view bytes);

}  // namespace dondoc::read
