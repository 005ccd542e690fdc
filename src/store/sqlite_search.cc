// SqliteStore::Search: FTS5 MATCH with bm25 and a title boost, number hits first, filters.
// Tested by search_test.cc. How the text becomes a query: search.h.
#include <string>
#include <unordered_set>
#include <vector>

#include "store/search.h"
#include "store/sqlite_store.h"
#include "text/fold.h"

namespace dondoc::store {
namespace {

// bm25 column weights, in the FTS table's column order (title, text, number): a word in the
// title counts five times one in the body, so a document *about* something outranks one that
// mentions it; the number column matters less than the title (numbers are matched exactly
// through number_key anyway).
constexpr const char* kBm25 = "bm25(documents_fts, 5.0, 1.0, 2.0)";

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

void BindFilters(Stmt& s, const SearchQuery& q) {
  s.Bind(4, text::Fold(q.type))
      .Bind(5, text::Fold(q.issuer))
      .Bind(6, q.year ? std::optional<std::int64_t>(*q.year) : std::nullopt)
      .Bind(7, text::Fold(q.unit));
}

// Snippets for hits[from, end), cut from each hit's stored text by MakeSnippet (search.h):
// one row read per hit shown, instead of FTS5's snippet(), which re-tokenized the whole
// title, text and number of each through the tokenizer (~1 ms per 10 KB document).
Result<Ok> FillSnippets(Db& db, const std::string& match, const SearchQuery& q,
                        std::vector<SearchHit>* hits, std::size_t from) {
  if (from >= hits->size()) return Ok{};
  const std::vector<Phrase> phrases = MatchPhrases(match);
  auto s = db.Prepare("SELECT text FROM documents WHERE id = ?1");
  if (!s.ok()) return s.error();
  for (std::size_t i = from; i < hits->size(); ++i) {
    SearchHit& h = (*hits)[i];
    s.value().Bind(1, h.row.id);
    auto row = s.value().Step();
    if (!row.ok()) return row.error();
    if (row.value()) {
      const std::string text = s.value().Text(0);
      // The FTS columns in their order (title, text, number), as snippet(…, -1, …) saw them.
      h.snippet = MakeSnippet({h.row.title, text, h.row.number}, phrases, q.mark_open, q.mark_close,
                              kSnippetWords);
    }
    s.value().Reset();
  }
  return Ok{};
}

}  // namespace

Result<std::vector<SearchHit>> SqliteStore::RunSearch(const std::string& match,
                                                      const std::string& number_key,
                                                      const SearchQuery& q) {
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
  const bool filtered =
      !q.type.empty() || !q.issuer.empty() || q.year.has_value() || !q.unit.empty();
  if (!filtered) return RankedUnfiltered(match, q, std::move(hits), seen);
  // Ranking first, snippets after: SQLite computes every result column of every matching row
  // before it sorts, and snippet() re-tokenizes the whole text of its row. Asked for in the
  // ranking query, it made a common phrase on 1,178 documents cost ~300 ms instead of ~10.
  auto s = db_->Prepare("SELECT " + RowColumns() + ", " + kBm25 +
                        " AS score FROM documents_fts JOIN documents d ON d.id = "
                        "documents_fts.rowid WHERE documents_fts MATCH ?1" +
                        kFilters + " ORDER BY score LIMIT ?8");
  if (!s.ok()) return s.error();
  s.value().BindText(1, match).Bind(8, std::int64_t{q.limit});
  BindFilters(s.value(), q);
  const std::size_t first_fts_hit = hits.size();
  for (;;) {
    auto row = s.value().Step();
    if (!row.ok()) return row.error();
    if (!row.value()) break;
    if (static_cast<int>(hits.size()) >= q.limit) break;
    SearchHit h;
    h.row = ReadDocumentRow(s.value());
    if (seen.count(h.row.id) > 0) continue;
    h.score = s.value().Real(14);
    hits.push_back(std::move(h));
  }
  auto snipped = FillSnippets(*db_, match, q, &hits, first_fts_hit);
  if (!snipped.ok()) return snipped.error();
  return hits;
}

// Without filters FTS5 ranks on its own: `ORDER BY rank LIMIT n` with the weights given
// through `rank MATCH` is sorted inside FTS5. Joining documents before sorting (as the
// filtered query must) read a documents row for every match (bench/store-scale.sh, 3,000
// generated documents, 63 queries: ranking joined to documents 10.5 → 2.7 ms). Snippets are
// cut afterwards from the n rows shown, by MakeSnippet rather than FTS5's snippet(), which
// re-tokenized each whole text (10,000 documents: p50 9.8 → 5.3 ms).
Result<std::vector<SearchHit>> SqliteStore::RankedUnfiltered(
    const std::string& match, const SearchQuery& q, std::vector<SearchHit> hits,
    const std::unordered_set<std::int64_t>& seen) {
  auto s = db_->Prepare(
      "SELECT rowid, rank FROM documents_fts WHERE documents_fts MATCH ?1 AND rank MATCH "
      "'bm25(5.0, 1.0, 2.0)' ORDER BY rank LIMIT ?2");
  if (!s.ok()) return s.error();
  s.value().BindText(1, match).Bind(2,
                                    std::int64_t{q.limit} + static_cast<std::int64_t>(seen.size()));
  struct Ranked {
    std::int64_t id;
    double score;
  };
  std::vector<Ranked> ranked;
  for (;;) {
    auto row = s.value().Step();
    if (!row.ok()) return row.error();
    if (!row.value()) break;
    if (seen.count(s.value().Int(0)) > 0) continue;
    ranked.push_back({s.value().Int(0), s.value().Real(1)});
  }
  // The row and its text in one read: the text is what the snippet is cut from.
  auto d = db_->Prepare("SELECT " + RowColumns() + ", d.text FROM documents d WHERE d.id = ?1");
  if (!d.ok()) return d.error();
  const std::vector<Phrase> phrases = MatchPhrases(match);
  for (const Ranked& r : ranked) {
    if (static_cast<int>(hits.size()) >= q.limit) break;
    d.value().Bind(1, r.id);
    auto row = d.value().Step();
    if (!row.ok()) return row.error();
    if (row.value()) {
      SearchHit h;
      h.row = ReadDocumentRow(d.value());
      h.score = r.score;
      const std::string text = d.value().Text(14);
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
  auto hits = RunSearch(m.phrases, m.number_key, query);
  if (!hits.ok()) return hits.error();
  out.hits = std::move(hits.value());
  // A number-shaped query is never relaxed: "35", "nq" and "tw" apart match anything.
  if (out.hits.empty() && m.all_words != m.phrases && m.number_key.empty()) {
    auto relaxed = RunSearch(m.all_words, "", query);
    if (!relaxed.ok()) return relaxed.error();
    out.hits = std::move(relaxed.value());
    out.match = m.all_words;
    out.relaxed = true;
  }
  return out;
}

}  // namespace dondoc::store
