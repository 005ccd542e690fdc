// Tested by search_test.cc.
#include "store/search.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cstdint>
#include <vector>

#include "parse/symbol.h"
#include "text/fold.h"
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

// A word of folded text as the tokenizer cuts it (unicode61: runs of letters and digits),
// as a byte range of the folded text.
struct Word {
  std::uint32_t begin, end;
};

std::vector<Word> FoldedWords(std::string_view folded) {
  std::vector<Word> out;
  const auto n = static_cast<std::int32_t>(folded.size());
  std::int32_t i = 0;
  std::int32_t start = -1;
  while (i < n) {
    const std::int32_t at = i;
    const auto b = static_cast<unsigned char>(folded[static_cast<std::size_t>(i)]);
    bool word_char;
    if (b < 0x80) {  // folded text is nearly all ASCII: skip ICU for it
      word_char = (b >= 'a' && b <= 'z') || (b >= '0' && b <= '9') || (b >= 'A' && b <= 'Z');
      ++i;
    } else {
      UChar32 c = 0;
      U8_NEXT(folded.data(), i, n, c);
      word_char = c >= 0 && u_isalnum(c);
    }
    if (word_char && start < 0) start = at;
    if (!word_char && start >= 0) {
      out.push_back({static_cast<std::uint32_t>(start), static_cast<std::uint32_t>(at)});
      start = -1;
    }
  }
  if (start >= 0) out.push_back({static_cast<std::uint32_t>(start), static_cast<std::uint32_t>(n)});
  return out;
}

// One occurrence of a phrase in a column, in word positions (last inclusive).
struct Hit {
  int phrase, first, last;
};

// A column cut into words, with where each word is in the original text.
struct Column {
  std::string_view text;
  std::vector<std::uint32_t> begin, end;  // original byte offsets of each word
  std::vector<Hit> hits;                  // by first word
  std::vector<int> sentences;             // words that start a sentence, ascending
};

Column ReadColumn(std::string_view text, const std::vector<Phrase>& phrases) {
  Column c;
  c.text = text;
  const text::FoldedText f = text::FoldMapped(text);
  const std::vector<Word> words = FoldedWords(f.folded);
  const auto view = [&](std::size_t w) {
    return std::string_view(f.folded).substr(words[w].begin, words[w].end - words[w].begin);
  };
  c.begin.reserve(words.size());
  c.end.reserve(words.size());
  for (const Word& w : words) {
    c.begin.push_back(f.Orig(w.begin));
    c.end.push_back(f.Orig(w.end));
  }
  for (std::size_t w = 0; w < words.size(); ++w) {
    for (std::size_t p = 0; p < phrases.size(); ++p) {
      const Phrase& ph = phrases[p];
      if (ph.empty() || w + ph.size() > words.size()) continue;
      bool same = true;
      for (std::size_t k = 0; k < ph.size() && same; ++k) same = view(w + k) == ph[k];
      if (same) {
        c.hits.push_back(
            {static_cast<int>(p), static_cast<int>(w), static_cast<int>(w + ph.size() - 1)});
      }
    }
  }
  // As FTS5 does: a word starts a sentence when the text before it, past the spaces, ends
  // with '.' or ':' (and there is a space), or when it is the first word.
  for (std::size_t w = 0; w < words.size(); ++w) {
    if (w == 0) {
      c.sentences.push_back(0);
      continue;
    }
    std::size_t i = c.begin[w];
    const std::size_t stop = c.end[w - 1];
    bool space = false;
    while (i > stop && IsAsciiSpace(text[i - 1])) {
      --i;
      space = true;
    }
    if (space && i > stop && (text[i - 1] == '.' || text[i - 1] == ':')) {
      c.sentences.push_back(static_cast<int>(w));
    }
  }
  return c;
}

// The score of the window of `size` words from word `from`: 1000 for each phrase that occurs
// in it, 1 for each further occurrence (FTS5's weights, so the choice stays what it was).
// *centre gets the start of a window of the same size centred on those occurrences.
int WindowScore(const Column& c, std::size_t phrases, int from, int size, int* centre) {
  std::vector<bool> seen(phrases, false);
  int score = 0, first = -1, last = -1;
  auto it = std::lower_bound(c.hits.begin(), c.hits.end(), from,
                             [](const Hit& h, int w) { return h.first < w; });
  for (; it != c.hits.end() && it->first < from + size; ++it) {
    score += seen[static_cast<std::size_t>(it->phrase)] ? 1 : 1000;
    seen[static_cast<std::size_t>(it->phrase)] = true;
    if (first < 0) first = it->first;
    last = it->last + 1;
  }
  if (centre != nullptr) {
    const int words = static_cast<int>(c.begin.size());
    int at = first - (size - (last - first)) / 2;
    if (at + size > words) at = words - size;
    *centre = std::max(at, 0);
  }
  return score;
}

}  // namespace

std::vector<Phrase> MatchPhrases(std::string_view match) {
  std::vector<Phrase> out;
  std::size_t i = 0;
  while (i < match.size()) {
    if (match[i] != '"') {  // AND and spaces between the quoted strings
      ++i;
      continue;
    }
    std::string phrase;
    for (++i; i < match.size(); ++i) {
      if (match[i] == '"') {
        if (i + 1 < match.size() && match[i + 1] == '"') {
          phrase.push_back('"');
          ++i;
        } else {
          ++i;
          break;
        }
      } else {
        phrase.push_back(match[i]);
      }
    }
    const std::string folded = text::Fold(phrase);
    Phrase words;
    for (const Word& w : FoldedWords(folded))
      words.push_back(folded.substr(w.begin, w.end - w.begin));
    if (!words.empty()) out.push_back(std::move(words));
  }
  return out;
}

std::string MakeSnippet(const std::vector<std::string_view>& columns,
                        const std::vector<Phrase>& phrases, std::string_view open,
                        std::string_view close, int max_words) {
  if (columns.empty()) return "";
  const int size = std::max(max_words, 1);
  std::size_t best_col = 0;
  int best_score = 0, best_start = 0;
  std::vector<Column> cols;
  cols.reserve(columns.size());
  for (std::size_t ci = 0; ci < columns.size(); ++ci) {
    cols.push_back(ReadColumn(columns[ci], phrases));
    const Column& c = cols.back();
    const int words = static_cast<int>(c.begin.size());
    for (const Hit& h : c.hits) {
      int centre = 0;
      const int score = WindowScore(c, phrases.size(), h.first, size, &centre);
      if (score > best_score) {
        best_score = score;
        best_col = ci;
        best_start = centre;
      }
      if (words <= size) continue;
      // A window that starts at the sentence holding the hit reads better; FTS5 prefers it
      // when it keeps as many phrases (the bonus is less than one phrase's 1000).
      auto s = std::upper_bound(c.sentences.begin(), c.sentences.end(), h.first);
      if (s == c.sentences.begin()) continue;
      const int sentence = *std::prev(s);
      if (sentence >= h.first) continue;
      const int with_bonus =
          WindowScore(c, phrases.size(), sentence, size, nullptr) + (sentence == 0 ? 120 : 100);
      if (with_bonus > best_score) {
        best_score = with_bonus;
        best_col = ci;
        best_start = sentence;
      }
    }
  }
  const Column& c = cols[best_col];
  const int words = static_cast<int>(c.begin.size());
  if (words == 0) return std::string(c.text);
  const int from = best_start, to = std::min(best_start + size, words);  // [from, to)
  // The occurrences in the window, cut to it; overlapping ones become one mark.
  std::vector<std::pair<int, int>> marks;
  for (const Hit& h : c.hits) {
    if (h.last < from || h.first >= to) continue;
    const int a = std::max(h.first, from), b = std::min(h.last, to - 1);
    if (!marks.empty() && a <= marks.back().second) {
      marks.back().second = std::max(marks.back().second, b);
    } else {
      marks.emplace_back(a, b);
    }
  }
  std::string out;
  if (from > 0) out += "…";
  std::size_t pos = c.begin[static_cast<std::size_t>(from)];
  for (const auto& [a, b] : marks) {
    const std::size_t mb = c.begin[static_cast<std::size_t>(a)];
    const std::size_t me = c.end[static_cast<std::size_t>(b)];
    out.append(c.text.substr(pos, mb - pos));
    out.append(open);
    out.append(c.text.substr(mb, me - mb));
    out.append(close);
    pos = me;
  }
  if (to < words) {
    const std::size_t end = c.end[static_cast<std::size_t>(to - 1)];
    out.append(c.text.substr(pos, end - pos));
    out += "…";
  } else {
    out.append(c.text.substr(pos));
  }
  return out;
}

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

std::string FilterWords(std::string_view folded, char prefix) {
  std::string out;
  bool in_word = false;
  for (const char c : folded) {
    const auto b = static_cast<unsigned char>(c);
    const bool word =
        b >= 0x80 || (b >= '0' && b <= '9') || (b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z');
    if (word && !in_word) {
      if (!out.empty()) out += ' ';
      out += prefix;
    }
    if (word) out += c;
    in_word = word;
  }
  return out;
}

}  // namespace dondoc::store
