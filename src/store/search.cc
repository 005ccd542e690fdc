// Tested by search_test.cc.
#include "store/search.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <vector>

#include "parse/symbol.h"
#include "text/normalize.h"

namespace dondoc::store {
namespace {

bool IsAsciiDigit(char c) { return c >= '0' && c <= '9'; }
bool IsAsciiSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

// A word worth searching: something the tokenizer keeps (a letter or digit of any script).
// Pure punctuation ("-", "…") would make an empty phrase.
bool HasWordChar(std::string_view word) {
  std::int32_t i = 0;
  const auto n = static_cast<std::int32_t>(word.size());
  while (i < n) {
    UChar32 c = 0;
    U8_NEXT(word.data(), i, n, c);
    if (c >= 0 && u_isalnum(c)) return true;
  }
  return false;
}

std::vector<std::string> Words(std::string_view part) {
  std::vector<std::string> out;
  std::size_t i = 0;
  while (i < part.size()) {
    while (i < part.size() && IsAsciiSpace(part[i])) ++i;
    std::size_t j = i;
    while (j < part.size() && !IsAsciiSpace(part[j])) ++j;
    if (j > i && HasWordChar(part.substr(i, j - i))) out.emplace_back(part.substr(i, j - i));
    i = j;
  }
  return out;
}

// An FTS5 string: in double quotes, a quote inside doubled. Whatever it holds is then only
// text for the tokenizer, never query syntax.
std::string Quote(const std::string& s) {
  std::string out = "\"";
  for (const char c : s) {
    if (c == '"') out.push_back('"');
    out.push_back(c);
  }
  out.push_back('"');
  return out;
}

// Splits on quotes (phrases) and on , ; + outside them. Curly quotes count as quotes.
std::vector<std::string> Parts(const std::string& text) {
  std::vector<std::string> parts;
  std::string cur;
  bool quoted = false;
  auto flush = [&] {
    parts.push_back(cur);
    cur.clear();
  };
  for (std::size_t i = 0; i < text.size(); ++i) {
    const std::string_view rest = std::string_view(text).substr(i);
    std::size_t quote_len = 0;
    if (text[i] == '"') quote_len = 1;
    if (rest.substr(0, 3) == "\u201C" || rest.substr(0, 3) == "\u201D") quote_len = 3;
    if (quote_len > 0) {
      flush();
      quoted = !quoted;
      i += quote_len - 1;
    } else if (!quoted && (text[i] == ',' || text[i] == ';' || text[i] == '+')) {
      flush();
    } else {
      cur.push_back(text[i]);
    }
  }
  flush();
  return parts;
}

std::string JoinAnd(const std::vector<std::string>& items) {
  std::string out;
  for (const std::string& s : items) out += (out.empty() ? "" : " AND ") + s;
  return out;
}

}  // namespace

bool LooksLikeNumber(std::string_view text) {
  while (!text.empty() && IsAsciiSpace(text.front())) text.remove_prefix(1);
  while (!text.empty() && IsAsciiSpace(text.back())) text.remove_suffix(1);
  if (text.empty() || text.size() > 60 || !IsAsciiDigit(text.front())) return false;
  bool letters = false;
  for (const char c : text) {
    const auto u = static_cast<unsigned char>(c);
    if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || u >= 0x80) {
      letters = true;  // bytes ≥ 0x80: Đ and other non-ASCII letters of a ký hiệu
    } else if (!IsAsciiDigit(c) && c != '/' && c != '-' && c != '.' && c != '_' && c != ' ') {
      return false;
    }
  }
  return letters;
}

MatchQuery BuildMatch(std::string_view user_text) {
  const std::string text = text::Normalize(user_text);
  MatchQuery q;
  std::vector<std::string> phrases, words;
  for (const std::string& part : Parts(text)) {
    const std::vector<std::string> w = Words(part);
    if (w.empty()) continue;
    std::string phrase;
    for (const std::string& x : w) {
      phrase += (phrase.empty() ? "" : " ") + x;
      words.push_back(Quote(x));
    }
    phrases.push_back(Quote(phrase));
  }
  q.phrases = JoinAnd(phrases);
  q.all_words = JoinAnd(words);
  if (LooksLikeNumber(text)) q.number_key = parse::SymbolKey(text);
  return q;
}

}  // namespace dondoc::store
