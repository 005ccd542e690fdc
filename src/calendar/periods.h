// Reporting periods of NĐ 09/2019/NĐ-CP (chế độ báo cáo của cơ quan hành chính nhà nước): the data
// window (thời gian chốt số liệu) of a periodic report, and the calendar span of a period.
// Tested by periods_test.cc.
//
// SPEC(NĐ 09/2019 Điều 12 [U: article number], domain.md §4.2): the default windows run from the
// 15th of the month before the period to the 14th of its last month —
//   hằng tháng  (month m)     15/(m−1) → 14/m          tháng 3/2026: 15/02/2026 → 14/03/2026
//   hằng quý    (quarter q)   15/(3q−3) → 14/(3q)      quý I/2026:   15/12/2025 → 14/03/2026
//   6 tháng đầu năm           15/12 (year−1) → 14/6    2026:         15/12/2025 → 14/06/2026
//   6 tháng cuối năm          15/6 → 14/12 [U]
//   9 tháng                   15/12 (year−1) → 14/9 [S: Khánh Hòa QĐ 01/2023; not confirmed
//                                                    as part of NĐ 09]
//   hằng năm                  15/12 (year−1) → 14/12   2026:         15/12/2025 → 14/12/2026
// Sectors and plans set their own cut-offs (Điều 8.5: they must match the sector's other
// regimes), so the cut-off is a CutOffRule value a caller replaces; deadlines are not uniform
// and are not modelled here beyond the minimum-gap check.
#pragma once

#include "base/result.h"
#include "calendar/date.h"
#include "calendar/holidays.h"

namespace dondoc::calendar {

enum class PeriodKind {
  kMonth,       // hằng tháng; Period::number = month 1..12
  kQuarter,     // hằng quý; Period::number = quarter 1..4
  kFirstHalf,   // 6 tháng đầu năm
  kSecondHalf,  // 6 tháng cuối năm
  kNineMonths,  // 9 tháng
  kYear,        // hằng năm
};

struct Period {
  PeriodKind kind = PeriodKind::kYear;
  int year = 0;
  int number = 0;  // month or quarter; ignored by the other kinds
};

// Inclusive on both ends.
struct DateRange {
  Date from;
  Date to;
  friend bool operator==(const DateRange&, const DateRange&) = default;
};

// Where a data window ends: day `last_day` of the period's last month (clamped to that month's
// length; 0 means the month's last day, i.e. calendar periods). The window starts the day after
// the same cut-off in the month before the period's first month. The default is NĐ 09's.
struct CutOffRule {
  int last_day = 14;
};

// The data window of `period` under `rule`. Error "invalid_period" when the month or quarter
// number is out of range, the year is outside 1..9999, or last_day is outside 0..31.
Result<DateRange> DataWindow(const Period& period, const CutOffRule& rule = {});

// The calendar span of the period: month 3/2026 → 01/03–31/03/2026, quarter II → 01/04–30/06,
// 6 tháng cuối năm → 01/07–31/12, 9 tháng → 01/01–30/09. Same errors as DataWindow. This is where
// a deadline phrase like "trong quý II/2026" ends (domain.md §8.3).
Result<DateRange> PeriodSpan(const Period& period);

// SPEC(NĐ 09/2019 Điều 8.5): at least 01 working day must lie between the data cut-off and the
// submission deadline (both excluded). True when `deadline` leaves that gap after `cut_off`.
bool MeetsMinimumGap(const Date& cut_off, const Date& deadline,
                     const HolidayCalendar& holidays = BuiltinHolidays());

}  // namespace dondoc::calendar
