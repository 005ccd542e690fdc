// Tested by file_test.cc.
#include "read/file.h"

#include <openssl/evp.h>
#include <sys/stat.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fstream>

#include "text/decode.h"

namespace dondoc::read {
namespace {

std::string Megabytes(std::size_t n) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f MB", static_cast<double>(n) / (1024.0 * 1024.0));
  return buf;
}

// Formats we recognise by their magic bytes but do not read yet.
const char* UnsupportedFormat(std::string_view b) {
  if (b.substr(0, 4) == "PK\x03\x04") return "DOCX/ZIP";
  if (b.substr(0, 5) == "%PDF-") return "PDF";
  if (b.substr(0, 8) == "\x89PNG\r\n\x1A\n") return "PNG image";
  if (b.substr(0, 3) == "\xFF\xD8\xFF") return "JPEG image";
  if (b.substr(0, 8) == "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1") return "Word 97-2003 (.doc)";
  return nullptr;
}

}  // namespace

std::string Sha256Hex(std::string_view bytes) {
  // OpenSSL's SHA-256 uses the CPU's SHA instructions where present (~10× libsodium's
  // portable code): hashing was half of the read path's cost.
  unsigned char out[EVP_MAX_MD_SIZE];
  unsigned int out_len = 0;
  if (EVP_Digest(bytes.data(), bytes.size(), out, &out_len, EVP_sha256(), nullptr) != 1) {
    return {};
  }
  static constexpr char kHex[] = "0123456789abcdef";
  std::string hex;
  hex.reserve(2 * out_len);
  for (unsigned int i = 0; i < out_len; ++i) {
    const unsigned char c = out[i];
    hex.push_back(kHex[c >> 4]);
    hex.push_back(kHex[c & 15]);
  }
  return hex;
}

Result<Input> FromBytes(std::string_view bytes, std::string name, std::size_t max_bytes) {
  if (bytes.size() > max_bytes) {
    return Error{"too_large", "file too large (" + Megabytes(bytes.size()) + ", limit " +
                                  Megabytes(max_bytes) + ")"};
  }
  if (const char* fmt = UnsupportedFormat(bytes)) {
    return Error{"unsupported_format",
                 std::string(fmt) + " files are not read yet; convert to text"};
  }
  auto decoded = text::DecodeNormalized(bytes);
  if (!decoded.ok()) return decoded.error();
  Input in;
  in.text = std::move(decoded.value().utf8);
  in.source.name = std::move(name);
  in.source.sha256 = Sha256Hex(bytes);
  in.source.format = "text";
  in.source.encoding = decoded.value().encoding;
  for (auto& n : decoded.value().notices) {
    in.warnings.push_back(Warning{std::move(n.code), std::move(n.message), {}});
  }
  return in;
}

Result<Input> ReadDocument(const std::string& path, std::size_t max_bytes) {
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) {
    if (errno == ENOENT || errno == ENOTDIR) return Error{"not_found", "no such file"};
    return Error{"unreadable", std::strerror(errno)};
  }
  if (S_ISDIR(st.st_mode)) return Error{"is_directory", "is a directory, not a document"};
  if (!S_ISREG(st.st_mode)) return Error{"unreadable", "not a regular file"};
  if (static_cast<std::size_t>(st.st_size) > max_bytes) {
    return Error{"too_large", "file too large (" + Megabytes(st.st_size) + ", limit " +
                                  Megabytes(max_bytes) + ")"};
  }
  std::ifstream f(path, std::ios::binary);
  if (!f) return Error{"unreadable", std::string("cannot open: ") + std::strerror(errno)};
  std::string bytes(static_cast<std::size_t>(st.st_size), '\0');
  f.read(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  if (!f && !f.eof()) return Error{"unreadable", "read error"};
  bytes.resize(static_cast<std::size_t>(f.gcount()));
  std::string name = path;
  if (const auto slash = name.find_last_of('/'); slash != std::string::npos) {
    name = name.substr(slash + 1);
  }
  return FromBytes(bytes, std::move(name), max_bytes);
}

}  // namespace dondoc::read
