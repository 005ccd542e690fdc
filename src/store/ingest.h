// Ingesting files into a Store: read and parse on every core, write from one thread in
// batched transactions. Tested by ingest_test.cc and bad_input_test.cc.
//
// Guarantees:
// - Idempotent by content hash: a file whose bytes are stored already is "unchanged" and is
//   not even parsed (workers ask the store first); two identical files in one run store one
//   document.
// - A bad file never stops the run: it is a Failure with a reason, logged in ingest_log.
// - Each batch (≤ batch_docs documents or batch_time, whichever first) is one transaction:
//   killing the process loses at most the batch in flight, and a re-run stores exactly the
//   rest. A database error (disk full, locked, I/O) stops the run; what was committed before
//   stays and the summary says where it stopped.
#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "base/result.h"
#include "store/store.h"

namespace dondoc::store {

// What parsed this document: stored with it, so a later parser can find what to re-parse.
const std::string& ParserVersion();

// Files to ingest. A directory contributes every file under it (recursively, sorted) whose
// extension names a document format; other files there are `skipped`. A path given by name
// is always taken, so a missing or unreadable one is reported by the reader, not dropped.
struct FileList {
  std::vector<std::string> files;
  std::vector<std::uint64_t> sizes;  // bytes, 0 when unknown
  std::vector<Failure> failures;     // directories that could not be walked
  std::size_t skipped = 0;
};
FileList ExpandPaths(const std::vector<std::string>& paths);

struct IngestOptions {
  bool reparse = false;  // also re-parse every stored document from its stored text
  int workers = 0;       // parser threads; 0 = one per core
  // A batch ends at batch_docs documents or after batch_time, whichever first. 1,000 rather
  // than 200: fewer commits, each rewriting the same hot pages (the b-trees' inner ones, the
  // FTS5 index structure) and adding one FTS5 segment to merge later (docs/search.md).
  std::size_t batch_docs = 1000;
  std::chrono::milliseconds batch_time{250};
};

struct IngestProgress {
  std::size_t done = 0, total = 0;
  std::uint64_t bytes_done = 0, bytes_total = 0;
  double seconds = 0;
};

struct IngestSummary {
  std::size_t ingested = 0, unchanged = 0, reparsed = 0, skipped = 0;
  std::vector<Failure> failures;  // one per file that failed, in the order met
  std::optional<Error> stopped;   // the database error that ended the run early
  std::uint64_t bytes = 0;
  double seconds = 0;
};

// Opens a reading connection for a worker thread (one each).
using OpenStore = std::function<Result<std::unique_ptr<Store>>()>;

// Ingests `paths` into `writer` (used from the calling thread only). `progress` is called
// from the calling thread, at most every ~100 ms and once at the end.
IngestSummary Ingest(Store& writer, const OpenStore& open_reader,
                     const std::vector<std::string>& paths, const IngestOptions& options,
                     const std::function<void(const IngestProgress&)>& progress = {});

}  // namespace dondoc::store
