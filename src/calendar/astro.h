// The astronomy the lunar calendar needs: moments of new moon, the Sun's apparent longitude, and
// ΔT (TT − UT). Internal to calendar/; lunar.h is the public face. Tested by astro_test.cc.
//
// Times are Julian Dates (days, fractional). "JDE" is in Terrestrial Time (TT), "JD" in Universal
// Time (UT); JD = JDE − ΔT. Accuracy over 1900–2100: new moons within about a minute (the
// periodic terms below are good to seconds; ΔT for future years is a prediction), solar
// longitude within about 0.01° (≈ 15 minutes of time).
#pragma once

namespace dondoc::calendar::astro {

// ΔT = TT − UT in seconds for a decimal year, from the polynomial fits published by Espenak
// and Meeus (NASA Five Millennium Canon of Solar Eclipses, 2006) for 1900–2150, and their long
// term parabola −20 + 32·u² (u = (year − 1820)/100) elsewhere.
double DeltaTSeconds(double decimal_year);

// JDE (TT) of the mean-corrected true new moon number k, where k = 0 is the new moon of
// 2000-01-06 and k counts lunations (negative before). Meeus, Astronomical Algorithms (2nd ed.),
// ch. 49: mean phase plus the 25 periodic terms and 14 planetary-argument terms.
double NewMoonJde(int k);

// JD (UT) of new moon k: NewMoonJde(k) − ΔT.
double NewMoonJd(int k);

// The Sun's apparent geocentric longitude in degrees [0, 360) at JDE (TT). Meeus ch. 25, the
// lower-accuracy method (geometric mean longitude, equation of centre, nutation and aberration
// terms); good to about 0.01°.
double SunApparentLongitude(double jde);

// Converts a UT Julian Date to TT by adding ΔT.
double UtToTt(double jd);

}  // namespace dondoc::calendar::astro
