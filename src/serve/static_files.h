// Static files (the built web assets) from one directory, GET and HEAD only.
//
// Refused with 404 not_found, never served: a ".." or "." segment, a backslash, a NUL or a
// control byte (before or after percent-decoding), a segment starting with '.' (dotfiles such as
// .git or .env), a file that resolves outside the root through a symlink, anything but a
// regular file. "/" and directory paths serve their index.html. The content type comes from the
// extension (a fixed table; unknown → application/octet-stream) and X-Content-Type-Options:
// nosniff (added by the server) stops the browser from guessing otherwise.
//
// Tested by static_files_test.cc and server_test.cc.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

#include "serve/http.h"
#include "serve/router.h"

namespace dondoc::serve {

// The file under `root` for the percent-encoded URL `path`, or nullopt when the path is refused
// or does not name a regular file. `root` must exist.
std::optional<std::filesystem::path> ResolveStatic(const std::filesystem::path& root,
                                                   std::string_view path);

// "text/html; charset=utf-8" for "x.html", …; application/octet-stream when unknown.
std::string_view ContentTypeFor(const std::filesystem::path& file);

// A handler serving files below `root` (canonicalized once here). Files above `max_bytes` are
// refused with 404 rather than loaded whole into memory.
Handler StaticHandler(std::filesystem::path root, std::size_t max_bytes = 64u << 20);

}  // namespace dondoc::serve
