// The document store: what goes in (parsed documents), what comes out (search hits, one
// document's summary, integrity problems). One abstract interface so the PostgreSQL back-end
// can follow; no SQL outside store/. The SQLite back-end is sqlite_store.h.
//
// Threading: a Store is one database connection and is NOT thread-safe. Open one per thread;
// any number may read at once, one writes at a time (writes wait up to the busy timeout, then
// fail with "locked").
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/result.h"
#include "parse/document.h"

namespace dondoc::store {

// The value of a Result that has nothing to return.
struct Ok {};

// The tokens the full-text index makes of one column's text, kept to be handed to it later
// (fts_tokenizer.h): the token's bytes and where in the text it was found.
struct ColumnTokens {
  struct Token {
    std::uint32_t at = 0;  // into `bytes`
    std::uint32_t size = 0;
    std::int32_t begin = 0;  // byte offsets into the column's text
    std::int32_t end = 0;
    std::int32_t flags = 0;  // FTS5_TOKEN_COLOCATED or 0
  };
  std::string bytes;
  std::vector<Token> tokens;
};

// One document to store: its source, its normalized text and what the parser made of it.
struct NewDocument {
  std::string path;    // as given on the command line (or where it was first seen)
  std::string sha256;  // of the file's bytes: the identity that makes ingest idempotent
  std::string text;    // normalized text; spans in `doc` refer to it
  std::vector<Warning> read_warnings;  // what decoding repaired (kept for re-parsing)
  Document doc;
  std::string parse_json;  // dondoc/document@1 of `doc`
  std::string parser_version;
  // What the store writes that follows from `doc` and `text` alone: DeriveKeys fills it. The
  // ingest's parser threads do, so that the one writer thread does not (docs/search.md,
  // "Ingest rate"); Put derives it for a document that comes without (`ready` false).
  struct Keys {
    bool ready = false;
    std::string number_key;  // parse::SymbolKey of doc.number ("" without a number)
    std::string type_key;    // text::Fold of doc.type
    std::string issuer, issuer_parent, issuer_key;  // issuer_key: folded "issuer parent"
    std::optional<std::int64_t> year;               // of doc.date
    std::string filters;                            // the FTS5 column `filters`
    std::string read_warnings_json;
    std::vector<std::string> ref_keys;   // per reference: SymbolKey of its number, or ""
    std::vector<std::string> ref_edges;  // per reference: EdgeKind (edge_kind.h)
    // The full-text index's tokens of title, text, number and filters, in that order, made on
    // a parser thread by TokenizeForIndex; Put hands them to FTS5 instead of tokenizing on
    // the writer. Empty (an upload): Put tokenizes as it indexes.
    std::vector<ColumnTokens> index_tokens;
  } keys;
};

// d.keys (above), from d's doc, text and read_warnings; all but index_tokens.
NewDocument::Keys DeriveKeys(const NewDocument& d);

// The values of the full-text columns (title, text, number, filters) as Put stores and indexes
// them: nullopt where the documents row holds NULL.
std::array<std::optional<std::string_view>, 4> IndexColumns(const NewDocument& d,
                                                            const NewDocument::Keys& k);

// d.keys.index_tokens: IndexColumns tokenized as the index would (fts_tokenizer.h). Meant for
// the ingest's parser threads, so that the writer replays rather than tokenizes (tokenizing,
// with FTS5's hashing of the tokens, which stays, was 17 % of the writer at ~350,000 documents).
// Leaves them empty if the tokenizer cannot be had.
void TokenizeForIndex(NewDocument& d);

// A file that could not be ingested, for the ingest log.
struct Failure {
  std::string path;
  std::string sha256;  // "" when the file could not be read
  std::string code;
  std::string message;
};

// What one write did to each document handed in, in order.
enum class PutOutcome { kInserted, kUnchanged, kReparsed, kFailed };
struct PutResult {
  PutOutcome outcome = PutOutcome::kInserted;
  std::int64_t id = 0;  // the stored document's id (0 when kFailed)
  std::string reason;   // kFailed: why (e.g. a value the schema refused)
};

// Stored text, for re-parsing without the original file.
struct StoredText {
  std::int64_t id = 0;
  std::string path, sha256, format, encoding, text;
  std::vector<Warning> read_warnings;
};

// One row of a document list (show, search).
struct DocumentRow {
  std::int64_t id = 0;
  std::string number, type, type_name, date, issuer, issuer_parent, place, title, kind, path,
      sha256, parser_version, ingested_at;
};

struct TaskRow {
  std::string path, action, due, units;  // units: "name [role], …"
};

struct RefRow {
  std::string number, type, date, issuer, name, edge_kind;
  std::optional<std::int64_t> target_id;
  std::string status;  // resolved | pending | ambiguous | "" (a citation by name only)
};

// The citation graph (graph.h walks it). A node is a stored document together with its
// copies (same number, date and issuer from another source); its id is the first copy's.
struct GraphNode {
  DocumentRow row;                   // the first copy
  std::vector<std::int64_t> copies;  // every copy's id, the node's own first
};

// One reference as an edge: from the citing node to the cited node, or to a placeholder
// when the cited document is not stored (pending) or not told apart (ambiguous).
struct GraphEdge {
  std::int64_t from = 0;
  std::optional<std::int64_t> to;
  std::string kind;                        // implements | cites | amends | replaces
  std::string status;                      // resolved | pending | ambiguous | "" (by name only)
  int candidates = 0;                      // ambiguous: how many nodes fit
  std::string number, date, issuer, name;  // what the citing text says
};

// One stored document for `dondoc show`.
struct DocumentDetail {
  DocumentRow row;
  std::int64_t task_count = 0, ref_count = 0, time_count = 0, reporting_count = 0;
  std::vector<TaskRow> tasks;  // the first `max_tasks`
  std::vector<RefRow> refs;
};

struct SearchQuery {
  std::string text;    // what the user typed; never passed to MATCH as syntax
  std::string type;    // "KH", "QĐ" (compared folded: "qd" matches too)
  std::string issuer;  // a part of the issuer's name, folded
  std::optional<int> year;
  std::string unit;  // a part of a unit's name (issuer or task unit), folded
  int limit = 20;
  std::string mark_open = "[", mark_close = "]";  // around matched words in snippets
};

struct SearchHit {
  DocumentRow row;
  std::string snippet;  // "" for a number-only hit
  double score = 0;     // bm25 (lower is better); number matches come first
  bool number_match = false;
};

struct SearchResult {
  std::vector<SearchHit> hits;
  std::string match;     // the FTS5 expression actually run, for --json and debugging
  bool relaxed = false;  // no hit for the phrase; hits contain every word instead
};

// One page of the stored documents without a search text (the web page's list): newest first
// (date, then id). `type` is compared folded as in SearchQuery; `year` is the document's.
struct ListQuery {
  std::string type;
  std::optional<int> year;
  int limit = 20;
  int offset = 0;
};

struct DocumentPage {
  std::vector<DocumentRow> rows;
  std::int64_t total = 0;  // every document the filters keep, for paging
};

struct Counts {
  std::int64_t documents = 0, refs = 0, tasks = 0, times = 0;
};

class Store {
 public:
  virtual ~Store() = default;

  // Whether no document is stored yet (one row looked up).
  virtual Result<bool> Empty() = 0;
  // Whether a document with this content hash is stored.
  virtual Result<bool> HasDocument(const std::string& sha256) = 0;

  // Stores documents and logs failures in ONE transaction: either all of it is committed or
  // none. A document whose hash is stored already is kUnchanged unless `replace`, which
  // replaces its parse (kReparsed). A document the schema refuses is kFailed and the rest go
  // on. An Error (disk full, locked, I/O) means nothing of this call was written.
  virtual Result<std::vector<PutResult>> Put(const std::vector<NewDocument>& docs,
                                             const std::vector<Failure>& failures,
                                             bool replace) = 0;

  // Ids of every stored document, ascending; and one document's stored text.
  virtual Result<std::vector<std::int64_t>> DocumentIds() = 0;
  virtual Result<StoredText> GetText(std::int64_t id) = 0;

  virtual Result<Counts> Count() = 0;

  // Full-text and number search (search.h describes how the query is read).
  virtual Result<SearchResult> Search(const SearchQuery& query) = 0;

  // Documents whose number equals `number` (compared by parse::SymbolKey).
  virtual Result<std::vector<DocumentRow>> FindByNumber(const std::string& number) = 0;
  // One document; "not_found" when no document has this id.
  virtual Result<DocumentDetail> GetDocument(std::int64_t id, int max_tasks) = 0;

  // A page of documents (ListQuery says which, in what order).
  virtual Result<DocumentPage> ListDocuments(const ListQuery& query) = 0;
  // The parse of one document as stored (dondoc/document@1 JSON; its spans are UTF-8 byte
  // offsets into GetText's text); "not_found" when no document has this id.
  virtual Result<std::string> GetParseJson(std::int64_t id) = 0;

  // The node holding document `id` (any copy); "not_found" when no document has this id.
  virtual Result<GraphNode> GetNode(std::int64_t id) = 0;
  // The references of a node (of all its copies, the same reference once), in text order;
  // and the resolved references that point at it, one per citing node and kind.
  virtual Result<std::vector<GraphEdge>> EdgesFrom(std::int64_t node) = 0;
  virtual Result<std::vector<GraphEdge>> EdgesTo(std::int64_t node) = 0;
  // Recomputes copies and every reference's target from the stored rows (after a migration
  // or a change of the resolution rules). One transaction.
  virtual Result<Ok> ResolveAll() = 0;

  // Integrity: the database file, foreign keys and the full-text index. Returns the problems
  // found, empty when all is well.
  virtual Result<std::vector<std::string>> Check() = 0;
};

}  // namespace dondoc::store
