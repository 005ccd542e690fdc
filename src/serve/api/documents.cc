// The document routes: query parameters checked strictly (a typo is a 400 naming the
// parameter, not a silently ignored filter), store errors mapped to the error table, and the
// parse handed out as stored so the page sees every span the parser produced.
//
// Spans in `parse` are UTF-8 byte offsets into `text` (the dondoc/document@1 contract); the
// page converts them, the server does not re-encode the parse.
//
// Tested by documents_test.cc.
#include "serve/api/documents.h"

#include <charconv>
#include <cstdio>
#include <optional>
#include <set>
#include <string>
#include <variant>

#include "access/policy.h"
#include "serve/api/api.h"
#include "serve/api/tracking.h"
#include "serve/errors.h"

namespace dondoc::serve::api {
namespace {

constexpr int kDefaultLimit = 20;
constexpr int kMaxLimit = 100;
constexpr int kMaxListOffset = 100000;
// A search ranks everything up to offset + limit and drops the first `offset`: deep pages of
// a ranked search cost more each and nobody reads them.
constexpr int kMaxSearchDepth = 500;
constexpr std::size_t kMaxQueryBytes = 500;
constexpr std::size_t kMaxTypeBytes = 32;
constexpr std::size_t kMaxGraphNeighbours = 200;
// Around matched words in search snippets; the client gets segments, never markup, so the
// marks are control characters that normalized text does not contain.
constexpr const char* kMarkOpen = "\x01";
constexpr const char* kMarkClose = "\x02";

using Json = nlohmann::ordered_json;

std::optional<Response> CheckedStore(StorePool* pool) {
  if (pool != nullptr) return std::nullopt;
  return ErrorResponse(ErrorCode::kUnavailable,
                       "This server has no document database (start it with --db).");
}

// A store error → the table: not_found stays 404, anything else is ours (500, logged).
Response StoreError(const Request& req, const Error& e) {
  if (e.code == "not_found") return ErrorResponse(ErrorCode::kNotFound, e.message);
  std::fprintf(stderr, "dondoc serve: %s %s: store: %s: %s\n", req.method.c_str(), req.path.c_str(),
               e.code.c_str(), e.message.c_str());
  return ErrorResponse(ErrorCode::kInternal);
}

std::optional<std::int64_t> ParseId(const std::string& s) {
  std::int64_t v = 0;
  auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (s.empty() || ec != std::errc() || end != s.data() + s.size() || v <= 0) return std::nullopt;
  return v;
}

Response BadId() {
  return ErrorResponse(ErrorCode::kInvalidField, "A document id is a positive whole number.", "id");
}

Json RowJson(const store::DocumentRow& r) {
  Json j;
  j["id"] = r.id;
  j["number"] = r.number;
  j["type"] = r.type;
  j["type_name"] = r.type_name;
  j["date"] = r.date;
  j["issuer"] = r.issuer;
  j["issuer_parent"] = r.issuer_parent;
  j["place"] = r.place;
  j["title"] = r.title;
  j["kind"] = r.kind;
  return j;
}

// "a \x01b\x02 c" → [{"text":"a "},{"text":"b","match":true},{"text":" c"}].
Json SnippetSegments(const std::string& snippet) {
  Json out = Json::array();
  std::size_t i = 0;
  while (i < snippet.size()) {
    const std::size_t open = snippet.find(kMarkOpen, i);
    if (open == std::string::npos) {
      out.push_back({{"text", snippet.substr(i)}, {"match", false}});
      break;
    }
    if (open > i) out.push_back({{"text", snippet.substr(i, open - i)}, {"match", false}});
    std::size_t close = snippet.find(kMarkClose, open + 1);
    if (close == std::string::npos) close = snippet.size();
    out.push_back({{"text", snippet.substr(open + 1, close - open - 1)}, {"match", true}});
    i = close + 1;
  }
  return out;
}

Response List(const Request& req, StorePool* pool) {
  if (auto denied = Authorize(req, access::Action::kReadDocument, access::Resource::Global()))
    return std::move(*denied);
  static const std::set<std::string> kKnown = {"q", "type", "year", "limit", "offset"};
  for (const auto& [name, value] : req.query) {
    if (!kKnown.count(name))
      return ErrorResponse(ErrorCode::kInvalidField, "Unknown query parameter '" + name + "'.",
                           name);
  }
  auto limit = IntQuery(req, "limit", 1, kMaxLimit, kDefaultLimit);
  if (auto* r = std::get_if<Response>(&limit)) return std::move(*r);
  auto offset = IntQuery(req, "offset", 0, kMaxListOffset, 0);
  if (auto* r = std::get_if<Response>(&offset)) return std::move(*r);
  auto year = IntQuery(req, "year", 1900, 2200, 0);
  if (auto* r = std::get_if<Response>(&year)) return std::move(*r);
  const std::string q = req.query.count("q") ? req.query.at("q") : "";
  const std::string type = req.query.count("type") ? req.query.at("type") : "";
  if (q.size() > kMaxQueryBytes)
    return ErrorResponse(ErrorCode::kInvalidField, "The search text is too long.", "q");
  if (type.size() > kMaxTypeBytes)
    return ErrorResponse(ErrorCode::kInvalidField, "'type' is a document type such as KH.", "type");
  if (auto r = CheckedStore(pool)) return std::move(*r);
  auto store = pool->Acquire();
  if (!store.ok()) return StoreError(req, store.error());

  const int lim = std::get<int>(limit), off = std::get<int>(offset), yr = std::get<int>(year);
  const bool searching = q.find_first_not_of(" \t") != std::string::npos;
  Json body;
  body["mode"] = searching ? "search" : "list";
  body["offset"] = off;
  body["limit"] = lim;
  Json items = Json::array();
  if (!searching) {
    store::ListQuery lq{.type = type,
                        .year = yr != 0 ? std::optional<int>(yr) : std::nullopt,
                        .limit = lim,
                        .offset = off};
    auto page = store.value()->ListDocuments(lq);
    if (!page.ok()) return StoreError(req, page.error());
    for (const auto& row : page.value().rows) items.push_back(RowJson(row));
    body["total"] = page.value().total;
    body["has_more"] =
        off + static_cast<std::int64_t>(page.value().rows.size()) < page.value().total;
    body["relaxed"] = false;
  } else {
    if (off + lim > kMaxSearchDepth) {
      return ErrorResponse(ErrorCode::kInvalidField,
                           "A search shows its first " + std::to_string(kMaxSearchDepth) +
                               " results; narrow it with type or year.",
                           "offset");
    }
    store::SearchQuery sq;
    sq.text = q;
    sq.type = type;
    if (yr != 0) sq.year = yr;
    sq.limit = off + lim + 1;  // one more than shown: is there a next page?
    sq.mark_open = kMarkOpen;
    sq.mark_close = kMarkClose;
    auto result = store.value()->Search(sq);
    if (!result.ok()) {
      if (result.error().code == "empty_query")
        return ErrorResponse(ErrorCode::kInvalidField, "The search text has no letters or digits.",
                             "q");
      return StoreError(req, result.error());
    }
    const auto& hits = result.value().hits;
    for (std::size_t i = off; i < hits.size() && i < static_cast<std::size_t>(off + lim); ++i) {
      Json item = RowJson(hits[i].row);
      item["number_match"] = hits[i].number_match;
      item["snippet"] = SnippetSegments(hits[i].snippet);
      items.push_back(std::move(item));
    }
    body["total"] = nullptr;  // a ranked search does not count every match
    body["has_more"] = hits.size() > static_cast<std::size_t>(off + lim);
    body["relaxed"] = result.value().relaxed;
  }
  body["items"] = std::move(items);
  return JsonResponse(body);
}

// What the routes on one document do before reading it: the reader's right, the id from the
// path, a connection from the pool — or the response that refuses the request.
struct ById {
  std::int64_t id;
  StorePool::Lease store;
};
std::variant<ById, Response> OpenById(const Request& req, StorePool* pool) {
  if (auto denied = Authorize(req, access::Action::kReadDocument, access::Resource::Global()))
    return std::move(*denied);
  const auto id = ParseId(req.params.at("id"));
  if (!id) return BadId();
  if (auto r = CheckedStore(pool)) return std::move(*r);
  auto lease = pool->Acquire();
  if (!lease.ok()) return StoreError(req, lease.error());
  return ById{*id, std::move(lease.value())};
}

Response Detail(const Request& req, StorePool* pool) {
  auto opened = OpenById(req, pool);
  if (auto* refused = std::get_if<Response>(&opened)) return std::move(*refused);
  auto& [id, store] = std::get<ById>(opened);
  auto detail = store->GetDocument(id, 0);
  if (!detail.ok()) return StoreError(req, detail.error());
  auto text = store->GetText(id);
  if (!text.ok()) return StoreError(req, text.error());
  auto parse_json = store->GetParseJson(id);
  if (!parse_json.ok()) return StoreError(req, parse_json.error());
  Json parse = Json::parse(parse_json.value(), nullptr, /*allow_exceptions=*/false);
  if (parse.is_discarded()) {
    return StoreError(req,
                      Error{"corrupt", "stored parse of #" + std::to_string(id) + " is not JSON"});
  }
  Json body;
  body["document"] = RowJson(detail.value().row);
  body["text"] = std::move(text.value().text);
  body["parse"] = std::move(parse);
  // The references as the store resolved them, in the parse's order: where each one leads.
  Json links = Json::array();
  for (const store::RefRow& r : detail.value().refs) {
    Json l;
    l["number"] = r.number;
    l["name"] = r.name;
    l["edge_kind"] = r.edge_kind;
    l["status"] = r.status;
    if (r.target_id) {
      l["target_id"] = *r.target_id;
    } else {
      l["target_id"] = nullptr;
    }
    links.push_back(std::move(l));
  }
  body["links"] = std::move(links);
  return JsonResponse(body);
}

Json EdgeJson(const store::GraphEdge& e) {
  Json j;
  j["from"] = e.from;
  if (e.to) {
    j["to"] = *e.to;
  } else {
    j["to"] = nullptr;
  }
  j["kind"] = e.kind;
  j["status"] = e.status;
  j["candidates"] = e.candidates;
  j["number"] = e.number;
  j["date"] = e.date;
  j["issuer"] = e.issuer;
  j["name"] = e.name;
  return j;
}

Response Graph(const Request& req, StorePool* pool) {
  auto opened = OpenById(req, pool);
  if (auto* refused = std::get_if<Response>(&opened)) return std::move(*refused);
  auto& [id, store] = std::get<ById>(opened);
  auto node = store->GetNode(id);
  if (!node.ok()) return StoreError(req, node.error());
  const std::int64_t self = node.value().row.id;
  auto from = store->EdgesFrom(self);
  if (!from.ok()) return StoreError(req, from.error());
  auto to = store->EdgesTo(self);
  if (!to.ok()) return StoreError(req, to.error());

  // The other end of each edge as a summary row, so the page can label and link it.
  Json nodes = Json::object();
  auto add_node = [&](std::int64_t nid) -> std::optional<Response> {
    const std::string key = std::to_string(nid);
    if (nodes.contains(key) || nodes.size() >= kMaxGraphNeighbours) return std::nullopt;
    auto n = store->GetNode(nid);
    if (!n.ok()) return StoreError(req, n.error());
    nodes[key] = RowJson(n.value().row);
    return std::nullopt;
  };
  nodes[std::to_string(self)] = RowJson(node.value().row);
  Json cites = Json::array(), cited_by = Json::array();
  for (const auto& e : from.value()) {
    if (e.to) {
      if (auto r = add_node(*e.to)) return std::move(*r);
    }
    cites.push_back(EdgeJson(e));
  }
  for (const auto& e : to.value()) {
    if (auto r = add_node(e.from)) return std::move(*r);
    cited_by.push_back(EdgeJson(e));
  }
  Json body;
  body["node"] = self;
  body["copies"] = node.value().copies;
  body["nodes"] = std::move(nodes);
  body["cites"] = std::move(cites);
  body["cited_by"] = std::move(cited_by);
  return JsonResponse(body);
}

}  // namespace

void AddDocumentRoutes(Router& router, StorePool* pool) {
  const RouteOptions read{.auth = Auth::kSession, .media = ""};
  router.Add(
      "GET", "/api/documents", [pool](const Request& req) { return List(req, pool); }, read);
  router.Add(
      "GET", "/api/documents/{id}", [pool](const Request& req) { return Detail(req, pool); }, read);
  router.Add(
      "GET", "/api/documents/{id}/graph", [pool](const Request& req) { return Graph(req, pool); },
      read);
}

}  // namespace dondoc::serve::api
