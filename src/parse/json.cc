// Tested by json_test.cc.
#include "parse/json.h"

namespace dondoc::parse {
namespace {

using Json = nlohmann::ordered_json;

Json Str(const std::string& s) { return s.empty() ? Json(nullptr) : Json(s); }
Json SpanJson(const Span& s) { return Json::array({s.begin, s.end}); }

Json OutlineJson(const OutlineNode& n) {
  Json j = {{"label", n.label},
            {"heading", Str(n.heading)},
            {"path", n.path},
            {"span", SpanJson(n.span)}};
  Json children = Json::array();
  for (const auto& c : n.children) children.push_back(OutlineJson(c));
  j["children"] = std::move(children);
  return j;
}

}  // namespace

Json ToJson(const Document& d) {
  Json j;
  j["schema"] = kSchema;
  j["source"] = {{"name", d.source.name},
                 {"sha256", Str(d.source.sha256)},
                 {"format", d.source.format},
                 {"encoding", d.source.encoding},
                 {"ocr", d.source.ocr}};
  j["kind"] = d.kind;
  if (d.issuer) {
    j["issuer"] = {{"name", d.issuer->name},
                   {"parent", Str(d.issuer->parent)},
                   {"unit_id", Str(d.issuer->unit_id)},
                   {"span", SpanJson(d.issuer->span)}};
  } else {
    j["issuer"] = nullptr;
  }
  j["number"] = Str(d.number);
  j["type"] = Str(d.type);
  j["type_name"] = Str(d.type_name);
  j["place"] = Str(d.place);
  j["date"] = Str(d.date);
  j["title"] = Str(d.title);
  // Spans of the scalar header fields, so a page can highlight them (an addition to @1).
  j["spans"] = {{"number", SpanJson(d.number_span)},
                {"type", SpanJson(d.type_span)},
                {"place", SpanJson(d.place_span)},
                {"date", SpanJson(d.date_span)},
                {"title", SpanJson(d.title_span)}};
  Json signers = Json::array();
  for (const auto& s : d.signers) {
    signers.push_back({{"name", Str(s.name)},
                       {"authority", Str(s.authority)},
                       {"for", Str(s.for_title)},
                       {"position", Str(s.position)},
                       {"span", SpanJson(s.span)}});
  }
  j["signers"] = std::move(signers);
  Json recipients = Json::array();
  for (const auto& r : d.recipients) {
    recipients.push_back(
        {{"name", r.name}, {"purpose", Str(r.purpose)}, {"span", SpanJson(r.span)}});
  }
  j["recipients"] = std::move(recipients);
  Json outline = Json::array();
  for (const auto& n : d.outline) outline.push_back(OutlineJson(n));
  j["outline"] = std::move(outline);
  Json refs = Json::array();
  for (const auto& r : d.references) {
    refs.push_back({{"type", Str(r.type)},
                    {"number", Str(r.number)},
                    {"date", Str(r.date)},
                    {"issuer", Str(r.issuer)},
                    {"name", Str(r.name)},
                    {"span", SpanJson(r.span)}});
  }
  j["references"] = std::move(refs);
  Json times = Json::array();
  for (const auto& t : d.times) {
    times.push_back({{"text", t.text},
                     {"kind", t.kind},
                     {"start", Str(t.start)},
                     {"date", Str(t.date)},
                     {"rrule", Str(t.rrule)},
                     {"event", Str(t.event)},
                     {"span", SpanJson(t.span)}});
  }
  j["times"] = std::move(times);
  Json tasks = Json::array();
  for (const auto& t : d.tasks) {
    Json units = Json::array();
    for (const auto& u : t.units) {
      units.push_back({{"name", u.name},
                       {"unit_id", Str(u.unit_id)},
                       {"role", u.role},
                       {"span", SpanJson(u.span)}});
    }
    tasks.push_back({{"action", t.action},
                     {"units", std::move(units)},
                     {"due", t.due ? Json(*t.due) : Json(nullptr)},
                     {"path", Str(t.path)},
                     {"span", SpanJson(t.span)}});
  }
  j["tasks"] = std::move(tasks);
  Json reporting = Json::array();
  for (const auto& r : d.reporting) {
    reporting.push_back({{"to", Str(r.to)}, {"times", r.times}, {"span", SpanJson(r.span)}});
  }
  j["reporting"] = std::move(reporting);
  Json attachments = Json::array();
  for (const auto& a : d.attachments) {
    attachments.push_back(
        {{"type_name", Str(a.type_name)}, {"number", Str(a.number)}, {"span", SpanJson(a.span)}});
  }
  j["attachments"] = std::move(attachments);
  Json warnings = Json::array();
  for (const auto& w : d.warnings) {
    warnings.push_back({{"code", w.code}, {"message", w.message}, {"span", SpanJson(w.span)}});
  }
  j["warnings"] = std::move(warnings);
  return j;
}

std::string ToJsonString(const Document& doc, bool pretty) {
  return ToJson(doc).dump(pretty ? 2 : -1, ' ', false, Json::error_handler_t::replace);
}

}  // namespace dondoc::parse
