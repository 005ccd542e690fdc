// Resolve: number collisions told apart by date and issuer, or left ambiguous; CopyKey.
#include "store/resolve.h"

#include <gtest/gtest.h>

namespace dondoc::store {
namespace {

RefFacts Ref(std::string date, std::string issuer, std::string citing_date = "2026-01-01",
             std::int64_t citing = 100) {
  return {std::move(date), std::move(issuer), std::move(citing_date), citing};
}

TEST(Resolve, NothingStoredIsPending) {
  const Resolution r = Resolve(Ref("", ""), {});
  EXPECT_STREQ(r.status, kPending);
  EXPECT_FALSE(r.target);
}

TEST(Resolve, OneCandidateResolves) {
  const Resolution r = Resolve(Ref("", ""), {{7, "2018-10-22", "Bộ Chính trị"}});
  EXPECT_STREQ(r.status, kResolved);
  EXPECT_EQ(r.target, 7);
}

TEST(Resolve, TheCitingDocumentIsNeverItsOwnTarget) {
  EXPECT_STREQ(Resolve(Ref("", "", "2026-01-01", 7), {{7, "2026-01-01", ""}}).status, kPending);
}

TEST(Resolve, PartyNumbersRepeatedAcrossTermsNeedTheDate) {
  const std::vector<Candidate> two = {{3, "2003-07-16", "Ban Chấp hành Trung ương"},
                                      {9, "2018-10-22", "Ban Chấp hành Trung ương"}};
  const Resolution dated = Resolve(Ref("2018-10-22", "Bộ Chính trị"), two);
  EXPECT_STREQ(dated.status, kResolved);
  EXPECT_EQ(dated.target, 9);
  EXPECT_EQ(Resolve(Ref("2003", ""), two).target, 3);  // a year is enough
  const Resolution undated = Resolve(Ref("", "Bộ Chính trị"), two);
  EXPECT_STREQ(undated.status, kAmbiguous);
  EXPECT_EQ(undated.candidates, 2);
  // Without a date, a document newer than the citing one cannot be meant.
  EXPECT_EQ(Resolve(Ref("", "", "2010-05-01"), two).target, 3);
  // A date that fits neither: the cited one is not stored.
  EXPECT_STREQ(Resolve(Ref("2011-01-01", ""), two).status, kPending);
}

TEST(Resolve, SameNumberOfDifferentProvincesNeedsTheIssuer) {
  const std::vector<Candidate> two = {{4, "2025-06-01", "ỦY BAN NHÂN DÂN TỈNH BÌNH SƠN  Bình Sơn"},
                                      {5, "2025-06-01", "UBND tỉnh Đồng Nai  Đồng Nai"}};
  EXPECT_EQ(Resolve(Ref("", "UBND tỉnh Đồng Nai"), two).target, 5);
  EXPECT_EQ(Resolve(Ref("", "Ủy ban nhân dân tỉnh Bình Sơn"), two).target, 4);
  EXPECT_STREQ(Resolve(Ref("", "UBND tỉnh"), two).status, kAmbiguous);
  EXPECT_STREQ(Resolve(Ref("", ""), two).status, kAmbiguous);
  // A province that is not stored: nothing fits, even with one candidate.
  EXPECT_STREQ(Resolve(Ref("", "UBND tỉnh Lào Cai"), {two[0]}).status, kPending);
}

TEST(Resolve, AnIssuerWithoutAPlaceNeverConflicts) {
  // A Bộ Chính trị resolution is headed "BAN CHẤP HÀNH TRUNG ƯƠNG".
  EXPECT_EQ(
      Resolve(Ref("", "Bộ Chính trị"), {{2, "2018-10-22", "BAN CHẤP HÀNH TRUNG ƯƠNG"}}).target, 2);
  // "xã hội", "quân sự" are not places.
  EXPECT_EQ(Resolve(Ref("", "Bộ Lao động - Thương binh và Xã hội"),
                    {{2, "2018-10-22", "BỘ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI"}})
                .target,
            2);
}

TEST(Resolve, CopiesAreOneNode) {
  const Resolution r = Resolve(Ref("", ""), {{6, "2024-01-01", "Quốc hội"}, {6, "2024-01-01", ""}});
  EXPECT_STREQ(r.status, kResolved);
  EXPECT_EQ(r.target, 6);
}

TEST(CopyKey, NumberAndDate) {
  EXPECT_EQ(CopyKey("98/2025/qdubnd", "2025-06-01"), "98/2025/qdubnd|2025-06-01");
  EXPECT_EQ(CopyKey("", "2025-06-01"), "");
  EXPECT_EQ(CopyKey("k", ""), "");
}

TEST(SameIssuer, OnlyDifferentPlacesRuleACopyOut) {
  EXPECT_TRUE(SameIssuer("UBND tỉnh Bình Sơn", "ỦY BAN NHÂN DÂN TỈNH BÌNH SƠN"));
  EXPECT_FALSE(SameIssuer("UBND tỉnh Bình Sơn", "UBND tỉnh Đồng Nai"));
  EXPECT_TRUE(SameIssuer("QUỐC HỘI", "PAGE 1"));  // a scan's garbled header
  EXPECT_TRUE(SameIssuer("CHÍNH PHỦ", "CHINH PHU CONG HOA XA HOI CHU NGHIA VIET NAM"));
}

}  // namespace
}  // namespace dondoc::store
