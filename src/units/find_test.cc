#include <gtest/gtest.h>

#include <algorithm>
#include <string>

#include "text/fold.h"
#include "units/normalize.h"
#include "units/registry.h"

namespace dondoc::units {
namespace {

const Context kBinhSon{"Bình Sơn", "2024-05-10"};

// "name=id" for every mention, in order; checks that each span cleans to its name.
std::vector<std::string> Found(std::string_view text, const Context& ctx = kBinhSon) {
  std::vector<std::string> out;
  for (const Mention& m : FindUnits(text, ctx)) {
    EXPECT_EQ(CleanName(text.substr(m.begin, m.end - m.begin)), m.name);
    out.push_back(m.name + "=" + m.match.unit_id);
  }
  return out;
}

using V = std::vector<std::string>;

TEST(FindUnits, LeadAndCoordinatingUnitsAndGroups) {
  EXPECT_EQ(Found("Sở Thông tin và Truyền thông chủ trì, phối hợp với Sở Tài chính, UBND các "
                  "huyện, thị xã, thành phố và các cơ quan, đơn vị liên quan triển khai nền tảng "
                  "số dùng chung của tỉnh."),
            (V{"Sở Thông tin và Truyền thông=so-tttt", "Sở Tài chính=so-tai-chinh",
               "UBND các huyện, thị xã, thành phố=group:ubnd-huyen",
               "các cơ quan, đơn vị liên quan=group:co-quan-lien-quan"}));
}

TEST(FindUnits, SpansAreBytesOfTheOriginal) {
  std::string_view text = "Giao Sở Y tế chủ trì.";
  std::vector<Mention> m = FindUnits(text, kBinhSon);
  ASSERT_EQ(m.size(), 1u);
  EXPECT_EQ(text.substr(m[0].begin, m[0].end - m[0].begin), "Sở Y tế");
  EXPECT_EQ(m[0].match.province, "Bình Sơn");
}

// A slice of a document's fold gives what the slice's text alone gives, spans in the document.
TEST(FindUnits, SliceOfACallersFoldMatchesTheSliceAlone) {
  const std::string text =
      "Căn cứ 15/TTr-STTTT của Sở TT&TT.\nSở Y tế chủ trì, phối hợp với UBND tỉnh Bình Sơn; "
      "Sở\nTài chính 2025/KH-UBND và các sở, ban, ngành.";
  const text::FoldedText f = text::FoldMapped(text);
  for (std::size_t b = 0; b < f.folded.size(); b += 7) {
    for (std::size_t e : {b + 20, b + 45, f.folded.size()}) {
      e = std::min(e, f.folded.size());
      // Slices on character boundaries only, as callers cut them.
      if ((f.folded[b] & 0xC0) == 0x80 || (e < f.folded.size() && (f.folded[e] & 0xC0) == 0x80)) {
        continue;
      }
      const std::uint32_t ob = f.Orig(b), oe = f.Orig(e);
      const std::vector<Mention> alone = FindUnits(text.substr(ob, oe - ob), kBinhSon);
      const std::vector<Mention> slice = FindUnits(text, f, b, e, kBinhSon);
      ASSERT_EQ(alone.size(), slice.size()) << b << ".." << e;
      for (std::size_t i = 0; i < alone.size(); ++i) {
        EXPECT_EQ(alone[i].begin + ob, slice[i].begin);
        EXPECT_EQ(alone[i].end + ob, slice[i].end);
        EXPECT_EQ(alone[i].name, slice[i].name);
        EXPECT_EQ(alone[i].match.unit_id, slice[i].match.unit_id);
      }
    }
  }
}

TEST(FindUnits, NamesBrokenAcrossLinesAndMarkdown) {
  EXPECT_EQ(
      Found("- **Ủy\nban nhân dân tỉnh** chỉ đạo; Ủy ban Mặt trận Tổ\nquốc Việt Nam tỉnh"),
      (V{"Ủy ban nhân dân tỉnh=ubnd-tinh", "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh=ubmttq-tinh"}));
}

TEST(FindUnits, LongestMatchFirst) {
  EXPECT_EQ(Found("Văn phòng UBND tỉnh tổng hợp, báo cáo Chủ tịch UBND tỉnh."),
            (V{"Văn phòng UBND tỉnh=vp-ubnd-tinh", "UBND tỉnh=ubnd-tinh"}));
  EXPECT_EQ(Found("Đề nghị Ủy ban MTTQ Việt Nam tỉnh và các tổ chức chính trị - xã hội tỉnh "
                  "tuyên truyền."),
            (V{"Ủy ban MTTQ Việt Nam tỉnh và các tổ chức chính trị - xã hội tỉnh="
               "group:mttq-doan-the"}));
}

TEST(FindUnits, QualifiersJoinTheSpan) {
  EXPECT_EQ(Found("Sở Y tế tỉnh Bình Sơn phối hợp Công an tỉnh Lạc Thủy."),
            (V{"Sở Y tế tỉnh Bình Sơn=so-y-te", "Công an tỉnh Lạc Thủy=cong-an-tinh"}));
  EXPECT_EQ(Found("UBND huyện Đông Hòa và UBND xã Tân Lập thực hiện."),
            (V{"UBND huyện Đông Hòa=ubnd-huyen", "UBND xã Tân Lập=ubnd-xa"}));
  EXPECT_EQ(Found("Sở Tư pháp tỉnh chủ trì."), (V{"Sở Tư pháp tỉnh=so-tu-phap"}));
  // A sentence end is not a place.
  EXPECT_EQ(Found("báo cáo UBND tỉnh. Sở Nội vụ theo dõi."),
            (V{"UBND tỉnh=ubnd-tinh", "Sở Nội vụ=so-noi-vu"}));
  EXPECT_EQ(Found("Tỉnh ủy Bình Sơn lãnh đạo; Báo Bình Sơn đưa tin; báo cáo kết quả."),
            (V{"Tỉnh ủy Bình Sơn=tinh-uy", "Báo Bình Sơn=bao-tinh"}));
}

TEST(FindUnits, AbbreviationsOnlyInCapitals) {
  EXPECT_EQ(Found("STTTT, Sở GD&ĐT, SYT và CAT cùng thực hiện; cát, sỏi không phải đơn vị."),
            (V{"STTTT=so-tttt", "Sở GD&ĐT=so-gddt", "SYT=so-y-te", "CAT=cong-an-tinh"}));
}

TEST(FindUnits, DocumentNumbersAreNotMentions) {
  EXPECT_EQ(Found("theo Tờ trình số 97/TTr-STTTT ngày 30/12/2025 của Sở TT&TT"),
            (V{"Sở TT&TT=so-tttt"}));
}

TEST(FindUnits, RenamesUseTheContextDate) {
  std::vector<Mention> m =
      FindUnits("Sở Kế hoạch và Đầu tư hướng dẫn.", {"Bình Sơn", "2025-06-01"});
  ASSERT_EQ(m.size(), 1u);
  EXPECT_EQ(m[0].match.successor, "so-tai-chinh");
}

TEST(FindUnits, OtherWordsWithTheSameLettersAreNotUnits) {
  EXPECT_EQ(Found("đẩy mạnh chuyển đổi số; xây dựng chính quyền số, giải phóng dân tộc"), V{});
  EXPECT_EQ(Found("SO Y TE phoi hop"), (V{"SO Y TE=so-y-te"}));  // lost accents still match
  EXPECT_EQ(Found("UBND TP. Hà Nội"), (V{"UBND TP. Hà Nội=ubnd-tinh"}));
}

TEST(FindUnits, NothingInPlainText) {
  EXPECT_TRUE(
      FindUnits("Tăng cường công tác tuyên truyền, nâng cao nhận thức của người dân.", kBinhSon)
          .empty());
  EXPECT_TRUE(FindUnits("", kBinhSon).empty());
}

// The finder remembers how far the words after a candidate are free of breaks (find.cc); these
// pin the edges of that: a name as the very last word, names right after a break or a symbol,
// many candidates in a row, and a name cut short by ';' then one starting after it.
TEST(FindUnits, NameEdgesAroundBreaksAndTheEnd) {
  EXPECT_EQ(Found("Sở Y tế"), (V{"Sở Y tế=so-y-te"}));
  EXPECT_EQ(Found("giao Sở Tài chính"), (V{"Sở Tài chính=so-tai-chinh"}));
  EXPECT_EQ(Found("Sở Y tế; Sở Tài chính"), (V{"Sở Y tế=so-y-te", "Sở Tài chính=so-tai-chinh"}));
  EXPECT_EQ(Found("Sở Sở Sở Y tế"), (V{"Sở Y tế=so-y-te"}));
  EXPECT_EQ(Found("Sở; Y tế"), V{});
  EXPECT_EQ(Found("15/TTr-STTTT Sở TT&TT"), (V{"Sở TT&TT=so-tttt"}));
  EXPECT_EQ(Found("Sở Tai chinh"), (V{"Sở Tai chinh=so-tai-chinh"}));  // accents lost (OCR)
}

TEST(FindUnits, SliceEdges) {
  const std::string text = "Giao Sở Y tế chủ trì";
  const text::FoldedText f = text::FoldMapped(text);
  EXPECT_TRUE(FindUnits(text, f, 0, 0, kBinhSon).empty());
  EXPECT_TRUE(FindUnits(text, f, f.folded.size(), f.folded.size() + 5, kBinhSon).empty());
  const std::size_t so = f.folded.find("so y te");
  std::vector<Mention> m = FindUnits(text, f, so, so + 7, kBinhSon);
  ASSERT_EQ(m.size(), 1u);
  EXPECT_EQ(m[0].match.unit_id, "so-y-te");
}

}  // namespace
}  // namespace dondoc::units
