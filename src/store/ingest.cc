// Tested by ingest_test.cc and bad_input_test.cc.
//
// Shape: N worker threads take jobs (a file, or a stored document to re-parse) by an atomic
// index, read/hash/parse them and push the outcome into a bounded queue; the calling thread
// is the one writer, popping outcomes into a batch and committing it when it is full or old.
// The queue bound (a batch and a few documents) keeps memory flat when the writer is slower
// than the parsers.
#include "store/ingest.h"

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <deque>
#include <filesystem>
#include <mutex>
#include <thread>
#include <variant>

#ifdef __linux__
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <cerrno>
#endif

#include "parse/json.h"
#include "parse/parse.h"
#include "read/file.h"

namespace dondoc::store {
namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

// Extensions of the formats the reader knows or recognises (it explains the ones it cannot
// read yet), lower case.
bool IsDocumentFile(const fs::path& p) {
  std::string ext = p.extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  static const char* const kExt[] = {".txt", ".htm", ".html", ".docx",
                                     ".doc", ".pdf", ".odt",  ".rtf"};
  return std::any_of(std::begin(kExt), std::end(kExt), [&](const char* e) { return ext == e; });
}

struct Job {
  std::string path;  // a file, or "" for a stored document
  std::int64_t id = 0;
  std::uint64_t bytes = 0;
};

// What a worker made of one job.
struct Unchanged {};
using Outcome = std::variant<NewDocument, Failure, Unchanged>;
struct Item {
  Outcome outcome;
  std::uint64_t bytes = 0;
};

class Queue {
 public:
  explicit Queue(std::size_t cap) : cap_(cap) {}
  // Blocks while full; false when the run was stopped.
  bool Push(Item item) {
    std::unique_lock lock(mu_);
    not_full_.wait(lock, [&] { return q_.size() < cap_ || stopped_; });
    if (stopped_) return false;
    q_.push_back(std::move(item));
    not_empty_.notify_one();
    return true;
  }
  // Waits up to `wait`; nullopt on time-out or when every producer is done and it is empty.
  std::optional<Item> Pop(std::chrono::milliseconds wait) {
    std::unique_lock lock(mu_);
    not_empty_.wait_for(lock, wait, [&] { return !q_.empty() || producers_ == 0; });
    if (q_.empty()) return std::nullopt;
    Item it = std::move(q_.front());
    q_.pop_front();
    not_full_.notify_one();
    return it;
  }
  bool Finished() {
    std::lock_guard lock(mu_);
    return producers_ == 0 && q_.empty();
  }
  void AddProducer() {
    std::lock_guard lock(mu_);
    ++producers_;
  }
  void ProducerDone() {
    std::lock_guard lock(mu_);
    --producers_;
    not_empty_.notify_all();
  }
  void Stop() {
    std::lock_guard lock(mu_);
    stopped_ = true;
    not_full_.notify_all();
  }
  bool stopped() {
    std::lock_guard lock(mu_);
    return stopped_;
  }

 private:
  std::mutex mu_;
  std::condition_variable not_full_, not_empty_;
  std::deque<Item> q_;
  std::size_t cap_;
  int producers_ = 0;
  bool stopped_ = false;
};

NewDocument Build(std::string path, std::string text, Source source,
                  std::vector<Warning> read_warnings) {
  NewDocument d;
  d.doc = parse::Parse(text, source, read_warnings);
  d.parse_json = parse::ToJsonString(d.doc, /*pretty=*/false);
  d.path = std::move(path);
  d.sha256 = source.sha256;
  d.text = std::move(text);
  d.read_warnings = std::move(read_warnings);
  d.parser_version = ParserVersion();
  d.keys = DeriveKeys(d);  // here on a parser thread, not on the writer
  TokenizeForIndex(d);     // likewise
  return d;
}

// Called by each parser thread as it starts. The one writer is the ingest's narrow end: at
// scale it was runnable ~85 % of the time but on a CPU only ~70 %, the parsers (ahead of it
// anyway, the queue holds a batch) and the kernel's writeback sharing the two cores with
// it. A parser at a lower priority (nice +5 from the process's) lets the scheduler give the
// writer its core first; the parsers take what is left. Linux keeps the nice value per
// thread; elsewhere setpriority would lower the whole process, so it is Linux only.
void YieldToWriter() {
#ifdef __linux__
  const auto tid = static_cast<id_t>(::syscall(SYS_gettid));
  errno = 0;
  const int nice = ::getpriority(PRIO_PROCESS, tid);
  if (errno == 0) ::setpriority(PRIO_PROCESS, tid, std::min(nice + 5, 19));
#endif
}

// One job, start to end, on a worker thread. `reader` may be null (no hash check: the
// writer's unique sha256 still keeps the store right).
Outcome Work(const Job& job, Store* reader, bool replace, bool check_stored) {
  if (job.path.empty()) {
    if (reader == nullptr) {
      return Failure{"#" + std::to_string(job.id), "", "unreadable", "no reading connection"};
    }
    auto t = reader->GetText(job.id);
    if (!t.ok())
      return Failure{"#" + std::to_string(job.id), "", t.error().code, t.error().message};
    StoredText& st = t.value();
    Source src;
    src.name = fs::path(st.path).filename().string();
    src.sha256 = st.sha256;
    src.format = st.format;
    src.encoding = st.encoding;
    return Build(st.path, std::move(st.text), src, std::move(st.read_warnings));
  }
  auto in = read::ReadDocument(job.path);
  if (!in.ok()) return Failure{job.path, "", in.error().code, in.error().message};
  if (reader != nullptr && !replace && check_stored) {
    auto has = reader->HasDocument(in.value().source.sha256);
    if (has.ok() && has.value()) return Unchanged{};
  }
  return Build(job.path, std::move(in.value().text), std::move(in.value().source),
               std::move(in.value().warnings));
}

}  // namespace

const std::string& ParserVersion() {
  static const std::string kVersion = std::string("dondoc ") + DONDOC_VERSION;
  return kVersion;
}

FileList ExpandPaths(const std::vector<std::string>& paths) {
  FileList out;
  for (const std::string& p : paths) {
    std::error_code ec;
    if (!fs::is_directory(p, ec)) {
      out.files.push_back(p);
      const auto size = fs::file_size(p, ec);
      out.sizes.push_back(ec ? 0 : size);
      continue;
    }
    std::vector<std::pair<std::string, std::uint64_t>> found;
    fs::recursive_directory_iterator it(p, fs::directory_options::skip_permission_denied, ec);
    if (ec) {
      out.failures.push_back({p, "", "unreadable", "cannot list directory: " + ec.message()});
      continue;
    }
    for (; it != fs::recursive_directory_iterator(); it.increment(ec)) {
      if (ec) {
        out.failures.push_back({p, "", "unreadable", "cannot list directory: " + ec.message()});
        break;
      }
      std::error_code fec;
      if (!it->is_regular_file(fec)) continue;
      if (!IsDocumentFile(it->path())) {
        ++out.skipped;
        continue;
      }
      const auto size = it->file_size(fec);
      found.emplace_back(it->path().string(), fec ? 0 : size);
    }
    std::sort(found.begin(), found.end());
    for (auto& [f, size] : found) {
      out.files.push_back(std::move(f));
      out.sizes.push_back(size);
    }
  }
  return out;
}

IngestSummary Ingest(Store& writer, const OpenStore& open_reader,
                     const std::vector<std::string>& paths, const IngestOptions& options,
                     const std::function<void(const IngestProgress&)>& progress) {
  const auto start = Clock::now();
  IngestSummary sum;
  FileList list = ExpandPaths(paths);
  sum.skipped = list.skipped;
  sum.failures = list.failures;
  std::vector<Failure> pending_failures = list.failures;

  std::vector<Job> jobs;
  if (options.reparse) {
    auto ids = writer.DocumentIds();
    if (!ids.ok()) {
      sum.stopped = ids.error();
      return sum;
    }
    for (const std::int64_t id : ids.value()) jobs.push_back({"", id, 0});
  }
  for (std::size_t i = 0; i < list.files.size(); ++i) {
    jobs.push_back({list.files[i], 0, list.sizes[i]});
  }
  IngestProgress prog;
  prog.total = jobs.size();
  for (const Job& j : jobs) prog.bytes_total += j.bytes;

  int nworkers =
      options.workers > 0 ? options.workers : static_cast<int>(std::thread::hardware_concurrency());
  nworkers = std::clamp(nworkers, 1, std::max(1, static_cast<int>(jobs.size())));
  // Room for a whole batch and then some: the parsers keep parsing while the writer writes
  // one. With room for only a few documents they stopped soon after each batch began and
  // the writer then waited for them to fill the next: parsing and writing took turns
  // (docs/search.md, "Ingest rate"). A queued document is ~40 KB (peak RSS per batch size).
  Queue queue(options.batch_docs + static_cast<std::size_t>(4 * nworkers + 16));
  // Into an empty store no file can be stored already but for a copy met earlier in this
  // run, which the writer finds by its hash anyway: the parsers skip the look-up (~4 % of a
  // parser thread on a first ingest).
  const auto empty = writer.Empty();
  const bool check_stored = !(empty.ok() && empty.value());
  std::atomic<std::size_t> next{0};
  std::vector<std::thread> workers;
  for (int w = 0; w < nworkers; ++w) queue.AddProducer();
  for (int w = 0; w < nworkers; ++w) {
    workers.emplace_back([&] {
      YieldToWriter();
      std::unique_ptr<Store> reader;
      if (open_reader) {
        auto r = open_reader();
        if (r.ok()) reader = std::move(r.value());
      }
      for (;;) {
        const std::size_t i = next.fetch_add(1);
        if (i >= jobs.size() || queue.stopped()) break;
        Item item{Work(jobs[i], reader.get(), /*replace=*/jobs[i].path.empty(), check_stored),
                  jobs[i].bytes};
        if (const auto* d = std::get_if<NewDocument>(&item.outcome); d && item.bytes == 0) {
          item.bytes = d->text.size();  // stored documents: their text is the work done
        }
        if (!queue.Push(std::move(item))) break;
      }
      queue.ProducerDone();
    });
  }

  // The writer: batches of documents, each one transaction with the failures met meanwhile.
  std::vector<NewDocument> batch;
  auto batch_start = Clock::now();
  auto last_report = Clock::now() - std::chrono::seconds(1);
  auto flush = [&]() -> bool {
    if (batch.empty() && pending_failures.empty()) return true;
    auto put = writer.Put(batch, pending_failures, /*replace=*/options.reparse);
    if (!put.ok()) {
      sum.stopped = put.error();
      return false;
    }
    for (std::size_t i = 0; i < put.value().size(); ++i) {
      const PutResult& r = put.value()[i];
      switch (r.outcome) {
        case PutOutcome::kInserted:
          ++sum.ingested;
          break;
        case PutOutcome::kUnchanged:
          ++sum.unchanged;
          break;
        case PutOutcome::kReparsed:
          ++sum.reparsed;
          break;
        case PutOutcome::kFailed:
          sum.failures.push_back({batch[i].path, batch[i].sha256, "refused", r.reason});
          break;
      }
    }
    batch.clear();
    pending_failures.clear();
    batch_start = Clock::now();
    return true;
  };
  auto report = [&](bool force) {
    const auto now = Clock::now();
    if (!progress || (!force && now - last_report < std::chrono::milliseconds(100))) return;
    last_report = now;
    prog.seconds = std::chrono::duration<double>(now - start).count();
    progress(prog);
  };
  for (;;) {
    auto item = queue.Pop(std::chrono::milliseconds(50));
    if (item) {
      ++prog.done;
      prog.bytes_done += item->bytes;
      sum.bytes += item->bytes;
      if (auto* d = std::get_if<NewDocument>(&item->outcome)) {
        batch.push_back(std::move(*d));
      } else if (auto* f = std::get_if<Failure>(&item->outcome)) {
        sum.failures.push_back(*f);
        pending_failures.push_back(std::move(*f));
      } else {
        ++sum.unchanged;
      }
    }
    const bool finished = !item && queue.Finished();
    if (batch.size() >= options.batch_docs || pending_failures.size() >= options.batch_docs ||
        Clock::now() - batch_start >= options.batch_time || finished) {
      if (!flush()) break;
    }
    report(false);
    if (finished) break;
  }
  queue.Stop();
  for (std::thread& t : workers) t.join();
  sum.seconds = std::chrono::duration<double>(Clock::now() - start).count();
  report(true);
  return sum;
}

}  // namespace dondoc::store
