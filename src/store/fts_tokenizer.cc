// Tested by fts_tokenizer_test.cc. The FTS5 tokenizer API is documented at
// https://sqlite.org/fts5.html#custom_tokenizers; the header is sqlite3.h (fts5_api).
#include "store/fts_tokenizer.h"

#include <cstring>
#include <string>
#include <vector>

#include "store/search.h"
#include "store/search_rank.h"
#include "store/sqlite_db.h"

namespace dondoc::store {
namespace {

// One `vi` tokenizer instance: the unicode61 instance it wraps. FTS5 only ever sees the
// address, as an opaque Fts5Tokenizer*.
struct ViTokenizer {
  fts5_tokenizer inner{};
  Fts5Tokenizer* inner_instance = nullptr;
};

// Context of one xTokenize call: where tokens go, and a buffer for rewritten ones.
struct TokenSink {
  void* ctx;
  int (*emit)(void*, int, const char*, int, int, int);
  std::string buf;
};

// True for the lead byte pairs we rewrite: đ U+0111 (C4 91) and ð U+00F0 (C3 B0). unicode61
// has lower-cased Đ and Ð already.
bool IsD(const char* p) {
  const auto a = static_cast<unsigned char>(p[0]);
  const auto b = static_cast<unsigned char>(p[1]);
  return (a == 0xC4 && b == 0x91) || (a == 0xC3 && b == 0xB0);
}

int FoldToken(void* pctx, int tflags, const char* token, int n, int start, int end) {
  auto* sink = static_cast<TokenSink*>(pctx);
  bool has_d = false;
  for (int i = 0; i + 1 < n && !has_d; ++i) has_d = IsD(token + i);
  // Most tokens have no đ: pass them through without a copy.
  if (!has_d) return sink->emit(sink->ctx, tflags, token, n, start, end);
  sink->buf.clear();
  for (int i = 0; i < n; ++i) {
    if (i + 1 < n && IsD(token + i)) {
      sink->buf.push_back('d');
      ++i;
    } else {
      sink->buf.push_back(token[i]);
    }
  }
  // Offsets stay those of the original text, so snippet() highlights "Đồng", not "dong".
  return sink->emit(sink->ctx, tflags, sink->buf.data(), static_cast<int>(sink->buf.size()), start,
                    end);
}

int ViCreate(void* user_data, const char** args, int nargs, Fts5Tokenizer** out) {
  auto* api = static_cast<fts5_api*>(user_data);
  auto* t = new ViTokenizer;
  void* inner_data = nullptr;
  int rc = api->xFindTokenizer(api, "unicode61", &inner_data, &t->inner);
  if (rc == SQLITE_OK) {
    // remove_diacritics 2 first; options given to `vi` (e.g. tokenchars) follow, so a later
    // repetition overrides ours.
    std::vector<const char*> inner_args = {"remove_diacritics", "2"};
    for (int i = 0; i < nargs; ++i) inner_args.push_back(args[i]);
    rc = t->inner.xCreate(inner_data, inner_args.data(), static_cast<int>(inner_args.size()),
                          &t->inner_instance);
  }
  if (rc != SQLITE_OK) {
    delete t;
    return rc;
  }
  *out = reinterpret_cast<Fts5Tokenizer*>(t);
  return SQLITE_OK;
}

void ViDelete(Fts5Tokenizer* p) {
  auto* t = reinterpret_cast<ViTokenizer*>(p);
  if (t->inner_instance != nullptr) t->inner.xDelete(t->inner_instance);
  delete t;
}

// The innermost live ReplayTokens of this thread (they nest as scopes do).
thread_local const ReplayTokens* t_replay = nullptr;

int ViTokenize(Fts5Tokenizer* p, void* ctx, int flags, const char* text, int n,
               int (*emit)(void*, int, const char*, int, int, int)) {
  if (t_replay != nullptr && flags == FTS5_TOKENIZE_DOCUMENT) {
    if (const ColumnTokens* c = t_replay->Match(text, n)) {
      for (const ColumnTokens::Token& k : c->tokens) {
        const int rc =
            emit(ctx, k.flags, c->bytes.data() + k.at, static_cast<int>(k.size), k.begin, k.end);
        // As unicode61: SQLITE_DONE from the callback ends the text without an error.
        if (rc != SQLITE_OK) return rc == SQLITE_DONE ? SQLITE_OK : rc;
      }
      return SQLITE_OK;
    }
  }
  auto* t = reinterpret_cast<ViTokenizer*>(p);
  TokenSink sink{ctx, emit, {}};
  return t->inner.xTokenize(t->inner_instance, &sink, flags, text, n, FoldToken);
}

// The connection's fts5_api, reached the documented way: SELECT fts5(?1) with a pointer
// bound under the type name "fts5_api_ptr".
// Preparing reads the schema, so a file that is not a database fails here first: the
// SQLite code is returned as is for the caller to report.
int FindFts5(sqlite3* db, fts5_api** api) {
  *api = nullptr;
  sqlite3_stmt* s = nullptr;
  int rc = sqlite3_prepare_v2(db, "SELECT fts5(?1)", -1, &s, nullptr);
  if (rc == SQLITE_OK) {
    sqlite3_bind_pointer(s, 1, static_cast<void*>(api), "fts5_api_ptr", nullptr);
    rc = sqlite3_step(s);
    if (rc == SQLITE_ROW) rc = SQLITE_OK;
  }
  sqlite3_finalize(s);
  return rc;
}

// dondoc_filter_words(text, prefix): FilterWords (search.h) for migration v7; NULL text is ''.
void FilterWordsSql(sqlite3_context* ctx, int, sqlite3_value** args) {
  const auto* text = reinterpret_cast<const char*>(sqlite3_value_text(args[0]));
  const auto* prefix = reinterpret_cast<const char*>(sqlite3_value_text(args[1]));
  if (prefix == nullptr || prefix[0] == '\0') {
    sqlite3_result_error(ctx, "dondoc_filter_words: the prefix is empty", -1);
    return;
  }
  const std::string out = FilterWords(text == nullptr ? "" : text, prefix[0]);
  sqlite3_result_text(ctx, out.c_str(), static_cast<int>(out.size()), SQLITE_TRANSIENT);
}

// TokenizeColumn's callback: appends one token.
int Collect(void* pctx, int tflags, const char* token, int n, int start, int end) {
  auto* out = static_cast<ColumnTokens*>(pctx);
  out->tokens.push_back({static_cast<std::uint32_t>(out->bytes.size()),
                         static_cast<std::uint32_t>(n), start, end, tflags});
  out->bytes.append(token, static_cast<std::size_t>(n));
  return SQLITE_OK;
}

// One thread's `vi` tokenizer for TokenizeColumn, on a private in-memory connection (the
// tokenizer is FTS5's, and FTS5 hands out tokenizers per connection).
class LocalTokenizer {
 public:
  LocalTokenizer() {
    if (sqlite3_open_v2(":memory:", &db_, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, nullptr) !=
            SQLITE_OK ||
        !RegisterViTokenizer(db_).ok()) {
      return;
    }
    fts5_api* api = nullptr;
    void* user_data = nullptr;
    if (FindFts5(db_, &api) != SQLITE_OK || api == nullptr ||
        api->xFindTokenizer(api, "vi", &user_data, &vi_) != SQLITE_OK ||
        vi_.xCreate(user_data, nullptr, 0, &instance_) != SQLITE_OK) {
      instance_ = nullptr;
    }
  }
  ~LocalTokenizer() {
    if (instance_ != nullptr) vi_.xDelete(instance_);
    sqlite3_close_v2(db_);  // also when open failed: a handle is returned then too
  }
  LocalTokenizer(const LocalTokenizer&) = delete;
  LocalTokenizer& operator=(const LocalTokenizer&) = delete;

  bool Tokenize(std::string_view text, ColumnTokens* out) {
    if (instance_ == nullptr) return false;
    // ~5 bytes a word in Vietnamese text; the folded tokens are never longer than the text.
    out->tokens.reserve(text.size() / 5 + 4);
    out->bytes.reserve(text.size());
    return vi_.xTokenize(instance_, out, FTS5_TOKENIZE_DOCUMENT, text.data(),
                         static_cast<int>(text.size()), Collect) == SQLITE_OK;
  }

 private:
  sqlite3* db_ = nullptr;
  fts5_tokenizer vi_{};
  Fts5Tokenizer* instance_ = nullptr;
};

}  // namespace

bool TokenizeColumn(std::string_view text, ColumnTokens* out) {
  out->bytes.clear();
  out->tokens.clear();
  thread_local LocalTokenizer tokenizer;
  if (tokenizer.Tokenize(text, out)) return true;
  out->bytes.clear();
  out->tokens.clear();
  return false;
}

ReplayTokens::ReplayTokens(const std::array<std::optional<std::string_view>, 4>& columns,
                           const std::vector<ColumnTokens>& tokens)
    : columns_(columns), tokens_(tokens), outer_(t_replay) {
  t_replay = this;
}

ReplayTokens::~ReplayTokens() { t_replay = outer_; }

const ColumnTokens* ReplayTokens::Match(const char* text, int n) const {
  const auto size = static_cast<std::size_t>(n);
  for (std::size_t i = 0; i < columns_.size() && i < tokens_.size(); ++i) {
    const std::optional<std::string_view>& c = columns_[i];
    if (c && c->size() == size && (size == 0 || std::memcmp(c->data(), text, size) == 0)) {
      return &tokens_[i];
    }
  }
  return nullptr;
}

Result<Ok> RegisterViTokenizer(sqlite3* db) {
  if (const int rc = sqlite3_create_function_v2(db, "dondoc_filter_words", 2,
                                                SQLITE_UTF8 | SQLITE_DETERMINISTIC, nullptr,
                                                FilterWordsSql, nullptr, nullptr, nullptr);
      rc != SQLITE_OK) {
    return SqliteError(rc, db, "");
  }
  fts5_api* api = nullptr;
  if (const int rc = FindFts5(db, &api); rc != SQLITE_OK) return SqliteError(rc, db, "");
  if (api == nullptr || api->iVersion < 2) {
    return Error{"sqlite_error", "this SQLite has no FTS5 (needed for search)"};
  }
  fts5_tokenizer vi{ViCreate, ViDelete, ViTokenize};
  // The api pointer is the user data: it lives as long as the connection, which outlives
  // every tokenizer instance, so there is nothing to free (xDestroy null).
  const int rc = api->xCreateTokenizer(api, "vi", api, &vi, nullptr);
  if (rc != SQLITE_OK) {
    return Error{"sqlite_error",
                 std::string("cannot register the vi tokenizer: ") + sqlite3_errstr(rc)};
  }
  // The search's rank function lives in the same FTS5 and is needed by the same connections.
  return RegisterRankFunction(api);
}

}  // namespace dondoc::store
