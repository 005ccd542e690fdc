// Tested by static_files_test.cc.
#include "serve/static_files.h"

#include <array>
#include <fstream>
#include <iterator>
#include <system_error>
#include <utility>

#include "serve/errors.h"

namespace dondoc::serve {

namespace fs = std::filesystem;

namespace {

bool BadByte(char c) {
  const auto u = static_cast<unsigned char>(c);
  return u < 0x20 || u == 0x7f || c == '\\';
}

// True when `inner` is `root` or below it (both canonical).
bool Within(const fs::path& root, const fs::path& inner) {
  auto r = root.begin();
  auto i = inner.begin();
  for (; r != root.end(); ++r, ++i) {
    if (i == inner.end() || *r != *i) return false;
  }
  return true;
}

}  // namespace

std::optional<fs::path> ResolveStatic(const fs::path& root, std::string_view path) {
  if (path.empty() || path.front() != '/') return std::nullopt;
  fs::path rel;
  for (std::string_view raw : SplitPath(path)) {
    // Decode per segment: an encoded '/' (%2F) must not create a new segment.
    std::optional<std::string> seg = PercentDecode(raw);
    if (!seg) return std::nullopt;
    if (seg->empty()) continue;                    // "//" or a trailing '/'
    if (seg->front() == '.') return std::nullopt;  // "..", ".", dotfiles
    for (char c : *seg) {
      if (BadByte(c) || c == '/') return std::nullopt;
    }
    rel /= *seg;
  }
  std::error_code ec;
  const fs::path canon_root = fs::canonical(root, ec);
  if (ec) return std::nullopt;
  fs::path file = canon_root / rel;
  if (fs::is_directory(file, ec)) file /= "index.html";
  // Symlinks inside the root may point anywhere: compare real paths.
  const fs::path real = fs::canonical(file, ec);
  if (ec || !Within(canon_root, real) || !fs::is_regular_file(real, ec)) return std::nullopt;
  return real;
}

std::string_view ContentTypeFor(const fs::path& file) {
  static constexpr std::array<std::pair<std::string_view, std::string_view>, 18> kTypes = {{
      {".html", "text/html; charset=utf-8"},
      {".htm", "text/html; charset=utf-8"},
      {".css", "text/css; charset=utf-8"},
      {".js", "text/javascript; charset=utf-8"},
      {".mjs", "text/javascript; charset=utf-8"},
      {".json", "application/json"},
      {".map", "application/json"},
      {".svg", "image/svg+xml"},
      {".png", "image/png"},
      {".jpg", "image/jpeg"},
      {".jpeg", "image/jpeg"},
      {".gif", "image/gif"},
      {".ico", "image/x-icon"},
      {".webp", "image/webp"},
      {".woff", "font/woff"},
      {".woff2", "font/woff2"},
      {".txt", "text/plain; charset=utf-8"},
      {".wasm", "application/wasm"},
  }};
  std::string ext = file.extension().string();
  for (char& c : ext) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  for (const auto& [e, type] : kTypes) {
    if (e == ext) return type;
  }
  return "application/octet-stream";
}

Handler StaticHandler(fs::path root, std::size_t max_bytes) {
  std::error_code ec;
  fs::path canon = fs::canonical(root, ec);
  if (ec) canon = std::move(root);
  return [canon, max_bytes](const Request& req) -> Response {
    std::optional<fs::path> file = ResolveStatic(canon, req.path);
    if (!file) return ErrorResponse(ErrorCode::kNotFound);
    std::error_code size_ec;
    const auto size = fs::file_size(*file, size_ec);
    if (size_ec || size > max_bytes) return ErrorResponse(ErrorCode::kNotFound);
    std::ifstream in(*file, std::ios::binary);
    if (!in) return ErrorResponse(ErrorCode::kNotFound);
    Response r;
    r.content_type = std::string(ContentTypeFor(*file));
    r.body.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    // Built assets may be cached briefly; the server adds no-store only under /api/.
    r.headers.emplace_back("Cache-Control", "no-cache");
    return r;
  };
}

}  // namespace dondoc::serve
