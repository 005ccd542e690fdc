// The `vi` FTS5 tokenizer: SQLite's unicode61 with remove_diacritics 2, plus đ → d, so that
// "dong nai", "Đồng Nai" and "ĐỒNG NAI" give the same two tokens. Tested by
// fts_tokenizer_test.cc.
//
// What folds to what (measured on SQLite 3.40.1; stack-notes §3):
// - unicode61 lower-cases and, with remove_diacritics 2, strips every combining mark, also
//   from letters that carry two (ế, ậ, ữ): "Quyết" → "quyet". NFD input ("e" + U+0302 +
//   U+0301) gives the same token as NFC, because the marks are stripped either way.
// - Old and new tone placement ("hoà"/"hòa", "thuý"/"thúy") differ only in which vowel
//   carries the mark; with the mark gone both are "hoa", "thuy".
// - đ/Đ (U+0111/U+0110) have no decomposition, so unicode61 keeps "đ" (lower-cased); we
//   rewrite it to "d". Likewise ð/Ð (U+00F0/U+00D0, the Eth look-alike of OCR and legacy
//   conversions), which text::Normalize maps to đ for documents but a query may still carry.
// The result equals text::Fold's words (a test checks it on the samples), so the C++ fold can
// stand in for the tokenizer wherever SQLite is not there (PostgreSQL, number keys).
//
// Cost: ~15% over plain unicode61 at index time (a scan of each token for one lead byte).
#pragma once

#include <sqlite3.h>

#include <array>
#include <optional>
#include <string_view>
#include <vector>

#include "base/result.h"
#include "store/store.h"

namespace dondoc::store {

// Tokenizes `text` as the `vi` tokenizer does a document's column for the index, into *out
// (emptied first). Any thread may call it: each keeps its own tokenizer, made from a private
// in-memory connection, so the tokens are those the index would make. The table's `vi` has no
// arguments (migrations.cc); this one has none either. False when no tokenizer can be had.
bool TokenizeColumn(std::string_view text, ColumnTokens* out);

// While one lives, this thread's `vi` tokenizers, asked to index a text equal to one of
// `columns` (the same bytes), hand FTS5 that column's tokens from `tokens` instead of
// tokenizing it: Put, on the one writer thread, replays what the parser threads tokenized.
// Any other text is tokenized as usual. Both arguments must outlive it.
class ReplayTokens {
 public:
  ReplayTokens(const std::array<std::optional<std::string_view>, 4>& columns,
               const std::vector<ColumnTokens>& tokens);
  ~ReplayTokens();
  ReplayTokens(const ReplayTokens&) = delete;
  ReplayTokens& operator=(const ReplayTokens&) = delete;

  // The tokens of the column whose text is text[0, n), or null.
  const ColumnTokens* Match(const char* text, int n) const;

 private:
  const std::array<std::optional<std::string_view>, 4>& columns_;
  const std::vector<ColumnTokens>& tokens_;
  const ReplayTokens* outer_;
};

// Registers `vi` on this connection. FTS5 keeps tokenizers per connection, so every
// connection must call this before it touches a table declared with tokenize='vi'
// (Db::Open does). Errors: "sqlite_error" when FTS5 or unicode61 is missing.
Result<Ok> RegisterViTokenizer(sqlite3* db);

}  // namespace dondoc::store
