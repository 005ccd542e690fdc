#include "units/registry.h"

#include <gtest/gtest.h>

#include "units/data.h"

namespace dondoc::units {
namespace {

const Context kBinhSon{"Bình Sơn", "2024-05-10"};
const Context kBinhSon2026{"Bình Sơn", "2026-01-20"};

std::string Id(std::string_view name, const Context& ctx = kBinhSon) {
  std::optional<UnitMatch> m = Resolve(name, ctx);
  return m ? m->unit_id : "<none>";
}

TEST(Registry, EmbeddedDataParses) {
  Result<UnitData> data = ParseUnitData(internal::EmbeddedUnitFiles());
  ASSERT_TRUE(data.ok()) << data.error().message;
  EXPECT_GT(data.value().units.size(), 200u);
  EXPECT_EQ(data.value().places.size(), 64u);
}

TEST(Registry, ExactCanonicalNames) {
  std::optional<UnitMatch> m = Resolve("Sở Y tế", kBinhSon);
  ASSERT_TRUE(m);
  EXPECT_EQ(m->unit_id, "so-y-te");
  EXPECT_EQ(m->canonical, "Sở Y tế");
  EXPECT_EQ(m->kind, "so");
  EXPECT_DOUBLE_EQ(m->confidence, 1.0);
  EXPECT_EQ(m->province, "Bình Sơn");
  EXPECT_EQ(m->note, "");
  EXPECT_EQ(Id("Ủy ban nhân dân tỉnh"), "ubnd-tinh");
  EXPECT_EQ(Id("Bộ Tài chính"), "bo-tai-chinh");
  EXPECT_EQ(Id("Ban Tuyên giáo Tỉnh ủy"), "ban-tuyen-giao-tu");
  EXPECT_EQ(Id("Văn phòng Ủy ban nhân dân tỉnh"), "vp-ubnd-tinh");
  EXPECT_EQ(Id("Bộ Chính trị"), "bo-chinh-tri");
  EXPECT_EQ(Id("Thủ tướng Chính phủ"), "thu-tuong");
}

TEST(Registry, CaseSpacingLineBreaksAndMarkdownIgnored) {
  EXPECT_EQ(Id("SỞ GIÁO DỤC VÀ ĐÀO TẠO"), "so-gddt");
  EXPECT_EQ(Id("Sở  Giáo dục\nvà Đào tạo"), "so-gddt");
  EXPECT_EQ(Id("**Sở Giáo dục và Đào tạo**"), "so-gddt");
  EXPECT_EQ(Id("Uỷ ban nhân dân tỉnh"), "ubnd-tinh");  // old tone placement
  EXPECT_EQ(Id("Sở Văn hóa - Thể thao và Du lịch"), "so-vhttdl");
  EXPECT_EQ(Id("Sở Văn hóa, Thể thao và Du lịch"), "so-vhttdl");
}

TEST(Registry, AbbreviationVariants) {
  for (std::string_view name : {"Sở TT&TT", "Sở TT & TT", "Sở TT và TT", "STTTT", "Sở TTTT"}) {
    EXPECT_EQ(Id(name), "so-tttt") << name;
  }
  EXPECT_EQ(Id("Sở KH&ĐT"), "so-khdt");
  EXPECT_EQ(Id("SKHĐT"), "so-khdt");
  EXPECT_EQ(Id("Sở GD&ĐT"), "so-gddt");
  EXPECT_EQ(Id("SGDĐT"), "so-gddt");
  EXPECT_EQ(Id("SYT"), "so-y-te");
  EXPECT_EQ(Id("SNV"), "so-noi-vu");
  EXPECT_EQ(Id("Sở VHTT&DL"), "so-vhttdl");
  EXPECT_EQ(Id("UBND tỉnh"), "ubnd-tinh");
  EXPECT_EQ(Id("HĐND tỉnh"), "hdnd-tinh");
  EXPECT_EQ(Id("UBMTTQ tỉnh"), "ubmttq-tinh");
  EXPECT_EQ(Id("Ủy ban MTTQ Việt Nam tỉnh"), "ubmttq-tinh");
  EXPECT_EQ(Id("UBMTTQVN tỉnh"), "ubmttq-tinh");
  EXPECT_EQ(Id("BCHQS tỉnh"), "bchqs-tinh");
  EXPECT_EQ(Id("BĐBP tỉnh"), "bdbp-tinh");
  EXPECT_EQ(Id("CAT"), "cong-an-tinh");
  EXPECT_EQ(Id("CA tỉnh"), "cong-an-tinh");
  EXPECT_EQ(Id("VPTU"), "vptu");
  EXPECT_EQ(Id("BTCTU"), "ban-to-chuc-tu");
  EXPECT_EQ(Id("Ban TG TU"), "ban-tuyen-giao-tu");
  EXPECT_EQ(Id("BDVTU"), "ban-dan-van-tu");
  EXPECT_EQ(Id("UBKTTU"), "ubkt-tu");
  EXPECT_EQ(Id("LĐLĐ tỉnh"), "ldld-tinh");
  EXPECT_EQ(Id("HLHPN tỉnh"), "hlhpn-tinh");
  EXPECT_EQ(Id("Hội LHPN tỉnh"), "hlhpn-tinh");
  EXPECT_EQ(Id("HND tỉnh"), "hnd-tinh");
  EXPECT_EQ(Id("HCCB tỉnh"), "hccb-tinh");
  EXPECT_EQ(Id("ĐTN tỉnh"), "tinh-doan");
  EXPECT_EQ(Id("Đoàn TNCS Hồ Chí Minh tỉnh"), "tinh-doan");
  EXPECT_EQ(Id("VP UBND tỉnh"), "vp-ubnd-tinh");
  EXPECT_EQ(Id("Văn phòng Đoàn ĐBQH và HĐND tỉnh"), "vp-doan-dbqh-hdnd");
  EXPECT_EQ(Id("Bộ KH&CN"), "bo-khcn");
  EXPECT_EQ(Id("UBTVQH"), "ubtvqh");
}

TEST(Registry, CodesMatchOnlyInCapitals) {
  EXPECT_EQ(Id("cat"), "<none>");  // "cát", not Công an tỉnh
  EXPECT_EQ(Id("Syt"), "<none>");
  EXPECT_EQ(Id("Sở Tư pháp"), "so-tu-phap");  // "Tư" never reads as the code TU
}

TEST(Registry, Groups) {
  std::optional<UnitMatch> m = Resolve("các sở, ban, ngành tỉnh", kBinhSon);
  ASSERT_TRUE(m);
  EXPECT_EQ(m->unit_id, "group:so-ban-nganh");
  EXPECT_TRUE(m->group);
  EXPECT_EQ(m->kind, "group");
  EXPECT_EQ(Id("Các sở, ban, ngành"), "group:so-ban-nganh");
  EXPECT_EQ(Id("các cơ quan, đơn vị"), "group:co-quan-don-vi");
  EXPECT_EQ(Id("các cơ quan, đơn vị liên quan"), "group:co-quan-lien-quan");
  EXPECT_EQ(Id("UBND các huyện, thị xã, thành phố"), "group:ubnd-huyen");
  EXPECT_EQ(Id("Ủy ban nhân dân các huyện, thị xã, thành phố"), "group:ubnd-huyen");
  EXPECT_EQ(Id("UBND các xã, phường"), "group:ubnd-xa");
  EXPECT_EQ(Id("các tổ chức chính trị - xã hội"), "group:to-chuc-ct-xh");
  EXPECT_EQ(Id("các đoàn thể"), "group:doan-the");
}

TEST(Registry, ProvinceQualifiers) {
  std::optional<UnitMatch> m = Resolve("Sở Y tế tỉnh Bình Sơn", kBinhSon);
  ASSERT_TRUE(m);
  EXPECT_EQ(m->unit_id, "so-y-te");
  EXPECT_EQ(m->province, "Bình Sơn");
  EXPECT_EQ(m->note, "");
  EXPECT_EQ(ScopedId(*m), "binh-son/so-y-te");

  m = Resolve("Công an tỉnh Lạc Thủy", kBinhSon);  // another (fictional) province
  ASSERT_TRUE(m);
  EXPECT_EQ(m->unit_id, "cong-an-tinh");
  EXPECT_EQ(m->province, "Lạc Thủy");
  EXPECT_EQ(m->note, "province Lạc Thủy, not the document's Bình Sơn");

  EXPECT_EQ(Id("UBND tỉnh Bình Sơn"), "ubnd-tinh");
  EXPECT_EQ(Id("ỦY BAN NHÂN DÂN TỈNH BÌNH SƠN"), "ubnd-tinh");
  EXPECT_EQ(Id("Sở Y tế tỉnh"), "so-y-te");
  EXPECT_EQ(Id("Tỉnh ủy Bình Sơn"), "tinh-uy");
  EXPECT_EQ(Id("Sở Tài chính thành phố Hà Nội"), "so-tai-chinh");
  EXPECT_EQ(Id("UBND thành phố Hà Nội"), "ubnd-tinh");
  EXPECT_EQ(Id("UBND TP. Hồ Chí Minh"), "ubnd-tinh");
  EXPECT_EQ(Id("UBND thành phố Long Giang"), "ubnd-huyen");  // a city inside a province
  EXPECT_EQ(Id("UBND huyện Đông Hòa"), "ubnd-huyen");
  EXPECT_EQ(Id("UBND thị xã Đông Hòa"), "ubnd-huyen");
  EXPECT_EQ(Id("Ủy ban nhân dân xã Tân Lập"), "ubnd-xa");
  EXPECT_EQ(Id("UBND phường Tân Lập"), "ubnd-xa");
  EXPECT_EQ(Id("Báo Bình Sơn"), "bao-tinh");

  m = Resolve("UBND xã Tân Lập, huyện Đông Hòa, tỉnh Bình Sơn", kBinhSon);
  ASSERT_TRUE(m);
  EXPECT_EQ(m->unit_id, "ubnd-xa");
  EXPECT_EQ(m->place, "xã Tân Lập");
  EXPECT_EQ(m->province, "Bình Sơn");
}

TEST(Registry, CentralBodiesHaveNoProvince) {
  std::optional<UnitMatch> m = Resolve("Bộ Y tế", kBinhSon);
  ASSERT_TRUE(m);
  EXPECT_EQ(m->province, "");
  EXPECT_EQ(ScopedId(*m), "bo-y-te");
}

TEST(Registry, RenamesBeforeAndAfterTheDate) {
  std::optional<UnitMatch> before = Resolve("Sở TT&TT", Context{"Bình Sơn", "2025-02-28"});
  ASSERT_TRUE(before);
  EXPECT_EQ(before->unit_id, "so-tttt");
  EXPECT_EQ(before->successor, "");
  EXPECT_EQ(before->note, "");

  std::optional<UnitMatch> after = Resolve("Sở TT&TT", Context{"Bình Sơn", "2025-03-01"});
  ASSERT_TRUE(after);
  EXPECT_EQ(after->unit_id, "so-tttt");
  EXPECT_EQ(after->successor, "so-khcn");
  EXPECT_EQ(after->successor_name, "Sở Khoa học và Công nghệ");
  EXPECT_EQ(after->note, "merged 2025-03-01 into Sở Khoa học và Công nghệ");

  std::optional<UnitMatch> khdt = Resolve("Sở Kế hoạch và Đầu tư", kBinhSon2026);
  ASSERT_TRUE(khdt);
  EXPECT_EQ(khdt->successor, "so-tai-chinh");

  std::optional<UnitMatch> ld = Resolve("Sở LĐ-TB&XH", kBinhSon2026);
  ASSERT_TRUE(ld);
  EXPECT_EQ(ld->unit_id, "so-ldtbxh");
  EXPECT_EQ(ld->successor, "so-noi-vu");
  EXPECT_EQ(ld->note, "split 2025-03-01 among Sở Nội vụ, Sở Y tế, Sở Giáo dục và Đào tạo");

  EXPECT_EQ(Resolve("Sở TN&MT", kBinhSon2026)->successor, "so-nnmt");
  EXPECT_EQ(Resolve("Sở NN&PTNT", kBinhSon2026)->successor, "so-nnmt");
  EXPECT_EQ(Resolve("Sở GTVT", kBinhSon2026)->successor, "so-xay-dung");
  EXPECT_EQ(Resolve("BTGTU", kBinhSon2026)->successor, "ban-tgdv-tu");
  EXPECT_EQ(Resolve("Ban Dân vận Tỉnh ủy", kBinhSon2026)->successor, "ban-tgdv-tu");
  EXPECT_EQ(Resolve("Bộ Thông tin và Truyền thông", kBinhSon2026)->successor, "bo-khcn");
  EXPECT_EQ(Resolve("Bộ KH&ĐT", kBinhSon2026)->successor, "bo-tai-chinh");

  // A chain: Sở Bưu chính, Viễn thông → Sở TT&TT (2008) → Sở KH&CN (2025).
  std::optional<UnitMatch> chain = Resolve("Sở Bưu chính, Viễn thông", kBinhSon2026);
  ASSERT_TRUE(chain);
  EXPECT_EQ(chain->successor, "so-khcn");

  // Without a date nothing is assumed.
  EXPECT_EQ(Resolve("Sở TT&TT", Context{"Bình Sơn", ""})->successor, "");
}

TEST(Registry, DistrictLevelAbolished) {
  std::optional<UnitMatch> m = Resolve("UBND huyện Đông Hòa", Context{"Bình Sơn", "2025-08-01"});
  ASSERT_TRUE(m);
  EXPECT_EQ(m->unit_id, "ubnd-huyen");
  EXPECT_EQ(m->successor, "");
  EXPECT_EQ(m->note, "abolished 2025-07-01");
  std::optional<UnitMatch> g =
      Resolve("UBND các huyện, thị xã, thành phố", Context{"Bình Sơn", "2025-08-01"});
  ASSERT_TRUE(g);
  EXPECT_EQ(g->note, "abolished 2025-07-01");
}

TEST(Registry, EstablishedAfterTheDateIsNoted) {
  std::optional<UnitMatch> m = Resolve("Sở Nông nghiệp và Môi trường", kBinhSon);
  ASSERT_TRUE(m);
  EXPECT_EQ(m->note, "established 2025-03-01, after the document's date");
}

TEST(Registry, OcrFuzzAndLostAccents) {
  std::optional<UnitMatch> m = Resolve("Sở Giáo duc và Đào tao", kBinhSon);
  ASSERT_TRUE(m);
  EXPECT_EQ(m->unit_id, "so-gddt");
  EXPECT_LT(m->confidence, 1.0);
  EXPECT_GE(m->confidence, 0.9);

  m = Resolve("Sở Bru chính, Viễn thông", kBinhSon);
  ASSERT_TRUE(m);
  EXPECT_EQ(m->unit_id, "so-bcvt");
  EXPECT_LT(m->confidence, 0.95);
  EXPECT_GT(m->confidence, 0.8);
  EXPECT_NE(m->note.find("fuzzy match, 1 edit"), std::string::npos);

  m = Resolve("Sở Tài chínb", kBinhSon);
  ASSERT_TRUE(m);
  EXPECT_EQ(m->unit_id, "so-tai-chinh");

  m = Resolve("Sở Giáo dụe và Đảo tạo tỉnh Bình Sơn", kBinhSon);
  ASSERT_TRUE(m);
  EXPECT_EQ(m->unit_id, "so-gddt");

  // Two edits in a long name are allowed, more confidence lost.
  std::optional<UnitMatch> two = Resolve("Sở Thông tln và Truyền thônq", kBinhSon);
  ASSERT_TRUE(two);
  EXPECT_EQ(two->unit_id, "so-tttt");
  EXPECT_LT(two->confidence, m->confidence + 0.2);
}

TEST(Registry, Unknowns) {
  Resolution r = ResolveWithReason("", kBinhSon);
  EXPECT_FALSE(r.match);
  EXPECT_EQ(r.reason, "empty name");
  r = ResolveWithReason("Trung tâm Hỗ trợ sáng tạo Bình Sơn", kBinhSon);
  EXPECT_FALSE(r.match);
  EXPECT_EQ(r.reason, "unlisted Trung tâm Hỗ …");
  r = ResolveWithReason("ông Nguyễn Văn A", kBinhSon);
  EXPECT_FALSE(r.match);
  EXPECT_EQ(r.reason, "not in the registry");
  EXPECT_EQ(Id("Sở"), "<none>");
  EXPECT_EQ(Id("Báo"), "<none>");       // "Báo {P}" needs its place
  EXPECT_EQ(Id("Sở Y"), "<none>");      // too short to be fuzzy
  EXPECT_EQ(Id("Cục Thủy"), "<none>");  // not "Cục Thuế": short names are never fuzzy
  EXPECT_EQ(Id("UBND và"), "<none>");   // not "UBND xã": a short word is never changed
}

TEST(Registry, TrailingParenthesisIsAComment) {
  EXPECT_EQ(Id("Sở Nội vụ (cơ quan thường trực)"), "so-noi-vu");
}

}  // namespace
}  // namespace dondoc::units
