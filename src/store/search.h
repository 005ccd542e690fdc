// How a user's search text becomes an FTS5 query. Tested by search_test.cc.
//
// The user's text is never passed to MATCH as syntax (a stray quote, a '-' or 'NEAR' would
// be an error or a different query). Instead:
// - Double quotes (also “ ”) delimit phrases; outside them ',', ';' and '+' separate parts.
//   Each part's words, in order, are one FTS5 phrase: Vietnamese words are several
//   syllables ("quyết định", "Đồng Nai") and each syllable is a token, so a phrase is the
//   unit of meaning. Parts are ANDed: `đồng nai, chuyển đổi số` → `"đồng nai" AND "chuyển
//   đổi số"`.
// - When the phrases find nothing, the search is retried with every word on its own
//   (`all_words`), and the result says so (SearchResult::relaxed).
// - Folding (accents, đ, case, tone placement, NFD) is the `vi` tokenizer's job at query
//   time as at index time; the text is only NFC-normalized here.
// - A text that looks like a document number ("35-NQ/TW", "35/NQ-TW", "35 NQ TW",
//   "13/KH-STTTT") also gives `number_key` (parse::SymbolKey: "35nqtw"), matched exactly
//   against documents.number_key; those hits rank first, then the documents citing it
//   (NumberWord), newest first. When neither exists and the text has no '/' (which every
//   số/ký hiệu has) it may be words ("2024 kế hoạch"): it is searched as words.
//
// A hit's snippet is cut here too (MakeSnippet), from the stored text of the hits shown,
// rather than by FTS5's snippet(): that re-tokenized the whole text of every hit through the
// tokenizer, costing most of a search's time (bench/store-scale.sh).
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace dondoc::store {

struct MatchQuery {
  std::string phrases;    // `"a b" AND "c"`; empty when the text has no word at all
  std::string all_words;  // `"a" AND "b" AND "c"`; equals `phrases` for one-word parts
  std::string number_key;
};

MatchQuery BuildMatch(std::string_view user_text);

// The words of a folded name as they are stored in, and searched for in, the FTS5 column
// `filters` (migrations v6–v7): each run of ASCII letters and digits and non-ASCII bytes,
// with `prefix` in front ('i' issuer, 'u' task unit), space-separated: "ubnd tinh ha noi",
// 'i' → "iubnd itinh iha inoi". The prefix makes them tokens of their own: the word "noi" is
// in nearly every document, "inoi" only in those of a Hà Nội issuer, so FTS5 intersects short
// doclists. Registered as the SQL function dondoc_filter_words(text, prefix) for the migration.
std::string FilterWords(std::string_view folded, char prefix);

// The filter word of a document number key (parse::SymbolKey) in the FTS5 column `filters`
// (migration v9): "N" + the key, "122012qdubnd" → "N122012qdubnd". A document holds the word
// of its own number and of every number it cites (its references), so a search for a number
// reads one short doclist: the documents that carry or cite it. One token, since keys are
// ASCII letters and digits.
inline std::string NumberWord(std::string_view number_key) { return "N" + std::string(number_key); }

// A BuildMatch expression restricted to the columns of the document (title, text, number),
// leaving out `filters` (migration v6), which holds words for filtered searches only.
inline std::string TextColumns(std::string_view match) {
  return "{title text number} : (" + std::string(match) + ")";
}

// Whether `text` has the shape of a số/ký hiệu: a running number, then letter groups (type,
// issuer), separated by '/', '-', '.', or spaces; an optional year group after the number.
bool LooksLikeNumber(std::string_view text);

// The phrases of a MATCH expression made by BuildMatch, each as its folded words, the way the
// `vi` tokenizer sees them: `"Đồng Nai" AND "35-NQ/TW"` → {{"dong", "nai"}, {"35", "nq", "tw"}}.
using Phrase = std::vector<std::string>;
std::vector<Phrase> MatchPhrases(std::string_view match);

// What FTS5's snippet(table, -1, open, close, "…", max_words) gives, without the tokenizer:
// of `columns` (title, text, number) the one with the best window of max_words words; in it
// the window holding the most distinct phrases (then the most hits), centred on them, or
// starting at a sentence when one starts before the hit; every phrase occurrence in the
// window between `open` and `close` (overlapping ones as one); "…" where the window cuts the
// column. Words and matches are found on text::FoldMapped text, so accents, đ and case never
// matter, and cuts fall between words of the original text, never inside a character.
std::string MakeSnippet(const std::vector<std::string_view>& columns,
                        const std::vector<Phrase>& phrases, std::string_view open,
                        std::string_view close, int max_words = 16);

}  // namespace dondoc::store
