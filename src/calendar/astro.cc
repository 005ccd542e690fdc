// Tested by astro_test.cc.
//
// Implemented from the published descriptions cited in astro.h (Meeus ch. 25 and 49;
// Espenak & Meeus 2006 for ΔT). Angles in the series are degrees; Sin() takes degrees.
#include "calendar/astro.h"

#include <cmath>

namespace dondoc::calendar::astro {
namespace {

constexpr double kPi = 3.14159265358979323846;
double Sin(double degrees) { return std::sin(degrees * kPi / 180.0); }

double Normalize(double degrees) {
  double d = std::fmod(degrees, 360.0);
  return d < 0 ? d + 360.0 : d;
}

// Decimal year of a Julian Date (a year of 365.25 days from J2000.0 is precise enough for ΔT).
double DecimalYear(double jd) { return 2000.0 + (jd - 2451545.0) / 365.25; }

}  // namespace

double DeltaTSeconds(double y) {
  if (y >= 1900 && y < 1920) {
    const double t = y - 1900;
    return -2.79 + 1.494119 * t - 0.0598939 * t * t + 0.0061966 * t * t * t -
           0.000197 * t * t * t * t;
  }
  if (y >= 1920 && y < 1941) {
    const double t = y - 1920;
    return 21.20 + 0.84493 * t - 0.076100 * t * t + 0.0020936 * t * t * t;
  }
  if (y >= 1941 && y < 1961) {
    const double t = y - 1950;
    return 29.07 + 0.407 * t - t * t / 233 + t * t * t / 2547;
  }
  if (y >= 1961 && y < 1986) {
    const double t = y - 1975;
    return 45.45 + 1.067 * t - t * t / 260 - t * t * t / 718;
  }
  if (y >= 1986 && y < 2005) {
    const double t = y - 2000;
    return 63.86 + 0.3345 * t - 0.060374 * t * t + 0.0017275 * t * t * t +
           0.000651814 * t * t * t * t + 0.00002373599 * t * t * t * t * t;
  }
  if (y >= 2005 && y < 2050) {
    const double t = y - 2000;
    return 62.92 + 0.32217 * t + 0.005589 * t * t;
  }
  const double u = (y - 1820) / 100;
  if (y >= 2050 && y < 2150) return -20 + 32 * u * u - 0.5628 * (2150 - y);
  return -20 + 32 * u * u;
}

double UtToTt(double jd) { return jd + DeltaTSeconds(DecimalYear(jd)) / 86400.0; }

double NewMoonJde(int k) {
  const double kk = k;
  const double t = kk / 1236.85;  // Julian centuries from J2000.0
  const double t2 = t * t, t3 = t2 * t, t4 = t3 * t;
  double jde =
      2451550.09766 + 29.530588861 * kk + 0.00015437 * t2 - 0.000000150 * t3 + 0.00000000073 * t4;
  const double e = 1 - 0.002516 * t - 0.0000074 * t2;  // eccentricity of the Earth's orbit
  const double m = 2.5534 + 29.10535670 * kk - 0.0000014 * t2 - 0.00000011 * t3;  // Sun
  const double mp = 201.5643 + 385.81693528 * kk + 0.0107582 * t2 + 0.00001238 * t3 -
                    0.000000058 * t4;  // Moon's mean anomaly
  const double f = 160.7108 + 390.67050284 * kk - 0.0016118 * t2 - 0.00000227 * t3 +
                   0.000000011 * t4;  // Moon's argument of latitude
  const double om = 124.7746 - 1.56375588 * kk + 0.0020672 * t2 + 0.00000215 * t3;

  // Periodic terms for the new moon (Meeus table 49.A, first column).
  jde += -0.40720 * Sin(mp) + 0.17241 * e * Sin(m) + 0.01608 * Sin(2 * mp) + 0.01039 * Sin(2 * f) +
         0.00739 * e * Sin(mp - m) - 0.00514 * e * Sin(mp + m) + 0.00208 * e * e * Sin(2 * m) -
         0.00111 * Sin(mp - 2 * f) - 0.00057 * Sin(mp + 2 * f) + 0.00056 * e * Sin(2 * mp + m) -
         0.00042 * Sin(3 * mp) + 0.00042 * e * Sin(m + 2 * f) + 0.00038 * e * Sin(m - 2 * f) -
         0.00024 * e * Sin(2 * mp - m) - 0.00017 * Sin(om) - 0.00007 * Sin(mp + 2 * m) +
         0.00004 * Sin(2 * mp - 2 * f) + 0.00004 * Sin(3 * m) + 0.00003 * Sin(mp + m - 2 * f) +
         0.00003 * Sin(2 * mp + 2 * f) - 0.00003 * Sin(mp + m + 2 * f) +
         0.00003 * Sin(mp - m + 2 * f) - 0.00002 * Sin(mp - m - 2 * f) - 0.00002 * Sin(3 * mp + m) +
         0.00002 * Sin(4 * mp);

  // Planetary arguments A1..A14 and their coefficients (Meeus ch. 49, additional corrections).
  static constexpr double kA0[14] = {299.77, 251.88, 251.83, 349.42, 84.66,  141.74, 207.14,
                                     154.84, 34.52,  207.19, 291.34, 161.72, 239.56, 331.55};
  static constexpr double kA1[14] = {0.107408,  0.016321,  26.651886, 36.412478, 18.206239,
                                     53.303771, 2.453732,  7.306860,  27.261239, 0.121824,
                                     1.844379,  24.198154, 25.513099, 3.592518};
  static constexpr double kCoef[14] = {0.000325, 0.000165, 0.000164, 0.000126, 0.000110,
                                       0.000062, 0.000060, 0.000056, 0.000047, 0.000042,
                                       0.000040, 0.000037, 0.000035, 0.000023};
  for (int i = 0; i < 14; ++i) {
    double a = kA0[i] + kA1[i] * kk;
    if (i == 0) a -= 0.009173 * t2;
    jde += kCoef[i] * Sin(a);
  }
  return jde;
}

double NewMoonJd(int k) {
  const double jde = NewMoonJde(k);
  return jde - DeltaTSeconds(DecimalYear(jde)) / 86400.0;
}

double SunApparentLongitude(double jde) {
  const double t = (jde - 2451545.0) / 36525.0;
  const double l0 = 280.46646 + 36000.76983 * t + 0.0003032 * t * t;  // mean longitude
  const double m = 357.52911 + 35999.05029 * t - 0.0001537 * t * t;   // mean anomaly
  const double c = (1.914602 - 0.004817 * t - 0.000014 * t * t) * Sin(m) +
                   (0.019993 - 0.000101 * t) * Sin(2 * m) + 0.000289 * Sin(3 * m);
  const double omega = 125.04 - 1934.136 * t;
  return Normalize(l0 + c - 0.00569 - 0.00478 * Sin(omega));
}

}  // namespace dondoc::calendar::astro
