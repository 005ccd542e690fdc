#include "track/labels.h"

namespace dondoc::track {

const char* Label(Status s) {
  switch (s) {
    case Status::kDoneOnTime:
      return "Hoàn thành đúng hạn";
    case Status::kDoneLate:
      return "Hoàn thành quá hạn";
    case Status::kNotDoneInTime:
      return "Không hoàn thành đúng hạn";
    case Status::kOverdue:
      return "Quá hạn, chưa báo cáo";
    case Status::kInProgress:
      return "Đang thực hiện (trong hạn)";
    case Status::kNoDeadline:
      return "Không có thời hạn";
  }
  return "";
}

const char* Label(UnitRole r) {
  switch (r) {
    case UnitRole::kLead:
      return "Chủ trì";
    case UnitRole::kExecute:
      return "Thực hiện";
    case UnitRole::kCoordinate:
      return "Phối hợp";
    case UnitRole::kRequested:
      return "Đề nghị";
  }
  return "";
}

}  // namespace dondoc::track
