// Tested by migrations_test.cc.
//
// Conventions of the schema (PostgreSQL-compatible where it costs nothing):
// - STRICT tables: a text in an INTEGER column is an error, not silently kept.
// - Absent values are NULL, never ''. Dates are ISO 'YYYY-MM-DD' text.
// - *_key columns hold text::Fold / parse::SymbolKey forms for matching without accents;
//   the as-written value sits beside them for display.
// - Child rows (refs, times, tasks, reporting) carry `ord`, their index in the parsed
//   document's array, and die with their document (ON DELETE CASCADE).
#include "store/migrations.h"

#include <string>

namespace dondoc::store {

namespace {

// v1: documents, their parse, full-text index, units, tasks, times, reporting, ingest log.
constexpr std::string_view kV1 = R"sql(
CREATE TABLE documents (
  id             INTEGER PRIMARY KEY,
  sha256         TEXT NOT NULL UNIQUE,   -- of the file's bytes: the ingest identity
  path           TEXT NOT NULL,          -- where it was first read from
  format         TEXT NOT NULL,
  encoding       TEXT NOT NULL,
  kind           TEXT NOT NULL,          -- official | article | unknown
  number         TEXT,                   -- as printed: '35-NQ/TW'
  number_key     TEXT,                   -- parse::SymbolKey: '35nqtw'
  type           TEXT,                   -- 'KH', 'QĐ'
  type_key       TEXT,                   -- folded: 'kh', 'qd'
  type_name      TEXT,
  issuer         TEXT,
  issuer_parent  TEXT,
  issuer_key     TEXT,                   -- folded issuer + parent, for --issuer
  issuer_unit    INTEGER REFERENCES units(id),
  place          TEXT,
  date           TEXT,
  year           INTEGER,
  title          TEXT,
  parser_version TEXT NOT NULL,
  ingested_at    TEXT NOT NULL,
  parsed_at      TEXT NOT NULL,
  -- The large columns last: reading a column walks the row's overflow pages up to it, so a
  -- small column behind the text cost a search ~10x (every hit read ~40 KB for a date).
  read_warnings  TEXT NOT NULL,          -- JSON: what decoding repaired (for re-parsing)
  parse_json     TEXT NOT NULL,          -- dondoc/document@1
  text           TEXT NOT NULL           -- normalized; every span refers to it
) STRICT;
CREATE INDEX documents_number_key ON documents(number_key);
CREATE INDEX documents_year ON documents(year);

-- Unit names met in documents (issuers, task units), one row per folded name.
CREATE TABLE units (
  id       INTEGER PRIMARY KEY,
  name     TEXT NOT NULL,              -- as first written
  name_key TEXT NOT NULL UNIQUE,       -- text::Fold(name)
  unit_id  TEXT                        -- the unit registry's id, when resolved
) STRICT;

-- External-content FTS5 over documents: the text is stored once, in documents.
CREATE VIRTUAL TABLE documents_fts USING fts5(
  title, text, number, content='documents', content_rowid='id', tokenize='vi');
CREATE TRIGGER documents_fts_insert AFTER INSERT ON documents BEGIN
  INSERT INTO documents_fts(rowid, title, text, number)
  VALUES (new.id, new.title, new.text, new.number);
END;
CREATE TRIGGER documents_fts_delete AFTER DELETE ON documents BEGIN
  INSERT INTO documents_fts(documents_fts, rowid, title, text, number)
  VALUES ('delete', old.id, old.title, old.text, old.number);
END;
CREATE TRIGGER documents_fts_update AFTER UPDATE OF title, text, number ON documents BEGIN
  INSERT INTO documents_fts(documents_fts, rowid, title, text, number)
  VALUES ('delete', old.id, old.title, old.text, old.number);
  INSERT INTO documents_fts(rowid, title, text, number)
  VALUES (new.id, new.title, new.text, new.number);
END;

CREATE TABLE times (
  id          INTEGER PRIMARY KEY,
  document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  ord         INTEGER NOT NULL,
  text        TEXT NOT NULL,
  kind        TEXT NOT NULL,
  start       TEXT,
  date        TEXT,
  rrule       TEXT,
  event       TEXT,
  span_begin  INTEGER NOT NULL,
  span_end    INTEGER NOT NULL,
  UNIQUE (document_id, ord)
) STRICT;
CREATE INDEX times_date ON times(date);

CREATE TABLE tasks (
  id          INTEGER PRIMARY KEY,
  document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  ord         INTEGER NOT NULL,
  path        TEXT,
  action      TEXT NOT NULL,
  due_ord     INTEGER,                 -- times.ord of the deadline in the same document
  due_date    TEXT,                    -- that time's date, copied for queries by deadline
  span_begin  INTEGER NOT NULL,
  span_end    INTEGER NOT NULL,
  UNIQUE (document_id, ord)
) STRICT;
CREATE INDEX tasks_due_date ON tasks(due_date);

CREATE TABLE task_units (
  task_id    INTEGER NOT NULL REFERENCES tasks(id) ON DELETE CASCADE,
  unit       INTEGER NOT NULL REFERENCES units(id),
  name       TEXT NOT NULL,            -- as written in this task
  role       TEXT NOT NULL,            -- lead | execute | coordinate | requested
  span_begin INTEGER NOT NULL,
  span_end   INTEGER NOT NULL
) STRICT;
CREATE INDEX task_units_task ON task_units(task_id);
CREATE INDEX task_units_unit ON task_units(unit);

CREATE TABLE reporting (
  id          INTEGER PRIMARY KEY,
  document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  ord         INTEGER NOT NULL,
  to_name     TEXT,
  times       TEXT NOT NULL,           -- JSON array of times.ord
  span_begin  INTEGER NOT NULL,
  span_end    INTEGER NOT NULL,
  UNIQUE (document_id, ord)
) STRICT;

-- What each ingest did: one row per stored, re-parsed or failed file (unchanged files add
-- nothing, so ingesting twice leaves the database as it was).
CREATE TABLE ingest_log (
  id          INTEGER PRIMARY KEY,
  at          TEXT NOT NULL,
  path        TEXT NOT NULL,
  sha256      TEXT,
  status      TEXT NOT NULL,           -- ingested | reparsed | failed
  code        TEXT,
  message     TEXT,
  document_id INTEGER REFERENCES documents(id) ON DELETE SET NULL
) STRICT;
)sql";

// v2: the citation graph. refs are what a document cites; `target` is the stored document a
// reference resolved to (NULL until the cited document arrives), `edge` how they relate.
constexpr std::string_view kV2 = R"sql(
CREATE TABLE refs (
  id          INTEGER PRIMARY KEY,
  document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  ord         INTEGER NOT NULL,
  number      TEXT,                    -- normalized by the parser: '35-NQ/TW'
  number_key  TEXT,                    -- parse::SymbolKey
  type        TEXT,
  issuer      TEXT,
  date        TEXT,
  name        TEXT,                    -- name-only citations: 'Luật An ninh mạng'
  target      INTEGER REFERENCES documents(id) ON DELETE SET NULL,
  edge        TEXT NOT NULL DEFAULT 'cites',  -- implements | cites | amends | replaces
  span_begin  INTEGER NOT NULL,
  span_end    INTEGER NOT NULL,
  UNIQUE (document_id, ord)
) STRICT;
CREATE INDEX refs_number_key ON refs(number_key);
CREATE INDEX refs_target ON refs(target);
CREATE INDEX documents_issuer_unit ON documents(issuer_unit);
)sql";

// v3: resolving the graph. A document's `node` is the id of the first stored copy of the
// same document (same number and date, issuers not naming different places: resolve.h
// CopyKey and SameIssuer; the key kept in `copy_key`), NULL
// when it is the first; references target nodes. A reference's `status` says whether it
// resolved, waits for its document (pending) or fits several (ambiguous, with `candidates`).
// Rows stored before v3 are pending with edge 'cites' until `dondoc db resolve` (targets) or
// `dondoc ingest --reparse` (edge kinds too).
constexpr std::string_view kV3 = R"sql(
ALTER TABLE documents ADD COLUMN copy_key TEXT;
ALTER TABLE documents ADD COLUMN node INTEGER;
CREATE INDEX documents_copy_key ON documents(copy_key);
CREATE INDEX documents_node ON documents(node);
ALTER TABLE refs ADD COLUMN status TEXT;        -- resolved | pending | ambiguous; NULL: no number
ALTER TABLE refs ADD COLUMN candidates INTEGER; -- nodes that fit when ambiguous
UPDATE refs SET status = 'pending' WHERE number_key IS NOT NULL;
)sql";

// v4: tracking (issue 5) — the office's tasks, the units' progress reports with their
// attachments, users, sessions and the audit log. Tracked tasks are copies of the extracted
// tasks (tasks/task_units), not references to them: a re-parse replaces the extraction rows,
// while a reviewed task must keep what the office confirmed; `source_ord` (the extraction's
// tasks.ord) makes proposing idempotent. Units, sources and history are JSON in the row (read
// and written whole with the task); track_task_units repeats the unit ids for the officer's
// "my unit's tasks" lookups.
constexpr std::string_view kV4 = R"sql(
CREATE TABLE track_tasks (
  id          INTEGER PRIMARY KEY,
  plan_id     INTEGER NOT NULL REFERENCES documents(id),
  source_ord  INTEGER,                 -- tasks.ord of the extraction it was proposed from
  state       TEXT NOT NULL,           -- proposed | confirmed | dropped | merged
  action      TEXT NOT NULL,
  due_date    TEXT,                    -- one-off deadline (nominal)
  due_rrule   TEXT,
  due_start   TEXT,
  merged_into INTEGER REFERENCES track_tasks(id),
  drop_reason TEXT,
  units       TEXT NOT NULL,           -- JSON [{unit_id,name,role}]
  sources     TEXT NOT NULL,           -- JSON: provenance, never edited
  history     TEXT NOT NULL,           -- JSON: reviewed changes
  updated_at  INTEGER NOT NULL,
  UNIQUE (plan_id, source_ord)
) STRICT;
CREATE INDEX track_tasks_state ON track_tasks(state, plan_id);

CREATE TABLE track_task_units (
  task_id INTEGER NOT NULL REFERENCES track_tasks(id) ON DELETE CASCADE,
  unit_id TEXT NOT NULL,
  PRIMARY KEY (unit_id, task_id)
) WITHOUT ROWID, STRICT;

CREATE TABLE track_reports (
  id            INTEGER PRIMARY KEY,
  task_id       INTEGER NOT NULL REFERENCES track_tasks(id),
  unit_id       TEXT NOT NULL,
  period_from   TEXT NOT NULL,
  period_to     TEXT NOT NULL,
  period_label  TEXT NOT NULL,
  instance      TEXT,
  text          TEXT NOT NULL,
  percent       INTEGER NOT NULL,
  state         TEXT NOT NULL,         -- submitted | confirmed | returned
  return_reason TEXT,
  returns       INTEGER NOT NULL DEFAULT 0,
  submitted_at  INTEGER NOT NULL,
  decided_at    INTEGER NOT NULL DEFAULT 0,
  decided_by    TEXT
) STRICT;
CREATE INDEX track_reports_task ON track_reports(task_id);
CREATE INDEX track_reports_state ON track_reports(state);

-- Files attached to reports, kept in the database (one file to back up).
CREATE TABLE track_attachments (
  id         INTEGER PRIMARY KEY,
  report_id  INTEGER NOT NULL REFERENCES track_reports(id),
  name       TEXT NOT NULL,
  media_type TEXT NOT NULL,
  size       INTEGER NOT NULL,
  data       BLOB NOT NULL
) STRICT;
CREATE INDEX track_attachments_report ON track_attachments(report_id);

CREATE TABLE users (
  id            INTEGER PRIMARY KEY,
  username      TEXT NOT NULL UNIQUE,
  role          TEXT NOT NULL,         -- admin | office | unit_officer | reader
  unit_id       TEXT,
  password_hash TEXT NOT NULL,         -- Argon2id PHC string; never the password
  disabled      INTEGER NOT NULL DEFAULT 0
) STRICT;

CREATE TABLE sessions (
  id           TEXT PRIMARY KEY,       -- hash of the cookie token
  user_id      INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  csrf_token   TEXT NOT NULL,
  created_at   INTEGER NOT NULL,
  last_seen_at INTEGER NOT NULL,
  ip           TEXT,
  user_agent   TEXT
) STRICT;
CREATE INDEX sessions_user ON sessions(user_id);

CREATE TABLE audit_log (
  id          INTEGER PRIMARY KEY,
  at          INTEGER NOT NULL,
  actor_id    INTEGER,
  actor       TEXT,
  action      TEXT NOT NULL,
  target      TEXT,
  before_json TEXT,
  after_json  TEXT,
  ip          TEXT
) STRICT;
CREATE INDEX audit_log_target ON audit_log(target);
)sql";

// v5: documents are indexed for full text by SqliteStore::Put, one statement per batch
// (sqlite_write.cc), no longer by a trigger per row. FTS5 (SQLite 3.40) writes its pending
// terms out as a new index segment at every statement and savepoint boundary once it has been
// written in a transaction, so the trigger made one small segment per document, and FTS5's
// merges rewrote them again and again (ingest profile: the writer thread's instructions
// -22%). Deletes and updates keep their triggers: they are rare (re-parse) and must not be
// forgotten. Rows stored before v5 are indexed already.
constexpr std::string_view kV5 = R"sql(
DROP TRIGGER documents_fts_insert;
)sql";

// v6: a fourth FTS5 column, `filters`, so that a filtered search starts from the documents
// that pass the filter. It holds, per document, "T" + type_key, "Y" + year, the issuer_key
// and the folded names of the task units (SqliteStore writes it: FilterKeys in
// sqlite_write.cc; the UPDATE below computes the same words for stored rows). A search ANDs
// `filters : "Tcv"` etc. to its text query and FTS5 intersects the doclists, skipping through
// the long one with its doclist index; before, the plan walked the matches newest first
// until 100 passed the filter, every match of a filter that few documents pass (docs/search.md
// has the measurements and the alternatives). The documents column holds the same text,
// because the FTS table takes its content from documents (a 'delete' must give FTS5 exactly
// what was indexed). Rebuilding the index reads every document's text once.
constexpr std::string_view kV6 = R"sql(
ALTER TABLE documents ADD COLUMN filters TEXT;
UPDATE documents SET filters = trim(
  coalesce('T' || nullif(type_key, ''), '') || coalesce(' Y' || year, '') ||
  coalesce(', ' || nullif(issuer_key, ''), '') ||
  coalesce(', ' || (SELECT group_concat(DISTINCT u.name_key) FROM tasks t
                    JOIN task_units tu ON tu.task_id = t.id JOIN units u ON u.id = tu.unit
                    WHERE t.document_id = documents.id), ''));
DROP TRIGGER documents_fts_delete;
DROP TRIGGER documents_fts_update;
DROP TABLE documents_fts;
CREATE VIRTUAL TABLE documents_fts USING fts5(
  title, text, number, filters, content='documents', content_rowid='id', tokenize='vi');
INSERT INTO documents_fts(documents_fts) VALUES ('rebuild');
CREATE TRIGGER documents_fts_delete AFTER DELETE ON documents BEGIN
  INSERT INTO documents_fts(documents_fts, rowid, title, text, number, filters)
  VALUES ('delete', old.id, old.title, old.text, old.number, old.filters);
END;
CREATE TRIGGER documents_fts_update AFTER UPDATE OF title, text, number, filters ON documents
BEGIN
  INSERT INTO documents_fts(documents_fts, rowid, title, text, number, filters)
  VALUES ('delete', old.id, old.title, old.text, old.number, old.filters);
  INSERT INTO documents_fts(rowid, title, text, number, filters)
  VALUES (new.id, new.title, new.text, new.number, new.filters);
END;
)sql";

// v7: the issuer's and task units' words in `filters` get a prefix ('i', 'u': FilterWords in
// search.h, registered as dondoc_filter_words), so that they are tokens of their own. As v6
// stored them they were the words of the text too ("ha", "noi", "so"), whose doclists hold
// nearly every document: an issuer filter walked them all (100,000 documents: 18 ms for
// issuer "ha noi", growing with the corpus). The update trigger is dropped while the column
// is rewritten (it would re-index each row twice) and the index is rebuilt once.
constexpr std::string_view kV7 = R"sql(
DROP TRIGGER documents_fts_update;
UPDATE documents SET filters =
  coalesce('T' || nullif(type_key, ''), '') || coalesce(' Y' || year, '') || ' ' ||
  dondoc_filter_words(issuer_key, 'i') || ' ' ||
  dondoc_filter_words((SELECT group_concat(DISTINCT u.name_key) FROM tasks t
                       JOIN task_units tu ON tu.task_id = t.id JOIN units u ON u.id = tu.unit
                       WHERE t.document_id = documents.id), 'u');
CREATE TRIGGER documents_fts_update AFTER UPDATE OF title, text, number, filters ON documents
BEGIN
  INSERT INTO documents_fts(documents_fts, rowid, title, text, number, filters)
  VALUES ('delete', old.id, old.title, old.text, old.number, old.filters);
  INSERT INTO documents_fts(rowid, title, text, number, filters)
  VALUES (new.id, new.title, new.text, new.number, new.filters);
END;
INSERT INTO documents_fts(documents_fts) VALUES ('rebuild');
)sql";

// v8: resolving the references to an arriving document's number touches only those whose
// resolution can change (sqlite_graph.cc, Arrive; docs/search.md "Ingest rate"). Before, every
// reference citing the number was read with its citing document's row and resolved again:
// work that grew with the corpus (48 % of the writer at 120,000 documents).
// - refs.citing_date: the citing document's date (rule 2 of resolve.h), so the references an
//   arriving document may fit are found from one index without reading documents rows. Refs
//   are rewritten with their document, so it never goes stale.
// - refs.settled: 1 when the reference is ambiguous in a way no later document can change
//   (Resolution::settled). refs_number_key puts them apart (number, settled, then the dates)
//   and holds what the search for the others reads, so settled references cost nothing any
//   more. NULL is always safe ("may change"): rows stored before v8 settle at their next
//   resolution.
// - refs.candidates is dropped: how many nodes an ambiguous reference fits grew with every
//   arriving document and had to be rewritten each time; EdgesFrom counts them when asked.
// - documents_number_key also holds what Candidates and FindNode read (date, node, issuer,
//   parent, place), so they need no documents row: `node` lies behind the text in each row,
//   and reading it walked the row's overflow pages. It also finds copies (number and date),
//   so documents_copy_key goes: one index less to update per document.
constexpr std::string_view kV8 = R"sql(
ALTER TABLE refs ADD COLUMN citing_date TEXT;
ALTER TABLE refs ADD COLUMN settled INTEGER;
ALTER TABLE refs DROP COLUMN candidates;
UPDATE refs SET citing_date = (SELECT d.date FROM documents d WHERE d.id = refs.document_id);
DROP INDEX refs_number_key;
CREATE INDEX refs_number_key ON refs(number_key, settled, date, citing_date, status, issuer,
                                     document_id);
DROP INDEX documents_number_key;
DROP INDEX documents_copy_key;
CREATE INDEX documents_number_key ON documents(number_key, date, node, issuer, issuer_parent,
                                               place);
)sql";

// v9: `filters` also holds the number keys of the document and of its references as one
// word each, "N" + the key (NumberWord in search.h; FilterKeys in sqlite_write.cc writes the
// same), so that a search for a number reads one short doclist (the documents carrying or
// citing it) instead of its words as a phrase: `12/2012/QĐ-UBND` was "12 2012 qd ubnd",
// four words nearly every document holds, read until 500 documents had them in order (the
// slowest query at 280,000 documents, growing with the corpus; docs/search.md). As v7: the
// update trigger is dropped while the column is rewritten, the index is rebuilt once.
constexpr std::string_view kV9 = R"sql(
DROP TRIGGER documents_fts_update;
UPDATE documents SET filters = coalesce(filters, '') || coalesce(' N' || number_key, '') ||
  coalesce((SELECT group_concat(' N' || k, '') FROM
             (SELECT DISTINCT r.number_key AS k FROM refs r
              WHERE r.document_id = documents.id AND r.number_key IS NOT NULL
                AND r.number_key IS NOT coalesce(documents.number_key, '')
              ORDER BY 1)), '');
CREATE TRIGGER documents_fts_update AFTER UPDATE OF title, text, number, filters ON documents
BEGIN
  INSERT INTO documents_fts(documents_fts, rowid, title, text, number, filters)
  VALUES ('delete', old.id, old.title, old.text, old.number, old.filters);
  INSERT INTO documents_fts(rowid, title, text, number, filters)
  VALUES (new.id, new.title, new.text, new.number, new.filters);
END;
INSERT INTO documents_fts(documents_fts) VALUES ('rebuild');
)sql";

// v10: FTS5 holds up to 64 MB of pending terms in memory before it writes them out as an
// index segment ('hashsize'; a setting stored in the table's config, hence a migration).
// Put indexes a whole batch, up to 1,000 documents, in one statement (v5), but at the
// default 1 MB FTS5 wrote a batch as many small segments, and its automerge then read and
// rewrote them into larger ones again and again; now a batch is one segment. The memory is
// taken only as far as a batch needs it. Searches read the same rows from fewer segments.
// docs/search.md, "Ingest rate", has the measurements.
constexpr std::string_view kV10 = R"sql(
INSERT INTO documents_fts(documents_fts, rank) VALUES ('hashsize', 67108864);
)sql";

}  // namespace

const std::vector<std::string_view>& Migrations() {
  static const std::vector<std::string_view> kAll = {kV1, kV2, kV3, kV4, kV5,
                                                     kV6, kV7, kV8, kV9, kV10};
  return kAll;
}

Result<Ok> Migrate(Db& db, int target) {
  if (target < 0) target = SchemaVersion();
  // Most opens find the schema current: answer without taking the write lock, so readers
  // never wait for a writer here.
  auto current = db.QueryInt("PRAGMA user_version");
  if (!current.ok()) return current.error();
  if (current.value() == target) return Ok{};
  for (;;) {
    // Version read inside the write transaction: two processes opening a new database at
    // once must not both run migration 1.
    auto tx = WriteTransaction::Begin(db);
    if (!tx.ok()) return tx.error();
    auto version = db.QueryInt("PRAGMA user_version");
    if (!version.ok()) return version.error();
    const int v = static_cast<int>(version.value());
    if (v > SchemaVersion()) {
      return Error{"schema_too_new", "the database has schema version " + std::to_string(v) +
                                         ", newer than this dondoc knows (" +
                                         std::to_string(SchemaVersion()) + "); upgrade dondoc"};
    }
    if (v >= target) return Ok{};  // the transaction rolls back: nothing was written
    if (auto r = db.Exec(Migrations()[static_cast<std::size_t>(v)]); !r.ok()) return r.error();
    if (auto r = db.Exec("PRAGMA user_version=" + std::to_string(v + 1)); !r.ok()) {
      return r.error();
    }
    if (auto r = tx.value().Commit(); !r.ok()) return r.error();
  }
}

}  // namespace dondoc::store
