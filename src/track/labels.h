// The Vietnamese words tracking shows to people, in one table (style.md: user-facing strings
// live in one message table). Exports and the compiled report use these; JSON uses Name().
#pragma once

#include "track/status.h"
#include "track/task.h"

namespace dondoc::track {

const char* Label(Status status);  // "Hoàn thành đúng hạn", …
const char* Label(UnitRole role);  // "Chủ trì", …

// Fixed phrases of the compiled report (compile.h) and the exports.
namespace text {
inline constexpr const char* kReportTitlePrefix = "Báo cáo kết quả thực hiện Kế hoạch số ";
inline constexpr const char* kNumberPlaceholder = "Số:      /BC-";
inline constexpr const char* kNoDeadline = "Không có thời hạn";
inline constexpr const char* kOverviewHeading = "I. KẾT QUẢ THỰC HIỆN";
inline constexpr const char* kTasksHeading = "II. KẾT QUẢ THỰC HIỆN CÁC NHIỆM VỤ CỤ THỂ";
inline constexpr const char* kLateHeading = "III. NHIỆM VỤ CHẬM, CHƯA HOÀN THÀNH";
inline constexpr const char* kProposalsHeading = "IV. ĐỀ XUẤT, KIẾN NGHỊ";
inline constexpr const char* kNoReport = "Chưa có báo cáo";
}  // namespace text

}  // namespace dondoc::track
