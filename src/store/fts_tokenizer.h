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

#include "base/result.h"
#include "store/store.h"

namespace dondoc::store {

// Registers `vi` on this connection. FTS5 keeps tokenizers per connection, so every
// connection must call this before it touches a table declared with tokenize='vi'
// (Db::Open does). Errors: "sqlite_error" when FTS5 or unicode61 is missing.
Result<Ok> RegisterViTokenizer(sqlite3* db);

}  // namespace dondoc::store
