// SqliteStore: copies, reference resolution and the graph's edges. Tested by graph_test.cc.
//
// When a document is written (Put), Link gives it its node (the first stored copy with the
// same CopyKey, or itself), resolves its own references, and then resolves again every
// reference that carries its number key: a pending reference resolves when its document
// arrives, and a resolved one becomes ambiguous when a second document with the same number
// arrives that the reference cannot tell apart. Both lookups use an index (number_key), so
// the cost per document is its references plus the references to its number.
#include <map>
#include <set>

#include "store/resolve.h"
#include "store/sqlite_store.h"

namespace dondoc::store {
namespace {

// The SQL text of the node of document `d`.
constexpr const char* kNodeOf = "coalesce(d.node, d.id)";

Result<std::vector<Candidate>> Candidates(Db& db, const std::string& key) {
  auto s = db.Prepare(
      "SELECT coalesce(node, id), coalesce(date, ''), coalesce(issuer, '') || ' ' || "
      "coalesce(issuer_parent, '') || ' ' || coalesce(place, '') FROM documents "
      "WHERE number_key = ?1");
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

}  // namespace

Result<std::int64_t> SqliteStore::SetNode(std::int64_t id, const std::string& number_key,
                                          const std::string& date, const std::string& issuer) {
  const std::string key = CopyKey(number_key, date);
  std::optional<std::int64_t> node;
  if (!key.empty()) {
    // Only an earlier document makes this one a copy: ids only grow, so the first stays
    // first. The earliest one whose issuer may be the same wins.
    auto s = db_->Prepare(
        "SELECT coalesce(node, id), coalesce(issuer, '') || ' ' || coalesce(issuer_parent, '') "
        "FROM documents WHERE copy_key = ?1 AND id < ?2 ORDER BY id");
    if (!s.ok()) return s.error();
    s.value().BindText(1, key).Bind(2, id);
    for (;;) {
      auto row = s.value().Step();
      if (!row.ok()) return row.error();
      if (!row.value()) break;
      if (SameIssuer(issuer, s.value().Text(1))) {
        node = s.value().Int(0);
        break;
      }
    }
  }
  auto u = db_->Prepare("UPDATE documents SET copy_key = ?2, node = ?3 WHERE id = ?1");
  if (!u.ok()) return u.error();
  u.value().Bind(1, id).Bind(2, key).Bind(3, node);
  if (auto r = u.value().Run(); !r.ok()) return r.error();
  return node.value_or(id);
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
  std::map<std::string, std::vector<Candidate>> by_key;
  for (const Pending& p : refs) {
    auto it = by_key.find(p.key);
    if (it == by_key.end()) {
      auto c = Candidates(*db_, p.key);
      if (!c.ok()) return c.error();
      it = by_key.emplace(p.key, std::move(c.value())).first;
    }
    const Resolution r = Resolve(p.facts, it->second);
    auto u = db_->Prepare(
        "UPDATE refs SET target = ?2, status = ?3, candidates = ?4 WHERE id = ?1 AND "
        "(target IS NOT ?2 OR status IS NOT ?3 OR candidates IS NOT ?4)");
    if (!u.ok()) return u.error();
    u.value()
        .Bind(1, p.ref)
        .Bind(2, r.target)
        .BindText(3, r.status)
        .Bind(4, r.candidates > 1 ? std::optional<std::int64_t>(r.candidates) : std::nullopt);
    if (auto x = u.value().Run(); !x.ok()) return x.error();
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
  // A copy of a stored document changes no other reference: they already count its node.
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
      "SELECT r.target, r.edge, coalesce(r.status, ''), coalesce(r.candidates, 0), "
      "coalesce(r.number, ''), coalesce(r.date, ''), coalesce(r.issuer, ''), "
      "coalesce(r.name, ''), coalesce(r.number_key, '') FROM refs r JOIN documents d "
      "ON d.id = r.document_id WHERE d.id = ?1 OR d.node = ?1 ORDER BY d.id, r.ord");
  if (!s.ok()) return s.error();
  s.value().Bind(1, node);
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
    e.candidates = static_cast<int>(x.Int(3));
    e.number = x.Text(4);
    e.date = x.Text(5);
    e.issuer = x.Text(6);
    e.name = x.Text(7);
    const std::string what =
        e.to ? "#" + std::to_string(*e.to) : (!x.Text(8).empty() ? x.Text(8) : "name:" + e.name);
    if (!seen.insert({what, e.kind}).second) continue;  // the same reference in another copy
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
