// Tested by data_test.cc.
//
// Reads data/units/*.txt (syntax in data/units/README.md). Edge cases handled:
// - '#' starts a comment only at the start of a line or after a space, so it never cuts a name;
// - fields are trimmed; an empty alias between two ';' is skipped;
// - a unit line needs exactly 8 '|'-separated fields (id is the word after "unit");
// - `change` is "<verb> [ids]" optionally followed by "; <legal basis>"; rename/merge/split
//   need a successor, abolish has none; a change needs a `to` date and vice versa;
// - ids are unique across files and every successor id exists (checked after all files);
// - each file must declare "format 1" before its first record.
#include "units/data.h"

#include <set>
#include <utility>

namespace dondoc::units {
namespace {

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r')) {
    s.remove_prefix(1);
  }
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) {
    s.remove_suffix(1);
  }
  return s;
}

std::string_view StripComment(std::string_view line) {
  for (std::size_t i = 0; i < line.size(); ++i) {
    if (line[i] == '#' && (i == 0 || line[i - 1] == ' ' || line[i - 1] == '\t')) {
      return line.substr(0, i);
    }
  }
  return line;
}

std::vector<std::string_view> Split(std::string_view s, char sep) {
  std::vector<std::string_view> out;
  std::size_t start = 0;
  for (std::size_t i = 0; i <= s.size(); ++i) {
    if (i == s.size() || s[i] == sep) {
      out.push_back(Trim(s.substr(start, i - start)));
      start = i + 1;
    }
  }
  return out;
}

std::vector<std::string> List(std::string_view s, char sep) {
  std::vector<std::string> out;
  for (std::string_view part : Split(s, sep)) {
    if (!part.empty()) out.emplace_back(part);
  }
  return out;
}

bool IsIsoDate(std::string_view s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
  for (std::size_t i : {0, 1, 2, 3, 5, 6, 8, 9}) {
    if (s[i] < '0' || s[i] > '9') return false;
  }
  return true;
}

bool IsId(std::string_view s) {
  if (s.starts_with("group:")) s.remove_prefix(6);
  if (s.empty()) return false;
  for (char c : s) {
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-')) return false;
  }
  return true;
}

Error LineError(std::string_view file, int line, std::string_view what) {
  return Error{"bad_unit_data",
               std::string(file) + ":" + std::to_string(line) + ": " + std::string(what)};
}

// "merge so-khcn; NĐ 45/2025" → change, successors, basis. Empty string when fine.
std::string ParseChange(std::string_view text, UnitEntry* e) {
  std::string_view head = text;
  if (std::size_t semi = text.find(';'); semi != std::string_view::npos) {
    head = Trim(text.substr(0, semi));
    e->basis = std::string(Trim(text.substr(semi + 1)));
  }
  std::size_t space = head.find(' ');
  std::string_view verb = head.substr(0, space);
  std::string_view rest = space == std::string_view::npos ? "" : Trim(head.substr(space + 1));
  if (verb == "rename") {
    e->change = Change::kRename;
  } else if (verb == "merge") {
    e->change = Change::kMerge;
  } else if (verb == "split") {
    e->change = Change::kSplit;
  } else if (verb == "abolish") {
    e->change = Change::kAbolish;
  } else {
    return "unknown change '" + std::string(verb) + "'";
  }
  e->successors = List(rest, ',');
  if (e->change == Change::kAbolish && !e->successors.empty()) return "abolish takes no id";
  if (e->change != Change::kAbolish && e->successors.empty()) return "change needs an id";
  if (e->change != Change::kSplit && e->successors.size() > 1) return "only split takes ids";
  return "";
}

std::string ParseUnit(std::string_view body, UnitEntry* e) {
  std::vector<std::string_view> f = Split(body, '|');
  if (f.size() != 8) return "a unit line has 8 fields, found " + std::to_string(f.size());
  e->id = std::string(f[0]);
  e->kind = std::string(f[1]);
  e->level = std::string(f[2]);
  e->canonical = std::string(f[3]);
  e->aliases = List(f[4], ';');
  e->valid_from = std::string(f[5]);
  e->valid_to = std::string(f[6]);
  if (!IsId(e->id)) return "bad id '" + e->id + "'";
  if (e->kind.empty() || e->canonical.empty()) return "empty kind or name";
  if (e->level != "central" && e->level != "province" && e->level != "district" &&
      e->level != "commune" && e->level != "any") {
    return "bad level '" + e->level + "'";
  }
  if ((!e->valid_from.empty() && !IsIsoDate(e->valid_from)) ||
      (!e->valid_to.empty() && !IsIsoDate(e->valid_to))) {
    return "dates are YYYY-MM-DD";
  }
  if (!f[7].empty()) {
    if (std::string err = ParseChange(f[7], e); !err.empty()) return err;
  }
  if (e->valid_to.empty() != (e->change == Change::kNone)) {
    return "a 'to' date and a change go together";
  }
  return "";
}

std::string ParsePlace(std::string_view body, Place* p) {
  std::vector<std::string_view> f = Split(body, '|');
  if (f.size() != 5) return "a place line has 5 fields, found " + std::to_string(f.size());
  p->name = std::string(f[0]);
  p->aliases = List(f[1], ';');
  if (f[2] != "city" && f[2] != "province") return "kind is city or province";
  p->city = f[2] == "city";
  p->valid_to = std::string(f[3]);
  p->merged_into = std::string(f[4]);
  if (p->name.empty()) return "empty place name";
  if (!p->valid_to.empty() && !IsIsoDate(p->valid_to)) return "dates are YYYY-MM-DD";
  return "";
}

}  // namespace

Result<UnitData> ParseUnitData(std::span<const DataFile> files) {
  UnitData data;
  std::set<std::string> ids;
  for (const DataFile& file : files) {
    bool has_format = false;
    int line_no = 0;
    std::size_t pos = 0;
    while (pos <= file.text.size()) {
      std::size_t end = file.text.find('\n', pos);
      if (end == std::string_view::npos) end = file.text.size();
      std::string_view line = Trim(StripComment(file.text.substr(pos, end - pos)));
      pos = end + 1;
      ++line_no;
      if (line.empty()) continue;
      std::size_t space = line.find(' ');
      std::string_view word = line.substr(0, space);
      std::string_view body = space == std::string_view::npos ? "" : Trim(line.substr(space + 1));
      if (word == "format") {
        if (body != "1") return LineError(file.name, line_no, "unsupported format");
        has_format = true;
        continue;
      }
      if (!has_format) return LineError(file.name, line_no, "'format 1' must come first");
      std::string err;
      if (word == "unit") {
        UnitEntry e;
        err = ParseUnit(body, &e);
        if (err.empty() && !ids.insert(e.id).second) err = "duplicate id '" + e.id + "'";
        if (err.empty()) data.units.push_back(std::move(e));
      } else if (word == "abbr") {
        std::size_t eq = body.find('=');
        if (eq == std::string_view::npos) {
          err = "abbr needs '='";
        } else {
          Abbreviation a{std::string(Trim(body.substr(0, eq))),
                         std::string(Trim(body.substr(eq + 1)))};
          if (a.code.empty() || a.expansion.empty()) err = "empty abbreviation";
          data.abbreviations.push_back(std::move(a));
        }
      } else if (word == "place") {
        Place p;
        err = ParsePlace(body, &p);
        if (err.empty()) data.places.push_back(std::move(p));
      } else {
        err = "unknown record '" + std::string(word) + "'";
      }
      if (!err.empty()) return LineError(file.name, line_no, err);
    }
  }
  for (const UnitEntry& e : data.units) {
    for (const std::string& s : e.successors) {
      if (!ids.contains(s)) return Error{"bad_unit_data", e.id + ": unknown successor " + s};
    }
  }
  return data;
}

}  // namespace dondoc::units
