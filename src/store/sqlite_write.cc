// SqliteStore::Put: documents and their parse into rows. Tested by sqlite_store_test.cc and
// bad_input_test.cc.
//
// One call is one BEGIN IMMEDIATE transaction; each document inside it has its own
// SAVEPOINT, so a document the schema refuses is rolled back alone and reported, while an
// error of the database itself (disk full, I/O, lock lost) abandons the whole call — the
// caller's earlier, committed calls are untouched either way.
#include <ctime>
#include <limits>
#include <nlohmann/json.hpp>
#include <set>
#include <string>

#include "parse/symbol.h"
#include "store/edge_kind.h"
#include "store/fts_tokenizer.h"
#include "store/resolve.h"
#include "store/search.h"
#include "store/sqlite_store.h"
#include "text/fold.h"

namespace dondoc::store {
namespace {

std::string UtcNow() {
  const std::time_t t = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

std::optional<std::int64_t> YearOf(const std::string& iso) {
  if (iso.size() < 4) return std::nullopt;
  std::int64_t y = 0;
  for (int i = 0; i < 4; ++i) {
    if (iso[i] < '0' || iso[i] > '9') return std::nullopt;
    y = y * 10 + (iso[i] - '0');
  }
  return y;
}

std::string WarningsJson(const std::vector<Warning>& ws) {
  nlohmann::ordered_json a = nlohmann::ordered_json::array();
  for (const Warning& w : ws) {
    a.push_back({{"code", w.code}, {"message", w.message}, {"span", {w.span.begin, w.span.end}}});
  }
  return a.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
}

// Errors after which nothing more can be written in this transaction.
bool Fatal(const Error& e) {
  return e.code == "disk_full" || e.code == "io_error" || e.code == "locked" ||
         e.code == "read_only" || e.code == "corrupt" || e.code == "cannot_open" ||
         e.code == "not_a_database";
}

// The words of a document that filtered searches match in the FTS5 column `filters`
// (migrations v7 and v9 compute the same for stored rows in SQL; sqlite_search.cc queries
// them): "T" + the folded type, "Y" + the year, the issuer key's words prefixed 'i' and the
// task units' folded names' words prefixed 'u' (FilterWords, search.h), each unit once; then
// the number keys of the document and of its references, each once (NumberWord).
std::string FilterKeys(const Document& doc, const std::string& issuer_key) {
  std::string out;
  if (const std::string type = text::Fold(doc.type); !type.empty()) out += "T" + type;
  if (const auto year = YearOf(doc.date)) out += " Y" + std::to_string(*year);
  out += " " + FilterWords(issuer_key, 'i');
  std::set<std::string> units;
  for (const Task& t : doc.tasks) {
    for (const TaskUnit& u : t.units) {
      if (std::string key = text::Fold(u.name); !key.empty()) units.insert(std::move(key));
    }
  }
  std::string names;
  for (const std::string& u : units) names += u + ",";
  out += " " + FilterWords(names, 'u');
  // v9: the numbers it carries and cites, each once (NumberWord, search.h).
  std::set<std::string> numbers;
  if (!doc.number.empty()) numbers.insert(parse::SymbolKey(doc.number));
  for (const Reference& r : doc.references) {
    if (!r.number.empty()) numbers.insert(parse::SymbolKey(r.number));
  }
  for (const std::string& n : numbers) {
    if (!n.empty()) out += " " + NumberWord(n);
  }
  return out;
}

// The document-level columns shared by INSERT and UPDATE, bound from ?2 on (?1 is the sha256
// or the id).
// An indexed column's value (IndexColumns), bound without a copy: NULL where absent.
void BindColumn(Stmt& s, int i, const std::optional<std::string_view>& v) {
  if (v) {
    s.BindStatic(i, *v);
  } else {
    s.BindNull(i);
  }
}

void BindDocumentColumns(Stmt& s, const NewDocument& d, const NewDocument::Keys& k,
                         const std::string& now, std::optional<std::int64_t> issuer_unit) {
  const Document& doc = d.doc;
  // The indexed columns as IndexColumns has them, so the row and its index cannot differ.
  const auto indexed = IndexColumns(d, k);
  s.BindText(2, d.path)
      .BindText(3, doc.source.format)
      .BindText(4, doc.source.encoding)
      .BindText(5, doc.kind)
      .Bind(7, k.number_key)
      .Bind(8, doc.type)
      .Bind(9, k.type_key)
      .Bind(10, doc.type_name)
      .Bind(11, k.issuer)
      .Bind(12, k.issuer_parent)
      .Bind(13, k.issuer_key)
      .Bind(14, issuer_unit)
      .Bind(15, doc.place)
      .Bind(16, doc.date)
      .Bind(17, k.year)
      .BindText(20, k.read_warnings_json)
      .BindStatic(21, d.parse_json)  // not copied: d outlives the statement's run
      .BindText(22, d.parser_version)
      .BindText(23, now);
  // The indexed columns; like the parse JSON above, bound without a copy (d outlives the run).
  BindColumn(s, 6, indexed[2]);
  BindColumn(s, 18, indexed[0]);
  BindColumn(s, 19, indexed[1]);
  BindColumn(s, 24, indexed[3]);
}

}  // namespace

NewDocument::Keys DeriveKeys(const NewDocument& d) {
  const Document& doc = d.doc;
  NewDocument::Keys k;
  k.number_key = doc.number.empty() ? "" : parse::SymbolKey(doc.number);
  k.type_key = text::Fold(doc.type);
  k.issuer = doc.issuer ? doc.issuer->name : "";
  k.issuer_parent = doc.issuer ? doc.issuer->parent : "";
  k.issuer_key = text::Fold(k.issuer + (k.issuer_parent.empty() ? "" : " " + k.issuer_parent));
  k.year = YearOf(doc.date);
  k.filters = FilterKeys(doc, k.issuer_key);
  k.read_warnings_json = WarningsJson(d.read_warnings);
  k.ref_keys.reserve(doc.references.size());
  k.ref_edges.reserve(doc.references.size());
  for (const Reference& r : doc.references) {
    k.ref_keys.push_back(r.number.empty() ? "" : parse::SymbolKey(r.number));
    k.ref_edges.push_back(EdgeKind(d.text, doc, r));
  }
  k.ready = true;
  return k;
}

std::array<std::optional<std::string_view>, 4> IndexColumns(const NewDocument& d,
                                                            const NewDocument::Keys& k) {
  // As BindDocumentColumns binds them: Bind stores "" as NULL, BindText as ''.
  auto or_null = [](std::string_view s) {
    return s.empty() ? std::nullopt : std::optional<std::string_view>(s);
  };
  return {or_null(d.doc.title), std::string_view(d.text), or_null(d.doc.number),
          std::string_view(k.filters)};
}

void TokenizeForIndex(NewDocument& d) {
  const auto columns = IndexColumns(d, d.keys);
  std::vector<ColumnTokens> tokens(columns.size());
  for (std::size_t i = 0; i < columns.size(); ++i) {
    if (columns[i] && !TokenizeColumn(*columns[i], &tokens[i])) return;  // Put tokenizes
  }
  d.keys.index_tokens = std::move(tokens);
}

Result<Ok> SqliteStore::RunCached(const char* sql) {
  // Prepared once: Exec would parse the statement again at each of a batch's documents.
  auto s = db_->Prepare(sql);
  if (!s.ok()) return s.error();
  return s.value().Run();
}

Result<std::optional<std::int64_t>> SqliteStore::UnitId(const std::string& name,
                                                        const std::string& unit_id) {
  std::string key = text::Fold(name);
  if (key.empty()) return std::optional<std::int64_t>{};
  // The statement below would change nothing: a known row, and no unit_id to add to it. Most
  // names repeat (an issuer, the units of its tasks), and the upsert was ~4 % of the writer.
  if (auto it = units_.find(key);
      it != units_.end() && (unit_id.empty() || it->second.has_unit_id)) {
    return std::optional<std::int64_t>{it->second.id};
  }
  // DO UPDATE rather than DO NOTHING so that RETURNING gives the id of an existing row too.
  auto s = db_->Prepare(
      "INSERT INTO units(name, name_key, unit_id) VALUES (?1, ?2, ?3) "
      "ON CONFLICT(name_key) DO UPDATE SET unit_id = coalesce(units.unit_id, excluded.unit_id) "
      "RETURNING id, unit_id IS NOT NULL");
  if (!s.ok()) return s.error();
  s.value().BindText(1, name).BindText(2, key).Bind(3, unit_id);
  auto row = s.value().Step();
  if (!row.ok()) return row.error();
  const CachedUnit unit{s.value().Int(0), s.value().Int(1) != 0};
  units_[std::move(key)] = unit;
  return std::optional<std::int64_t>{unit.id};
}

Result<std::int64_t> SqliteStore::InsertDocument(const NewDocument& d, const NewDocument::Keys& k,
                                                 const std::string& now) {
  std::optional<std::int64_t> issuer_unit;
  if (d.doc.issuer) {
    auto u = UnitId(d.doc.issuer->name, d.doc.issuer->unit_id);
    if (!u.ok()) return u.error();
    issuer_unit = u.value();
  }
  // Its node before the row is written: setting it afterwards rewrote the whole row, text
  // and all (an UPDATE that grows a row moves it to new overflow pages). Every stored
  // document is older than this one.
  const std::string& key = k.number_key;
  const std::string issuer =
      d.doc.issuer ? d.doc.issuer->name + " " + d.doc.issuer->parent : std::string(" ");
  auto node = FindNode(std::numeric_limits<std::int64_t>::max(), key, d.doc.date, issuer);
  if (!node.ok()) return node.error();
  auto s = db_->Prepare(
      "INSERT INTO documents(sha256, path, format, encoding, kind, number, number_key, type, "
      "type_key, type_name, issuer, issuer_parent, issuer_key, issuer_unit, place, date, year, "
      "title, text, read_warnings, parse_json, parser_version, parsed_at, ingested_at, filters, "
      "copy_key, node) "
      "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, "
      "?19, ?20, ?21, ?22, ?23, ?23, ?24, ?25, ?26) RETURNING id");
  if (!s.ok()) return s.error();
  s.value().BindText(1, d.sha256);
  BindDocumentColumns(s.value(), d, k, now, issuer_unit);
  s.value().Bind(25, CopyKey(key, d.doc.date)).Bind(26, node.value());
  auto row = s.value().Step();
  if (!row.ok()) return row.error();
  const std::int64_t id = s.value().Int(0);
  if (auto r = s.value().Run(); !r.ok()) return r.error();  // finish the RETURNING step
  const std::int64_t own_node = node.value().value_or(id);
  auto resolved = ResolveOwn(d.doc, k.ref_keys, own_node);
  if (!resolved.ok()) return resolved.error();
  if (auto r = InsertChildren(id, d, k, &resolved.value()); !r.ok()) return r.error();
  // As Candidates reads it: issuer, parent and place.
  const std::string facts = issuer + " " + d.doc.place;
  if (auto r = Arrive(id, own_node, key, d.doc.date, facts); !r.ok()) {
    return r.error();
  }
  return id;
}

Result<Ok> SqliteStore::ReplaceDocument(std::int64_t id, const NewDocument& d,
                                        const NewDocument::Keys& k, const std::string& now) {
  std::optional<std::int64_t> issuer_unit;
  if (d.doc.issuer) {
    auto u = UnitId(d.doc.issuer->name, d.doc.issuer->unit_id);
    if (!u.ok()) return u.error();
    issuer_unit = u.value();
  }
  std::string old_key;
  {
    auto q = db_->Prepare("SELECT number_key FROM documents WHERE id = ?1");
    if (!q.ok()) return q.error();
    q.value().Bind(1, id);
    auto row = q.value().Step();
    if (!row.ok()) return row.error();
    if (row.value()) old_key = q.value().Text(0);
  }
  // The path and ingested_at of the first ingest stay (?2, the path, is bound but unused);
  // the text is the same (same hash).
  auto s = db_->Prepare(
      "UPDATE documents SET format = ?3, encoding = ?4, kind = ?5, number = ?6, "
      "number_key = ?7, type = ?8, type_key = ?9, type_name = ?10, issuer = ?11, "
      "issuer_parent = ?12, issuer_key = ?13, issuer_unit = ?14, place = ?15, date = ?16, "
      "year = ?17, title = ?18, text = ?19, read_warnings = ?20, parse_json = ?21, "
      "parser_version = ?22, parsed_at = ?23, filters = ?24 WHERE id = ?1");
  if (!s.ok()) return s.error();
  s.value().Bind(1, id);
  BindDocumentColumns(s.value(), d, k, now, issuer_unit);
  {
    // The update trigger re-indexes the row: the parser thread's tokens serve its insert, and
    // its 'delete' of the old values too where a column is unchanged (the text always is).
    const auto columns = IndexColumns(d, k);
    const ReplayTokens replay(columns, k.index_tokens);
    if (auto r = s.value().Run(); !r.ok()) return r.error();
  }
  for (const char* table : {"refs", "times", "tasks", "reporting"}) {
    // task_units go with their tasks (ON DELETE CASCADE).
    auto del = db_->Prepare(std::string("DELETE FROM ") + table + " WHERE document_id = ?1");
    if (!del.ok()) return del.error();
    del.value().Bind(1, id);
    if (auto r = del.value().Run(); !r.ok()) return r.error();
  }
  if (auto r = InsertChildren(id, d, k, nullptr); !r.ok()) return r.error();
  return Link(id, old_key);
}

Result<Ok> SqliteStore::InsertChildren(std::int64_t id, const NewDocument& d,
                                       const NewDocument::Keys& k,
                                       const std::vector<std::optional<Resolution>>* resolved) {
  const Document& doc = d.doc;
  for (std::size_t i = 0; i < doc.references.size(); ++i) {
    const Reference& r = doc.references[i];
    // status: as resolved, else pending until Link resolves it; NULL for a citation by name
    // only. Written resolved rather than updated afterwards: the update rewrote the row and
    // moved its refs_number_key entry (status and settled are in it).
    const std::optional<Resolution>* res =
        resolved != nullptr && i < resolved->size() ? &(*resolved)[i] : nullptr;
    const bool known = res != nullptr && res->has_value();
    auto s = db_->Prepare(
        "INSERT INTO refs(document_id, ord, number, number_key, type, issuer, date, name, "
        "span_begin, span_end, edge, status, citing_date, target, settled) VALUES (?1, ?2, ?3, "
        "?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)");
    if (!s.ok()) return s.error();
    s.value()
        .Bind(1, id)
        .Bind(2, static_cast<std::int64_t>(i))
        .Bind(3, r.number)
        .Bind(4, k.ref_keys[i])
        .Bind(5, r.type)
        .Bind(6, r.issuer)
        .Bind(7, r.date)
        .Bind(8, r.name)
        .Bind(9, std::int64_t{r.span.begin})
        .Bind(10, std::int64_t{r.span.end})
        .BindText(11, k.ref_edges[i])
        .Bind(12, known ? std::string_view((*res)->status)
                        : std::string_view(r.number.empty() ? "" : "pending"))
        .Bind(13, doc.date)
        .Bind(14, known ? (*res)->target : std::nullopt)
        .Bind(15, known && (*res)->settled ? std::optional<std::int64_t>(1) : std::nullopt);
    if (auto x = s.value().Run(); !x.ok()) return x.error();
  }
  for (std::size_t i = 0; i < doc.times.size(); ++i) {
    const TimeExpr& t = doc.times[i];
    auto s = db_->Prepare(
        "INSERT INTO times(document_id, ord, text, kind, start, date, rrule, event, span_begin, "
        "span_end) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)");
    if (!s.ok()) return s.error();
    s.value()
        .Bind(1, id)
        .Bind(2, static_cast<std::int64_t>(i))
        .BindText(3, t.text)
        .BindText(4, t.kind)
        .Bind(5, t.start)
        .Bind(6, t.date)
        .Bind(7, t.rrule)
        .Bind(8, t.event)
        .Bind(9, std::int64_t{t.span.begin})
        .Bind(10, std::int64_t{t.span.end});
    if (auto x = s.value().Run(); !x.ok()) return x.error();
  }
  for (std::size_t i = 0; i < doc.tasks.size(); ++i) {
    const Task& t = doc.tasks[i];
    std::optional<std::int64_t> due;
    std::string due_date;
    if (t.due && *t.due >= 0 && static_cast<std::size_t>(*t.due) < doc.times.size()) {
      due = *t.due;
      due_date = doc.times[static_cast<std::size_t>(*t.due)].date;
    }
    auto s = db_->Prepare(
        "INSERT INTO tasks(document_id, ord, path, action, due_ord, due_date, span_begin, "
        "span_end) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8) RETURNING id");
    if (!s.ok()) return s.error();
    s.value()
        .Bind(1, id)
        .Bind(2, static_cast<std::int64_t>(i))
        .Bind(3, t.path)
        .BindText(4, t.action)
        .Bind(5, due)
        .Bind(6, due_date)
        .Bind(7, std::int64_t{t.span.begin})
        .Bind(8, std::int64_t{t.span.end});
    auto row = s.value().Step();
    if (!row.ok()) return row.error();
    const std::int64_t task_id = s.value().Int(0);
    if (auto x = s.value().Run(); !x.ok()) return x.error();  // finish the RETURNING step
    for (const TaskUnit& u : t.units) {
      auto unit = UnitId(u.name, u.unit_id);
      if (!unit.ok()) return unit.error();
      if (!unit.value()) continue;  // a name that folds to nothing names no unit
      auto tu = db_->Prepare(
          "INSERT INTO task_units(task_id, unit, name, role, span_begin, span_end) "
          "VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
      if (!tu.ok()) return tu.error();
      tu.value()
          .Bind(1, task_id)
          .Bind(2, *unit.value())
          .BindText(3, u.name)
          .BindText(4, u.role)
          .Bind(5, std::int64_t{u.span.begin})
          .Bind(6, std::int64_t{u.span.end});
      if (auto x = tu.value().Run(); !x.ok()) return x.error();
    }
  }
  for (std::size_t i = 0; i < doc.reporting.size(); ++i) {
    const Reporting& r = doc.reporting[i];
    auto s = db_->Prepare(
        "INSERT INTO reporting(document_id, ord, to_name, times, span_begin, span_end) "
        "VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
    if (!s.ok()) return s.error();
    s.value()
        .Bind(1, id)
        .Bind(2, static_cast<std::int64_t>(i))
        .Bind(3, r.to)
        .BindText(4, nlohmann::json(r.times).dump())
        .Bind(5, std::int64_t{r.span.begin})
        .Bind(6, std::int64_t{r.span.end});
    if (auto x = s.value().Run(); !x.ok()) return x.error();
  }
  return Ok{};
}

Result<Ok> SqliteStore::Log(const std::string& now, const std::string& path,
                            const std::string& sha256, const char* status, const std::string& code,
                            const std::string& message, std::optional<std::int64_t> document_id) {
  auto s = db_->Prepare(
      "INSERT INTO ingest_log(at, path, sha256, status, code, message, document_id) "
      "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)");
  if (!s.ok()) return s.error();
  s.value()
      .BindText(1, now)
      .BindText(2, path)
      .Bind(3, sha256)
      .BindText(4, status)
      .Bind(5, code)
      .Bind(6, message)
      .Bind(7, document_id);
  return s.value().Run();
}

Result<std::vector<PutResult>> SqliteStore::Put(const std::vector<NewDocument>& docs,
                                                const std::vector<Failure>& failures,
                                                bool replace) {
  const std::string now = UtcNow();
  // The last Put did not commit: units it cached may have rolled back with it.
  if (!units_committed_) units_.clear();
  units_committed_ = false;
  auto tx = WriteTransaction::Begin(*db_);
  if (!tx.ok()) return tx.error();
  std::vector<PutResult> out;
  out.reserve(docs.size());
  // Keys of documents that came without (an upload), kept for the index below.
  std::vector<NewDocument::Keys> derived(docs.size());
  for (std::size_t i = 0; i < docs.size(); ++i) {
    const NewDocument& d = docs[i];
    const NewDocument::Keys& keys = d.keys.ready ? d.keys : (derived[i] = DeriveKeys(d));
    if (auto r = RunCached("SAVEPOINT doc"); !r.ok()) return r.error();
    PutResult res;
    std::optional<std::int64_t> id;
    {  // scoped: the statement is reset before anything else runs
      auto existing = db_->Prepare("SELECT id FROM documents WHERE sha256 = ?1");
      if (!existing.ok()) return existing.error();
      existing.value().BindText(1, d.sha256);
      auto found = existing.value().Step();
      if (!found.ok()) return found.error();
      if (found.value()) id = existing.value().Int(0);
    }
    Error err;
    if (id && !replace) {
      res = {PutOutcome::kUnchanged, *id, ""};
    } else if (id) {
      auto r = ReplaceDocument(*id, d, keys, now);
      if (r.ok()) r = Log(now, d.path, d.sha256, "reparsed", "", "", id);
      if (r.ok()) res = {PutOutcome::kReparsed, *id, ""};
      if (!r.ok()) err = r.error();
    } else {
      auto r = InsertDocument(d, keys, now);
      if (r.ok()) {
        res = {PutOutcome::kInserted, r.value(), ""};
        if (auto l = Log(now, d.path, d.sha256, "ingested", "", "", r.value()); !l.ok()) {
          err = l.error();
        }
      } else {
        err = r.error();
      }
    }
    if (!err.code.empty()) {
      if (Fatal(err)) return err;  // the transaction rolls back as `tx` goes out of scope
      if (auto r = RunCached("ROLLBACK TO doc"); !r.ok()) return r.error();
      units_.clear();  // units this document added are gone
      res = {PutOutcome::kFailed, 0, err.message};
      if (auto l = Log(now, d.path, d.sha256, "failed", err.code, err.message, std::nullopt);
          !l.ok()) {
        return l.error();
      }
    }
    if (auto r = RunCached("RELEASE doc"); !r.ok()) return r.error();
    out.push_back(std::move(res));
  }
  for (const Failure& f : failures) {
    if (auto l = Log(now, f.path, f.sha256, "failed", f.code, f.message, std::nullopt); !l.ok()) {
      return l.error();
    }
  }
  // The inserted documents are indexed together, after the savepoints (migrations.cc, v5):
  // this FTS5 (3.40) writes its pending terms out at every savepoint, so indexing inside them
  // made a segment per document. Out here the batch's terms stay in memory up to `hashsize`
  // (v10) and become one segment. The values come from memory, not read back from the rows,
  // and so do their tokens where a parser thread made them (TokenizeForIndex).
  auto index = db_->Prepare(
      "INSERT INTO documents_fts(rowid, title, text, number, filters) "
      "VALUES (?1, ?2, ?3, ?4, ?5)");
  if (!index.ok()) return index.error();
  for (std::size_t i = 0; i < docs.size(); ++i) {
    if (out[i].outcome != PutOutcome::kInserted) continue;
    const NewDocument::Keys& keys = docs[i].keys.ready ? docs[i].keys : derived[i];
    const auto columns = IndexColumns(docs[i], keys);
    Stmt& s = index.value();  // its destructor clears the bindings, which point into `docs`
    s.Bind(1, out[i].id);
    for (std::size_t c = 0; c < columns.size(); ++c) {
      BindColumn(s, static_cast<int>(c) + 2, columns[c]);
    }
    const ReplayTokens replay(columns, keys.index_tokens);
    if (auto r = s.Run(); !r.ok()) return r.error();
    s.Reset();  // binding needs a reset statement
  }
  if (auto r = tx.value().Commit(); !r.ok()) return r.error();
  units_committed_ = true;
  return out;
}

}  // namespace dondoc::store
