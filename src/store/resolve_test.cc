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

TEST(Resolve, SettledOnlyWhenNoLaterCandidateCanChangeIt) {
  const std::vector<Candidate> two = {{3, "2003-07-16", "Ban Chấp hành Trung ương"},
                                      {9, "2018-10-22", "Ban Chấp hành Trung ương"}};
  EXPECT_TRUE(Resolve(Ref("", ""), two).settled);
  EXPECT_FALSE(Resolve(Ref("2018", ""), two).settled);  // resolved
  // Ambiguous, but a later "Bộ Chính trị" document would be preferred over both.
  EXPECT_FALSE(Resolve(Ref("", "Bộ Chính trị"), two).settled);
  EXPECT_TRUE(Resolve(Ref("", "Ban Chấp hành Trung ương"), two).settled);
}

// MayChange is what lets Link skip references when a document arrives: wherever it says
// false (or the reference is settled), adding the document must leave status, target and
// settled as they were. Checked over every combination of small pools of dates and issuers,
// candidates added one by one in a fixed pseudo-random order.
TEST(MayChange, FalseOnlyWhenTheResolutionStaysTheSame) {
  const std::vector<std::string> dates = {"", "2003-07-16", "2018-10-22", "2018-01-05",
                                          "2026-02-01"};
  const std::vector<std::string> issuers = {"",
                                            "Bộ Chính trị",
                                            "Ban Chấp hành Trung ương",
                                            "UBND tỉnh Bình Sơn",
                                            "Ủy ban nhân dân tỉnh Đồng Nai",
                                            "UBND tỉnh",
                                            "Chính phủ"};
  const std::vector<std::string> ref_dates = {"", "2018", "2018-10-22", "2003"};
  const std::vector<std::string> citing_dates = {"", "2018-12-31", "2026-01-01"};
  std::vector<Candidate> pool;
  for (const std::string& d : dates) {
    for (const std::string& i : issuers) pool.push_back({0, d, i});
  }
  int skipped = 0, checked = 0;
  std::uint32_t seed = 12345;
  auto next = [&seed] { return seed = seed * 1103515245u + 12345u, (seed >> 8) % 1000003u; };
  for (const std::string& rd : ref_dates) {
    for (const std::string& ri : issuers) {
      for (const std::string& cd : citing_dates) {
        const RefFacts ref{rd, ri, cd, 100};
        for (int order = 0; order < 6; ++order) {
          std::vector<Candidate> have;
          for (int k = 0; k < 8; ++k) {
            Candidate c = pool[next() % pool.size()];
            c.node = k + 1;
            const Resolution before = Resolve(ref, have);
            const Arrival a{c.node, c.date, IssuerWords(c.issuer)};
            const bool may =
                !before.settled && MayChange(ref, std::string(before.status) == kAmbiguous, a);
            have.push_back(c);
            const Resolution after = Resolve(ref, have);
            ++checked;
            if (may) continue;
            ++skipped;
            EXPECT_STREQ(after.status, before.status)
                << rd << "|" << ri << "|" << cd << " +" << c.date << "|" << c.issuer;
            EXPECT_EQ(after.target, before.target);
            EXPECT_EQ(after.settled, before.settled);
          }
        }
      }
    }
  }
  EXPECT_GT(skipped, checked / 3);  // the check skips most references, or it saves nothing
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
