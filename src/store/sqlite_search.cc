// SqliteStore::Search: FTS5 MATCH ranked by bm25 with a title boost over a bounded set of
// candidates (the newest matches), number hits first, filters.
// Tested by search_test.cc. How the text becomes a query: search.h.
#include <algorithm>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "store/search.h"
#include "store/sqlite_store.h"
#include "text/fold.h"

namespace dondoc::store {
namespace {

// How results are ranked, and why this way (measured with bench/store-scale.sh; the
// figures and the alternatives tried are in docs/search.md):
//
// The score is bm25 with a title boost: a word in the title counts five times one in the
// body, so a document *about* something outranks one that mentions it; the number column
// counts twice (numbers are matched exactly through number_key anyway). FTS5 can only give
// the best n by scoring every match (`ORDER BY bm25(…) LIMIT n`; `ORDER BY rank` is the same
// sort inside FTS5): at 100,000 generated documents most queries match tens of thousands of
// rows, 25–200 ms, growing with the corpus. So the ranking scores a bounded set of
// candidates: the newest SearchBounds::body matches (`ORDER BY rowid DESC LIMIT k`: FTS5
// walks its doclists backwards and stops; rowids grow with ingestion), each scored by
// dondoc_bm25 (search_rank.h: bm25's formula without bm25's count of every match), and the
// best `limit` of them are shown. A query matching fewer rows than that is ranked exactly as
// bm25 ranks it (the ranking tests); beyond that an older document can rank below newer ones
// it would beat on bm25 alone — a deliberate trade: for a tracking office the newer of two
// similar documents is the likelier one, and filters (type, year, issuer) narrow the
// candidates to what is asked. The cost no longer grows with the corpus, only with how
// rare the phrase is among the documents holding its words.
// Snippets are cut afterwards, for the hits shown only (MakeSnippet, search.h).
// The fourth column, `filters`, weighs nothing: it is there to filter (FilterMatch below).
constexpr const char* kRank = "dondoc_bm25(documents_fts, 5.0, 1.0, 2.0, 0.0)";

// The filters, as SQL over `documents d` with parameters ?4 … ?7. Each is skipped when its
// parameter is NULL. Parts of names are matched folded with instr(), not LIKE, so a '%' or
// '_' typed by the user is only a character.
constexpr const char* kFilters =
    " AND (?4 IS NULL OR d.type_key = ?4)"
    " AND (?5 IS NULL OR instr(d.issuer_key, ?5) > 0)"
    " AND (?6 IS NULL OR d.year = ?6)"
    " AND (?7 IS NULL OR instr(d.issuer_key, ?7) > 0 OR EXISTS ("
    "   SELECT 1 FROM tasks t JOIN task_units tu ON tu.task_id = t.id"
    "   JOIN units u ON u.id = tu.unit"
    "   WHERE t.document_id = d.id AND instr(u.name_key, ?7) > 0))";

// Words in a snippet, as FTS5's snippet() was asked for before.
constexpr int kSnippetWords = 16;

// A string as one FTS5 phrase: quoted, its quotes doubled.
std::string Quoted(std::string_view text) {
  std::string out = "\"";
  for (const char c : text) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}

// The filters as FTS5 phrases over the `filters` column (migrations v6–v7; FilterKeys in
// sqlite_write.cc writes it), ANDed to the text query: FTS5 then walks only the documents
// that pass them, whether they are few or many. Type and year are one exact word each
// ("Tcv", "Y2020"); issuer and unit are their words as a phrase of prefixed words
// (FilterWords, search.h: "iha inoi"), so they match whole words (issuer "an" no longer
// finds "quang nam", as instr() alone did) and their doclists are short. The unit filter is
// the issuer's words or a task unit's. The SQL filters (kFilters) still run on each
// candidate: they keep a phrase from running across two names.
std::string FilterMatch(const SearchQuery& q) {
  std::string out;
  if (const std::string type = text::Fold(q.type); !type.empty()) {
    out += " AND filters : " + Quoted("T" + type);
  }
  if (q.year) out += " AND filters : " + Quoted("Y" + std::to_string(*q.year));
  if (const std::string words = FilterWords(text::Fold(q.issuer), 'i'); !words.empty()) {
    out += " AND filters : " + Quoted(words);
  }
  const std::string unit = text::Fold(q.unit);
  if (const std::string words = FilterWords(unit, 'u'); !words.empty()) {
    out += " AND (filters : " + Quoted(words) + " OR filters : " + Quoted(FilterWords(unit, 'i')) +
           ")";
  }
  return out;
}

bool Filtered(const SearchQuery& q) {
  return !q.type.empty() || !q.issuer.empty() || q.year.has_value() || !q.unit.empty();
}

void BindFilters(Stmt& s, const SearchQuery& q) {
  s.Bind(4, text::Fold(q.type))
      .Bind(5, text::Fold(q.issuer))
      .Bind(6, q.year ? std::optional<std::int64_t>(*q.year) : std::nullopt)
      .Bind(7, text::Fold(q.unit));
}

struct Ranked {
  std::int64_t id;
  double score;
};

// The newest `k` rows matching `expr` (a whole MATCH expression; the filters are ANDed to
// it), scored, appended to *out.
Result<std::size_t> Candidates(Db& db, const std::string& expr, const SearchQuery& q,
                               std::int64_t k, std::vector<Ranked>* out) {
  // Without filters FTS5 alone answers; with them each candidate is joined to its row, and
  // LIMIT counts rows that pass.
  auto s = Filtered(q)
               ? db.Prepare(std::string("SELECT documents_fts.rowid, ") + kRank +
                            " FROM documents_fts JOIN documents d ON d.id = documents_fts.rowid"
                            " WHERE documents_fts MATCH ?1" +
                            kFilters + " ORDER BY documents_fts.rowid DESC LIMIT ?3")
               : db.Prepare(std::string("SELECT rowid, ") + kRank +
                            " FROM documents_fts WHERE documents_fts MATCH ?1"
                            " ORDER BY rowid DESC LIMIT ?3");
  if (!s.ok()) return s.error();
  s.value().BindText(1, expr + FilterMatch(q)).Bind(3, k);
  if (Filtered(q)) BindFilters(s.value(), q);
  std::size_t n = 0;
  for (;;) {
    auto row = s.value().Step();
    if (!row.ok()) return row.error();
    if (!row.value()) break;
    out->push_back({s.value().Int(0), s.value().Real(1)});
    ++n;
  }
  return n;
}

}  // namespace

Result<std::vector<SearchHit>> SqliteStore::RunSearch(const std::string& match,
                                                      const std::string& number_key,
                                                      const SearchQuery& q, bool cited) {
  std::vector<SearchHit> hits;
  std::unordered_set<std::int64_t> seen;
  if (!number_key.empty()) {
    auto s = db_->Prepare("SELECT " + RowColumns() + " FROM documents d WHERE d.number_key = ?1" +
                          kFilters + " ORDER BY d.date DESC, d.id LIMIT ?8");
    if (!s.ok()) return s.error();
    s.value().BindText(1, number_key).Bind(8, std::int64_t{q.limit});
    BindFilters(s.value(), q);
    for (;;) {
      auto row = s.value().Step();
      if (!row.ok()) return row.error();
      if (!row.value()) break;
      SearchHit h;
      h.row = ReadDocumentRow(s.value());
      h.number_match = true;
      seen.insert(h.row.id);
      hits.push_back(std::move(h));
    }
  }
  if (match.empty() || static_cast<int>(hits.size()) >= q.limit) return hits;

  std::vector<Ranked> ranked;
  // Never fewer candidates than the hits asked for (the server pages by asking for more).
  const std::int64_t k =
      std::max<std::int64_t>(Filtered(q) ? bounds_.filtered : bounds_.body, q.limit);
  // A number: the documents that carry it or cite it, by its filter word (NumberWord,
  // search.h), one short doclist; its words as a phrase were four long ones ("12 2012 qd
  // ubnd") read until the newest `k` held them in order. Every score is then 0 (the column
  // weighs nothing): the newest come first.
  const std::string expr =
      cited ? "filters : " + Quoted(NumberWord(number_key)) : TextColumns(match);
  auto found = Candidates(*db_, expr, q, k, &ranked);
  if (!found.ok()) return found.error();
  std::sort(ranked.begin(), ranked.end(), [](const Ranked& a, const Ranked& b) {
    return a.score != b.score ? a.score < b.score : a.id > b.id;
  });

  // The row and its text in one read: the text is what the snippet is cut from.
  auto d = db_->Prepare("SELECT " + RowColumns() + ", d.text FROM documents d WHERE d.id = ?1");
  if (!d.ok()) return d.error();
  const std::vector<Phrase> phrases = MatchPhrases(match);
  for (const Ranked& r : ranked) {
    if (static_cast<int>(hits.size()) >= q.limit) break;
    if (!seen.insert(r.id).second) continue;
    d.value().Bind(1, r.id);
    auto row = d.value().Step();
    if (!row.ok()) return row.error();
    if (row.value()) {
      SearchHit h;
      h.row = ReadDocumentRow(d.value());
      h.score = r.score;
      const std::string text = d.value().Text(14);
      // The FTS columns in their order (title, text, number), as snippet(…, -1, …) saw them.
      h.snippet = MakeSnippet({h.row.title, text, h.row.number}, phrases, q.mark_open, q.mark_close,
                              kSnippetWords);
      hits.push_back(std::move(h));
    }
    d.value().Reset();
  }
  return hits;
}

Result<SearchResult> SqliteStore::Search(const SearchQuery& query) {
  const MatchQuery m = BuildMatch(query.text);
  if (m.phrases.empty() && m.number_key.empty()) {
    return Error{"empty_query", "nothing to search for (no letters or digits in the query)"};
  }
  SearchResult out;
  out.match = m.phrases;
  auto hits = RunSearch(m.phrases, m.number_key, query, !m.number_key.empty());
  if (!hits.ok()) return hits.error();
  out.hits = std::move(hits.value());
  // Number-shaped text that no document carries or cites may be words ("2024 kế hoạch",
  // "35 NQ TW" in a text that was not read as a reference): its words as a phrase. Not with a
  // '/', which every số/ký hiệu has ("35-NQ/TW", "12/2012/QĐ-UBND"): that is a number, and
  // its words as a phrase that nothing holds made FTS5 read their doclists whole (1,000,000
  // documents: 19.5 ms for 102/2018/NĐ-CP, the slowest of the 63 queries).
  if (out.hits.empty() && !m.number_key.empty() && query.text.find('/') == std::string::npos) {
    hits = RunSearch(m.phrases, "", query, false);
    if (!hits.ok()) return hits.error();
    out.hits = std::move(hits.value());
  }
  // A number-shaped query is never relaxed: "35", "nq" and "tw" apart match anything.
  if (out.hits.empty() && m.all_words != m.phrases && m.number_key.empty()) {
    auto relaxed = RunSearch(m.all_words, "", query, false);
    if (!relaxed.ok()) return relaxed.error();
    out.hits = std::move(relaxed.value());
    out.match = m.all_words;
    out.relaxed = true;
  }
  return out;
}

}  // namespace dondoc::store
