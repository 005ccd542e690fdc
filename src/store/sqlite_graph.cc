// SqliteStore: copies, reference resolution and the graph's edges. Tested by graph_test.cc.
//
// When a document is written (Put), it gets its node (the first stored copy with the same
// CopyKey, or itself), its own references are resolved, and then the stored references that
// carry its number and whose resolution it can change (resolve.h MayChange): a pending
// reference resolves when its document arrives, a resolved one becomes ambiguous when a
// second document arrives that it cannot tell apart. Which ones can change is decided from
// one index (refs_number_key, migration v8) over the references not yet settled, without reading
// the citing documents; only those are resolved again. So the writer's cost per document
// does not grow with the references to its number, i.e. with the corpus (before v8 every one
// of them was read and resolved again: 48 % of the writer at 120,000 documents). A re-parse
// (Replace) may change a document's number, date or issuer, not only add a candidate: it
// resolves every reference to its old and new number again, as ResolveAll does for all.
#include <map>
#include <set>

#include "store/resolve.h"
#include "store/sqlite_store.h"

namespace dondoc::store {
namespace {

// The SQL text of the node of document `d`.
constexpr const char* kNodeOf = "coalesce(d.node, d.id)";

// The stored documents with number key `key`, in id order (so that a node's first copy, the
// one whose facts stand for it in Resolve, comes first). From the index alone (v8).
Result<std::vector<Candidate>> Candidates(Db& db, const std::string& key) {
  auto s = db.Prepare(
      "SELECT coalesce(node, id), coalesce(date, ''), coalesce(issuer, '') || ' ' || "
      "coalesce(issuer_parent, '') || ' ' || coalesce(place, '') FROM documents "
      "WHERE number_key = ?1 ORDER BY id");
  if (!s.ok()) return s.error();
  s.value().BindText(1, key);
  std::vector<Candidate> out;
  for (;;) {
    auto row = s.value().Step();
    if (!row.ok()) return row.error();
    if (!row.value()) return out;
    out.push_back({s.value().Int(0), s.value().Text(1), s.value().Text(2)});
  }
}

// Candidates per number key, read once per Link or ResolveWhere.
class CandidateCache {
 public:
  explicit CandidateCache(Db& db) : db_(db) {}
  Result<const std::vector<Candidate>*> Get(const std::string& key) {
    auto it = by_key_.find(key);
    if (it == by_key_.end()) {
      auto c = Candidates(db_, key);
      if (!c.ok()) return c.error();
      it = by_key_.emplace(key, std::move(c.value())).first;
    }
    return &it->second;
  }

 private:
  Db& db_;
  std::map<std::string, std::vector<Candidate>> by_key_;
};

// Writes a reference's resolution when it differs from the stored one.
Result<Ok> StoreResolution(Db& db, std::int64_t ref, const Resolution& r) {
  auto u = db.Prepare(
      "UPDATE refs SET target = ?2, status = ?3, settled = ?4 WHERE id = ?1 AND "
      "(target IS NOT ?2 OR status IS NOT ?3 OR settled IS NOT ?4)");
  if (!u.ok()) return u.error();
  u.value()
      .Bind(1, ref)
      .Bind(2, r.target)
      .BindText(3, r.status)
      .Bind(4, r.settled ? std::optional<std::int64_t>(1) : std::nullopt);
  return u.value().Run();
}

}  // namespace

Result<std::optional<std::int64_t>> SqliteStore::FindNode(std::int64_t id,
                                                          const std::string& number_key,
                                                          const std::string& date,
                                                          const std::string& issuer) {
  if (CopyKey(number_key, date).empty()) return std::optional<std::int64_t>{};
  // Only an earlier document makes this one a copy: ids only grow, so the first stays
  // first. The earliest one whose issuer may be the same wins. Number and date are the
  // CopyKey, looked up in documents_number_key (v8), which holds the rest too.
  auto s = db_->Prepare(
      "SELECT coalesce(node, id), coalesce(issuer, '') || ' ' || coalesce(issuer_parent, '') "
      "FROM documents WHERE number_key = ?1 AND date = ?2 AND id < ?3 ORDER BY id");
  if (!s.ok()) return s.error();
  s.value().BindText(1, number_key).BindText(2, date).Bind(3, id);
  for (;;) {
    auto row = s.value().Step();
    if (!row.ok()) return row.error();
    if (!row.value()) return std::optional<std::int64_t>{};
    if (SameIssuer(issuer, s.value().Text(1))) return std::optional<std::int64_t>{s.value().Int(0)};
  }
}

Result<std::int64_t> SqliteStore::SetNode(std::int64_t id, const std::string& number_key,
                                          const std::string& date, const std::string& issuer) {
  auto node = FindNode(id, number_key, date, issuer);
  if (!node.ok()) return node.error();
  auto u = db_->Prepare("UPDATE documents SET copy_key = ?2, node = ?3 WHERE id = ?1");
  if (!u.ok()) return u.error();
  u.value().Bind(1, id).Bind(2, CopyKey(number_key, date)).Bind(3, node.value());
  if (auto r = u.value().Run(); !r.ok()) return r.error();
  return node.value().value_or(id);
}

Result<Ok> SqliteStore::ResolveWhere(const std::string& where, std::int64_t id,
                                     const std::string& key) {
  struct Pending {
    std::int64_t ref;
    std::string key;
    RefFacts facts;
  };
  std::vector<Pending> refs;  // read first: the rows are updated below
  {
    auto s = db_->Prepare(
        std::string("SELECT r.id, r.number_key, coalesce(r.date, ''), coalesce(r.issuer, ''), "
                    "coalesce(d.date, ''), ") +
        kNodeOf + " FROM refs r JOIN documents d ON d.id = r.document_id WHERE " + where);
    if (!s.ok()) return s.error();
    if (id != 0) s.value().Bind(1, id);
    if (!key.empty()) s.value().BindText(id != 0 ? 2 : 1, key);
    for (;;) {
      auto row = s.value().Step();
      if (!row.ok()) return row.error();
      if (!row.value()) break;
      const Stmt& x = s.value();
      refs.push_back({x.Int(0), x.Text(1), {x.Text(2), x.Text(3), x.Text(4), x.Int(5)}});
    }
  }
  CandidateCache cache(*db_);
  for (const Pending& p : refs) {
    auto c = cache.Get(p.key);
    if (!c.ok()) return c.error();
    if (auto r = StoreResolution(*db_, p.ref, Resolve(p.facts, *c.value())); !r.ok()) return r;
  }
  return Ok{};
}

Result<std::vector<std::optional<Resolution>>> SqliteStore::ResolveOwn(
    const Document& doc, const std::vector<std::string>& keys, std::int64_t node) {
  // With the facts as they are stored (an empty date or issuer is stored NULL, read back as
  // '' by the queries above), so that Link, which reads them back, resolves them the same.
  // The document's row is written already: rule 1 needs it among its number's candidates.
  CandidateCache cache(*db_);
  std::vector<std::optional<Resolution>> out(doc.references.size());
  for (std::size_t i = 0; i < doc.references.size(); ++i) {
    const Reference& r = doc.references[i];
    const std::string& key = keys[i];
    if (key.empty()) continue;  // stored with a NULL number_key: nothing to resolve
    auto c = cache.Get(key);
    if (!c.ok()) return c.error();
    out[i] = Resolve(RefFacts{r.date, r.issuer, doc.date, node}, *c.value());
  }
  return out;
}

Result<Ok> SqliteStore::Arrive(std::int64_t id, std::int64_t node, const std::string& key,
                               const std::string& date, const std::string& issuer) {
  CandidateCache cache(*db_);
  // A copy of a stored document changes no other reference: they already count its node.
  if (key.empty() || node != id) return Ok{};
  // The references to its number that it may fit by date (rule 2 of resolve.h): dated the
  // same day or year, or undated and cited by a document not older than it. Three ranges of
  // refs_number_key, read from the index alone.
  const Arrival a{node, date, IssuerWords(issuer)};
  struct Open {
    std::int64_t ref, document;
    RefFacts facts;
    bool ambiguous;
  };
  std::vector<Open> open;
  {
    auto s = db_->Prepare(
        "SELECT id, document_id, coalesce(date, ''), coalesce(issuer, ''), "
        "coalesce(citing_date, ''), status = 'ambiguous' FROM refs WHERE number_key = ?1 AND "
        "settled IS NULL AND document_id <> ?2 AND date = ?3 "
        "UNION ALL SELECT id, document_id, date, coalesce(issuer, ''), "
        "coalesce(citing_date, ''), status = 'ambiguous' FROM refs WHERE number_key = ?1 AND "
        "settled IS NULL AND document_id <> ?2 AND date = ?4 "
        "UNION ALL SELECT id, document_id, '', coalesce(issuer, ''), coalesce(citing_date, ''), "
        "status = 'ambiguous' FROM refs WHERE number_key = ?1 AND settled IS NULL AND "
        "document_id <> ?2 AND date IS NULL AND (?3 IS NULL OR citing_date IS NULL OR "
        "citing_date >= ?3)");
    if (!s.ok()) return s.error();
    s.value().BindText(1, key).Bind(2, id).Bind(3, date).Bind(
        4, date.size() > 4 ? std::string_view(date).substr(0, 4) : std::string_view());
    for (;;) {
      auto row = s.value().Step();
      if (!row.ok()) return row.error();
      if (!row.value()) break;
      const Stmt& x = s.value();
      // The citing node is read below, for the few that are resolved again; no earlier
      // document has this one as its node, so rule 1 cannot drop it here.
      Open o{x.Int(0), x.Int(1), {x.Text(2), x.Text(3), x.Text(4), 0}, x.Int(5) != 0};
      if (MayChange(o.facts, o.ambiguous, a)) open.push_back(std::move(o));
    }
  }
  for (Open& o : open) {
    auto n = db_->Prepare("SELECT coalesce(node, id) FROM documents WHERE id = ?1");
    if (!n.ok()) return n.error();
    n.value().Bind(1, o.document);
    auto row = n.value().Step();
    if (!row.ok()) return row.error();
    o.facts.citing_node = row.value() ? n.value().Int(0) : o.document;
    n.value().Reset();
    auto c = cache.Get(key);
    if (!c.ok()) return c.error();
    if (auto r = StoreResolution(*db_, o.ref, Resolve(o.facts, *c.value())); !r.ok()) return r;
  }
  return Ok{};
}

Result<Ok> SqliteStore::Link(std::int64_t id, const std::string& old_number_key) {
  std::string key, date, issuer;
  {
    auto s = db_->Prepare(
        "SELECT coalesce(number_key, ''), coalesce(date, ''), coalesce(issuer, '') || ' ' || "
        "coalesce(issuer_parent, '') FROM documents WHERE id = ?1");
    if (!s.ok()) return s.error();
    s.value().Bind(1, id);
    auto row = s.value().Step();
    if (!row.ok()) return row.error();
    if (!row.value()) return Error{"not_found", "no document #" + std::to_string(id)};
    key = s.value().Text(0);
    date = s.value().Text(1);
    issuer = s.value().Text(2);
  }
  auto node = SetNode(id, key, date, issuer);
  if (!node.ok()) return node.error();
  if (auto r = ResolveWhere("r.document_id = ?1 AND r.number_key IS NOT NULL", id, ""); !r.ok()) {
    return r;
  }
  if (!key.empty() && node.value() == id) {
    if (auto r = ResolveWhere("r.number_key = ?1", 0, key); !r.ok()) return r;
  }
  if (!old_number_key.empty() && old_number_key != key) {
    if (auto r = ResolveWhere("r.number_key = ?1", 0, old_number_key); !r.ok()) return r;
  }
  return Ok{};
}

Result<Ok> SqliteStore::ResolveAll() {
  auto tx = WriteTransaction::Begin(*db_);
  if (!tx.ok()) return tx.error();
  struct Row {
    std::int64_t id;
    std::string key, date, issuer;
  };
  std::vector<Row> docs;
  {
    auto s = db_->Prepare(
        "SELECT id, coalesce(number_key, ''), coalesce(date, ''), coalesce(issuer, '') || ' ' || "
        "coalesce(issuer_parent, '') FROM documents ORDER BY id");
    if (!s.ok()) return s.error();
    for (;;) {
      auto row = s.value().Step();
      if (!row.ok()) return row.error();
      if (!row.value()) break;
      docs.push_back({s.value().Int(0), s.value().Text(1), s.value().Text(2), s.value().Text(3)});
    }
  }
  // In id order, so every copy finds its first copy already settled.
  for (const Row& d : docs) {
    if (auto n = SetNode(d.id, d.key, d.date, d.issuer); !n.ok()) return n.error();
  }
  if (auto r = ResolveWhere("r.number_key IS NOT NULL", 0, ""); !r.ok()) return r;
  return tx.value().Commit();
}

Result<GraphNode> SqliteStore::GetNode(std::int64_t id) {
  std::int64_t node = 0;
  {
    auto s = db_->Prepare("SELECT coalesce(node, id) FROM documents WHERE id = ?1");
    if (!s.ok()) return s.error();
    s.value().Bind(1, id);
    auto row = s.value().Step();
    if (!row.ok()) return row.error();
    if (!row.value()) return Error{"not_found", "no document #" + std::to_string(id)};
    node = s.value().Int(0);
  }
  GraphNode out;
  auto s = db_->Prepare("SELECT " + RowColumns() +
                        " FROM documents d WHERE d.id = ?1 OR d.node = ?1 ORDER BY d.id");
  if (!s.ok()) return s.error();
  s.value().Bind(1, node);
  for (;;) {
    auto row = s.value().Step();
    if (!row.ok()) return row.error();
    if (!row.value()) break;
    DocumentRow r = ReadDocumentRow(s.value());
    if (out.copies.empty()) out.row = r;
    out.copies.push_back(r.id);
  }
  if (out.copies.empty()) return Error{"not_found", "no document #" + std::to_string(node)};
  return out;
}

Result<std::vector<GraphEdge>> SqliteStore::EdgesFrom(std::int64_t node) {
  auto s = db_->Prepare(
      "SELECT r.target, r.edge, coalesce(r.status, ''), coalesce(d.date, ''), "
      "coalesce(r.number, ''), coalesce(r.date, ''), coalesce(r.issuer, ''), "
      "coalesce(r.name, ''), coalesce(r.number_key, '') FROM refs r JOIN documents d "
      "ON d.id = r.document_id WHERE d.id = ?1 OR d.node = ?1 ORDER BY d.id, r.ord");
  if (!s.ok()) return s.error();
  s.value().Bind(1, node);
  CandidateCache cache(*db_);
  std::vector<GraphEdge> out;
  std::set<std::pair<std::string, std::string>> seen;  // (target or number or name, kind)
  for (;;) {
    auto row = s.value().Step();
    if (!row.ok()) return row.error();
    if (!row.value()) return out;
    const Stmt& x = s.value();
    GraphEdge e;
    e.from = node;
    if (!x.IsNull(0)) e.to = x.Int(0);
    e.kind = x.Text(1);
    e.status = x.Text(2);
    e.number = x.Text(4);
    e.date = x.Text(5);
    e.issuer = x.Text(6);
    e.name = x.Text(7);
    const std::string what =
        e.to ? "#" + std::to_string(*e.to) : (!x.Text(8).empty() ? x.Text(8) : "name:" + e.name);
    if (!seen.insert({what, e.kind}).second) continue;  // the same reference in another copy
    if (e.status == kAmbiguous) {
      // Counted when asked (not stored since v8: the count changed with every arriving
      // document that fits, and rewriting it made the writer's cost grow with the corpus).
      auto c = cache.Get(x.Text(8));
      if (!c.ok()) return c.error();
      e.candidates = Resolve({e.date, e.issuer, x.Text(3), node}, *c.value()).candidates;
    }
    out.push_back(std::move(e));
  }
}

Result<std::vector<GraphEdge>> SqliteStore::EdgesTo(std::int64_t node) {
  auto s = db_->Prepare(std::string("SELECT DISTINCT ") + kNodeOf +
                        ", r.edge, coalesce(r.number, ''), coalesce(r.date, ''), "
                        "coalesce(r.issuer, '') FROM refs r JOIN documents d ON d.id = "
                        "r.document_id WHERE r.target = ?1 ORDER BY 1, 2");
  if (!s.ok()) return s.error();
  s.value().Bind(1, node);
  std::vector<GraphEdge> out;
  std::set<std::pair<std::int64_t, std::string>> seen;
  for (;;) {
    auto row = s.value().Step();
    if (!row.ok()) return row.error();
    if (!row.value()) return out;
    const Stmt& x = s.value();
    if (!seen.insert({x.Int(0), x.Text(1)}).second) continue;
    GraphEdge e;
    e.from = x.Int(0);
    e.to = node;
    e.kind = x.Text(1);
    e.status = kResolved;
    e.number = x.Text(2);
    e.date = x.Text(3);
    e.issuer = x.Text(4);
    out.push_back(std::move(e));
  }
}

}  // namespace dondoc::store
