// Tested by zip_test.cc. libzip works on "sources"; a buffer source kept alive past
// zip_close() holds the finished archive, which we copy out. Every libzip object is released on
// every path (the lambdas below), since errors are values here, not exceptions.
#include "export/zip.h"

#include <zip.h>

namespace dondoc::exports {
namespace {

Error Fail(const std::string& what, zip_error_t* e) {
  std::string msg = what;
  if (e) msg += ": " + std::string(zip_error_strerror(e));
  return {"zip_failed", msg};
}

}  // namespace

Result<std::string> WriteZip(const std::vector<ZipEntry>& entries) {
  zip_error_t err;
  zip_error_init(&err);
  zip_source_t* out = zip_source_buffer_create(nullptr, 0, 0, &err);
  if (!out) {
    Error e = Fail("cannot create a buffer", &err);
    zip_error_fini(&err);
    return e;
  }
  zip_source_keep(out);  // we read it after zip_close
  zip_t* za = zip_open_from_source(out, ZIP_TRUNCATE, &err);
  if (!za) {
    Error e = Fail("cannot open the archive", &err);
    zip_error_fini(&err);
    zip_source_free(out);
    zip_source_free(out);
    return e;
  }
  zip_error_fini(&err);
  for (const ZipEntry& entry : entries) {
    // zip_source_buffer does not copy: the bytes must outlive zip_close(), and `entries` does.
    zip_source_t* s = zip_source_buffer(za, entry.bytes.data(), entry.bytes.size(), 0);
    if (!s || zip_file_add(za, entry.name.c_str(), s, ZIP_FL_ENC_UTF_8 | ZIP_FL_OVERWRITE) < 0) {
      if (s) zip_source_free(s);
      Error e{"zip_failed", "cannot add " + entry.name + ": " + zip_strerror(za)};
      zip_discard(za);
      zip_source_free(out);
      return e;
    }
  }
  if (zip_close(za) < 0) {
    Error e{"zip_failed", std::string("cannot finish the archive: ") + zip_strerror(za)};
    zip_discard(za);
    zip_source_free(out);
    return e;
  }
  std::string bytes;
  zip_stat_t st;
  if (zip_source_open(out) < 0 || zip_source_stat(out, &st) < 0) {
    zip_source_free(out);
    return Error{"zip_failed", "cannot read the finished archive"};
  }
  bytes.resize(static_cast<std::size_t>(st.size));
  const zip_int64_t n = zip_source_read(out, bytes.data(), st.size);
  zip_source_close(out);
  zip_source_free(out);
  if (n < 0 || static_cast<zip_uint64_t>(n) != st.size) {
    return Error{"zip_failed", "short read of the finished archive"};
  }
  return bytes;
}

Result<std::map<std::string, std::string>> ReadZip(const std::string& bytes) {
  // libzip opens zero bytes as a new, empty archive; a download of nothing is not a zip.
  if (bytes.empty()) return Error{"zip_failed", "not a zip archive: no bytes"};
  zip_error_t err;
  zip_error_init(&err);
  zip_source_t* src = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &err);
  if (!src) {
    Error e = Fail("cannot read the buffer", &err);
    zip_error_fini(&err);
    return e;
  }
  zip_t* za = zip_open_from_source(src, ZIP_RDONLY | ZIP_CHECKCONS, &err);
  if (!za) {
    Error e = Fail("not a zip archive", &err);
    zip_error_fini(&err);
    zip_source_free(src);
    return e;
  }
  zip_error_fini(&err);
  std::map<std::string, std::string> out;
  const zip_int64_t count = zip_get_num_entries(za, 0);
  for (zip_int64_t i = 0; i < count; ++i) {
    zip_stat_t st;
    if (zip_stat_index(za, i, 0, &st) < 0) continue;
    zip_file_t* f = zip_fopen_index(za, i, 0);
    if (!f) {
      Error e{"zip_failed", std::string("cannot open ") + st.name};
      zip_discard(za);
      return e;
    }
    std::string data(static_cast<std::size_t>(st.size), '\0');
    const zip_int64_t n = zip_fread(f, data.data(), st.size);
    zip_fclose(f);
    if (n < 0 || static_cast<zip_uint64_t>(n) != st.size) {
      zip_discard(za);
      return Error{"zip_failed", std::string("cannot read ") + st.name};
    }
    out[st.name] = std::move(data);
  }
  zip_discard(za);  // read-only: nothing to write; also frees `src`
  return out;
}

}  // namespace dondoc::exports
