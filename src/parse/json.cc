// Tested by json_test.cc.
//
// Two writers of the same JSON: ToJson builds an nlohmann DOM (for callers that add to it or
// read it, and for pretty output), ToJsonString's compact form streams through RapidJSON's
// Writer. Every `dondoc parse` and every ingested document is serialized, and building the
// DOM (an allocation per value, an ordered map per object) then dumping it cost ~22 % of a
// whole parse. The two must agree byte for byte (json_test over the samples; parse_fuzz on
// every input); the streaming writer validates UTF-8 as it goes and hands a document with an
// invalid string to the DOM writer, which replaces it. Pretty output (golden files, `--pretty`)
// stays with the DOM: RapidJSON 1.1's PrettyWriter cannot take the validating flag.
#include "parse/json.h"

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <array>

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

namespace {

// The control characters JSON writers escape by a letter (\b \t \n \f \r).
constexpr auto kShortEscape = [] {
  std::array<bool, 32> t{};
  for (const char c : {'\b', '\t', '\n', '\f', '\r'}) t[static_cast<unsigned char>(c)] = true;
  return t;
}();

using Buffer = rapidjson::StringBuffer;
using Compact = rapidjson::Writer<Buffer, rapidjson::UTF8<>, rapidjson::UTF8<>,
                                  rapidjson::CrtAllocator, rapidjson::kWriteValidateEncodingFlag>;

// Writes the document as ToJson lays it out. Returns false when the writer refused a value
// (a string that is not UTF-8).
class Streamer {
 public:
  explicit Streamer(Compact* w) : w_(*w) {}

  bool Document(const dondoc::Document& d, const std::string* text) {
    w_.StartObject();
    Key("schema");
    Text(kSchema);
    Key("source");
    w_.StartObject();
    Key("name");
    Text(d.source.name);
    Key("sha256");
    Str(d.source.sha256);
    Key("format");
    Text(d.source.format);
    Key("encoding");
    Text(d.source.encoding);
    Key("ocr");
    w_.Bool(d.source.ocr);
    w_.EndObject();
    Key("kind");
    Text(d.kind);
    Key("issuer");
    if (d.issuer) {
      w_.StartObject();
      Key("name");
      Text(d.issuer->name);
      Key("parent");
      Str(d.issuer->parent);
      Key("unit_id");
      Str(d.issuer->unit_id);
      Key("span");
      SpanOf(d.issuer->span);
      w_.EndObject();
    } else {
      w_.Null();
    }
    Key("number");
    Str(d.number);
    Key("type");
    Str(d.type);
    Key("type_name");
    Str(d.type_name);
    Key("place");
    Str(d.place);
    Key("date");
    Str(d.date);
    Key("title");
    Str(d.title);
    Key("spans");
    w_.StartObject();
    Key("number");
    SpanOf(d.number_span);
    Key("type");
    SpanOf(d.type_span);
    Key("place");
    SpanOf(d.place_span);
    Key("date");
    SpanOf(d.date_span);
    Key("title");
    SpanOf(d.title_span);
    w_.EndObject();
    Array("signers", d.signers, [&](const Signer& s) {
      Key("name");
      Str(s.name);
      Key("authority");
      Str(s.authority);
      Key("for");
      Str(s.for_title);
      Key("position");
      Str(s.position);
      Key("span");
      SpanOf(s.span);
    });
    Array("recipients", d.recipients, [&](const Recipient& r) {
      Key("name");
      Text(r.name);
      Key("purpose");
      Str(r.purpose);
      Key("span");
      SpanOf(r.span);
    });
    Key("outline");
    w_.StartArray();
    for (const OutlineNode& n : d.outline) Outline(n);
    w_.EndArray();
    Array("references", d.references, [&](const Reference& r) {
      Key("type");
      Str(r.type);
      Key("number");
      Str(r.number);
      Key("date");
      Str(r.date);
      Key("issuer");
      Str(r.issuer);
      Key("name");
      Str(r.name);
      Key("span");
      SpanOf(r.span);
    });
    Array("times", d.times, [&](const TimeExpr& t) {
      Key("text");
      Text(t.text);
      Key("kind");
      Text(t.kind);
      Key("start");
      Str(t.start);
      Key("date");
      Str(t.date);
      Key("rrule");
      Str(t.rrule);
      Key("event");
      Str(t.event);
      Key("span");
      SpanOf(t.span);
    });
    Array("tasks", d.tasks, [&](const Task& t) {
      Key("action");
      Text(t.action);
      Array("units", t.units, [&](const TaskUnit& u) {
        Key("name");
        Text(u.name);
        Key("unit_id");
        Str(u.unit_id);
        Key("role");
        Text(u.role);
        Key("span");
        SpanOf(u.span);
      });
      Key("due");
      if (t.due) {
        w_.Int(*t.due);
      } else {
        w_.Null();
      }
      Key("path");
      Str(t.path);
      Key("span");
      SpanOf(t.span);
    });
    Array("reporting", d.reporting, [&](const Reporting& r) {
      Key("to");
      Str(r.to);
      Key("times");
      w_.StartArray();
      for (const int t : r.times) w_.Int(t);
      w_.EndArray();
      Key("span");
      SpanOf(r.span);
    });
    Array("attachments", d.attachments, [&](const Attachment& a) {
      Key("type_name");
      Str(a.type_name);
      Key("number");
      Str(a.number);
      Key("span");
      SpanOf(a.span);
    });
    Array("warnings", d.warnings, [&](const Warning& x) {
      Key("code");
      Text(x.code);
      Key("message");
      Text(x.message);
      Key("span");
      SpanOf(x.span);
    });
    if (text != nullptr) {
      Key("text");
      Text(*text);
    }
    w_.EndObject();
    return ok_;
  }

 private:
  void Key(const char* k) { w_.Key(k); }
  void Text(std::string_view s) {
    // A control character other than \b \f \n \r \t is escaped by both writers, by
    // RapidJSON with upper-case hex digits, by nlohmann with lower-case: such a rare string goes
    // to the DOM writer too, so that the two stay byte for byte the same.
    for (const char c : s) {
      if (static_cast<unsigned char>(c) < 0x20 && !kShortEscape[static_cast<unsigned char>(c)]) {
        ok_ = false;
      }
    }
    ok_ = w_.String(s.data(), static_cast<rapidjson::SizeType>(s.size())) && ok_;
  }
  // Empty strings are null (Str of ToJson).
  void Str(const std::string& s) {
    if (s.empty()) {
      w_.Null();
    } else {
      Text(s);
    }
  }
  void SpanOf(const Span& s) {
    w_.StartArray();
    w_.Uint(s.begin);
    w_.Uint(s.end);
    w_.EndArray();
  }
  // An array of objects under `key`, each written by `fields`.
  template <typename T, typename F>
  void Array(const char* key, const std::vector<T>& items, F fields) {
    Key(key);
    w_.StartArray();
    for (const T& item : items) {
      w_.StartObject();
      fields(item);
      w_.EndObject();
    }
    w_.EndArray();
  }
  void Outline(const OutlineNode& n) {
    w_.StartObject();
    Key("label");
    Text(n.label);
    Key("heading");
    Str(n.heading);
    Key("path");
    Text(n.path);
    Key("span");
    SpanOf(n.span);
    Key("children");
    w_.StartArray();
    for (const OutlineNode& c : n.children) Outline(c);
    w_.EndArray();
    w_.EndObject();
  }

  Compact& w_;
  bool ok_ = true;
};

}  // namespace

std::string ToJsonString(const Document& doc, bool pretty, const std::string* text) {
  if (!pretty) {
    Buffer buffer;
    Compact w(buffer);
    if (Streamer(&w).Document(doc, text)) {
      return std::string(buffer.GetString(), buffer.GetSize());
    }
    // A string that is not UTF-8 (the text layer repairs input, so this is a bug somewhere
    // upstream): the DOM writer replaces what the streaming one refuses.
  }
  auto j = ToJson(doc);
  if (text != nullptr) j["text"] = *text;
  return j.dump(pretty ? 2 : -1, ' ', false, Json::error_handler_t::replace);
}

}  // namespace dondoc::parse
