// libFuzzer target for the text layer's invariants (text/*.h). Corpus: fuzz/corpus/text/.
//
// - Decode yields well-formed UTF-8, or an error with a one-line message;
// - Normalize yields well-formed UTF-8 and is idempotent;
// - DecodeNormalized gives what Decode then Normalize give: the same text, notices and error;
// - Fold yields well-formed UTF-8; FoldMapped folds to the same string, with one offset per
//   folded byte plus the end, non-decreasing, ending at the input size;
// - on raw (possibly invalid) bytes, Fold/FoldMapped/IsValidUtf8 never read past the end.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include "text/decode.h"
#include "text/fold.h"
#include "text/normalize.h"
#include "text/utf8.h"

namespace {

void Check(bool ok, const char* what) {
  if (ok) return;
  std::fprintf(stderr, "invariant broken: %s\n", what);
  std::abort();
}

void CheckFolded(std::string_view in) {
  const std::string f = dondoc::text::Fold(in);
  Check(dondoc::text::IsValidUtf8(f), "Fold output is valid UTF-8");
  const dondoc::text::FoldedText t = dondoc::text::FoldMapped(in);
  Check(t.folded == f, "FoldMapped text == Fold text");
  Check(t.offsets.size() == t.folded.size() + 1, "one offset per folded byte, plus the end");
  Check(t.offsets.back() == in.size(), "last offset is the input size");
  for (std::size_t i = 1; i < t.offsets.size(); ++i) {
    Check(t.offsets[i - 1] <= t.offsets[i], "offsets non-decreasing");
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  (void)dondoc::text::IsValidUtf8(bytes);
  CheckFolded(bytes);  // raw bytes: invalid sequences fold to U+FFFD

  auto d = dondoc::text::Decode(bytes);
  auto dn = dondoc::text::DecodeNormalized(bytes);
  Check(d.ok() == dn.ok(), "DecodeNormalized fails when Decode does");
  if (!d.ok()) {
    Check(!d.error().code.empty(), "error has a code");
    Check(d.error().message.find('\n') == std::string::npos, "error message is one line");
    Check(dn.error().code == d.error().code, "DecodeNormalized: the same error");
    return 0;
  }
  Check(dn.value().utf8 == dondoc::text::Normalize(d.value().utf8),
        "DecodeNormalized text == Normalize(Decode text)");
  Check(dn.value().notices.size() == d.value().notices.size(), "the same notices");
  for (std::size_t i = 0; i < dn.value().notices.size(); ++i) {
    Check(dn.value().notices[i].message == d.value().notices[i].message, "the same notices");
  }
  const std::string& utf8 = d.value().utf8;
  Check(dondoc::text::IsValidUtf8(utf8), "Decode output is valid UTF-8");
  const std::string n = dondoc::text::Normalize(utf8);
  Check(dondoc::text::IsValidUtf8(n), "Normalize output is valid UTF-8");
  Check(n.find('\r') == std::string::npos, "no CR after Normalize");
  Check(dondoc::text::Normalize(n) == n, "Normalize is idempotent");
  CheckFolded(n);
  return 0;
}
