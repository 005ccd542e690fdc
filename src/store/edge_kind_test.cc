// EdgeKind: the words before a reference decide implements / amends / replaces / cites.
#include "store/edge_kind.h"

#include <gtest/gtest.h>

namespace dondoc::store {
namespace {

// A document whose title is the first line of `text`; `ref` is the first occurrence of
// `number` in it.
std::string KindOf(const std::string& text, const std::string& number,
                   std::size_t outline_at = std::string::npos) {
  Document doc;
  const std::size_t nl = text.find('\n');
  doc.title_span = {0, static_cast<std::uint32_t>(nl == std::string::npos ? text.size() : nl)};
  if (outline_at != std::string::npos) {
    OutlineNode n;
    n.span = {static_cast<std::uint32_t>(outline_at), static_cast<std::uint32_t>(outline_at + 5)};
    doc.outline.push_back(n);
  }
  Reference r;
  r.number = number;
  const std::size_t at = text.find(number);
  r.span = {static_cast<std::uint32_t>(at), static_cast<std::uint32_t>(at + number.size())};
  return EdgeKind(text, doc, r);
}

TEST(EdgeKind, PlanImplementingAResolutionInItsTitle) {
  EXPECT_EQ(KindOf("Triển khai thực hiện Nghị quyết số 35-NQ/TW ngày 22/10/2018\nI. MỤC ĐÍCH",
                   "35-NQ/TW"),
            "implements");
}

TEST(EdgeKind, ImplementsInTheOpeningParagraph) {
  const std::string t =
      "Kế hoạch chuyển đổi số năm 2026\nThực hiện Quyết định số 1450/QĐ-TTg ngày 08/9/2025 của "
      "Thủ tướng Chính phủ, UBND tỉnh ban hành Kế hoạch.\nI. MỤC ĐÍCH\n";
  EXPECT_EQ(KindOf(t, "1450/QĐ-TTg", t.find("I. MỤC")), "implements");
}

TEST(EdgeKind, ThucHienInTheBodyIsOnlyACitation) {
  const std::string t =
      "Kế hoạch năm 2026\nI. NHIỆM VỤ\n1. Các sở thực hiện theo Quyết định số "
      "12/QĐ-UBND ngày 05/01/2026.";
  EXPECT_EQ(KindOf(t, "12/QĐ-UBND", t.find("I. NHI")), "cites");
}

TEST(EdgeKind, LegalBasisLinesCite) {
  // The amendment named here is between two other documents.
  const std::string t =
      "Quyết định ban hành quy chế\nCăn cứ Nghị định số 47/2019/NĐ-CP của Chính "
      "phủ sửa đổi, bổ sung một số điều của Nghị định số 09/2017/NĐ-CP;\n";
  EXPECT_EQ(KindOf(t, "09/2017/NĐ-CP"), "cites");
  EXPECT_EQ(KindOf("Kế hoạch\nCăn cứ Nghị quyết số 35-NQ/TW để thực hiện;\n", "35-NQ/TW"), "cites");
}

TEST(EdgeKind, Amends) {
  EXPECT_EQ(KindOf("Sửa đổi, bổ sung một số điều của Quyết định số 98/2025/QĐ-UBND\nĐiều 1.",
                   "98/2025/QĐ-UBND"),
            "amends");
  const std::string t =
      "Quyết định\nĐiều 1. Bổ sung một số nội dung của Quyết định số 5/QĐ-UBND "
      "như sau:";
  EXPECT_EQ(KindOf(t, "5/QĐ-UBND"), "amends");
  // Money is not an amendment.
  EXPECT_EQ(
      KindOf("Quyết định\nĐiều 1. Bổ sung kinh phí theo Quyết định số 5/QĐ-UBND.", "5/QĐ-UBND"),
      "cites");
}

TEST(EdgeKind, Replaces) {
  EXPECT_EQ(KindOf("Quyết định\nĐiều 3. Quyết định này thay thế Quyết định số 20/2019/QĐ-UBND.",
                   "20/2019/QĐ-UBND"),
            "replaces");
  EXPECT_EQ(
      KindOf("Quyết định\nĐiều 2. Bãi bỏ Chỉ thị số 03/CT-UBND ngày 01/3/2020.", "03/CT-UBND"),
      "replaces");
}

TEST(EdgeKind, PassiveAndWrappedLinesCite) {
  EXPECT_EQ(KindOf("Luật\nLuật Quản lý thuế số 78/2006/QH11 đã được sửa đổi, bổ sung một số "
                   "điều theo Luật số 21/2012/QH13",
                   "21/2012/QH13"),
            "cites");
  // A PDF line break inside a legal-basis sentence.
  EXPECT_EQ(KindOf("Thông tư\nCăn cứ Luật Quản lý thuế\nđã được sửa đổi theo Luật số "
                   "21/2012/QH13;\n",
                   "21/2012/QH13"),
            "cites");
}

TEST(EdgeKind, RepealingAPartAmends) {
  EXPECT_EQ(KindOf("Thông tư\nĐiều 3. Sửa đổi, bãi bỏ một số điều của Thông tư số 04/2022/TT-BTP",
                   "04/2022/TT-BTP"),
            "amends");
}

TEST(EdgeKind, NearestTriggerWinsAndSentencesEnd) {
  EXPECT_EQ(KindOf("Thực hiện chỉ đạo, bãi bỏ Kế hoạch số 7/KH-UBND\nI.", "7/KH-UBND"), "replaces");
  // The trigger is in the sentence before: this one only cites.
  EXPECT_EQ(KindOf("Quyết định\nĐiều 3. Thay thế Quy chế cũ. Các sở xem Kế hoạch số 7/KH-UBND.",
                   "7/KH-UBND"),
            "cites");
}

TEST(EdgeKind, UnaccentedTextCounts) {
  EXPECT_EQ(KindOf("Quyet dinh\nDieu 1. Sua doi Quyet dinh so 8/QD-UBND nhu sau", "8/QD-UBND"),
            "amends");
}

TEST(EdgeKind, NoSpanCites) {
  Document doc;
  Reference r;
  EXPECT_EQ(EdgeKind("Sửa đổi", doc, r), "cites");
  r.span = {500, 510};  // past the text
  EXPECT_EQ(EdgeKind("Sửa đổi", doc, r), "cites");
}

}  // namespace
}  // namespace dondoc::store
