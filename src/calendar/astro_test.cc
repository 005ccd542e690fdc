#include "calendar/astro.h"

#include <gtest/gtest.h>

#include <cmath>

namespace dondoc::calendar::astro {
namespace {

TEST(CalendarAstro, MeeusNewMoonExample) {
  // Meeus, Astronomical Algorithms, example 49.a: the new moon of 1977 February is k = −283,
  // JDE 2443192.65118 (1977-02-18 03:37:42 TT).
  EXPECT_NEAR(NewMoonJde(-283), 2443192.65118, 0.00002);
}

TEST(CalendarAstro, SunLongitudeExample) {
  // Meeus example 25.a: 1992-10-13 0h TT, apparent longitude 199.90895° (low-accuracy method).
  EXPECT_NEAR(SunApparentLongitude(2448908.5), 199.90895, 0.0002);
}

TEST(CalendarAstro, DeltaT) {
  EXPECT_NEAR(DeltaTSeconds(2000.0), 63.86, 0.01);
  EXPECT_NEAR(DeltaTSeconds(2010.0), 66.7, 1.0);
  EXPECT_NEAR(DeltaTSeconds(1990.0), 56.9, 1.0);
}

// Published new-moon times (UT), to the minute.
struct Moment {
  int k;
  double jd;  // UT
  const char* when;
};

TEST(CalendarAstro, NewMoonsWithinTwoMinutes) {
  // JD of 2007-02-17 16:14 UT, 2024-01-11 11:57 UT, 2025-01-29 12:36 UT.
  const Moment kMoments[] = {
      {88, 2454149.1764, "2007-02-17 16:14"},
      {297, 2460320.9979, "2024-01-11 11:57"},
      {310, 2460705.0250, "2025-01-29 12:36"},
  };
  for (const Moment& m : kMoments) {
    EXPECT_NEAR(NewMoonJd(m.k), m.jd, 2.0 / 1440) << m.when;
  }
}

}  // namespace
}  // namespace dondoc::calendar::astro
