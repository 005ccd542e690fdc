// Tested by xlsx_test.cc. libxlsxwriter keeps everything in memory until workbook_close(),
// which writes the file and frees the workbook on every path; its calls otherwise only fail on
// bad arguments, which the code below never passes, so only the close result is checked.
#include "export/xlsx.h"

#include <xlsxwriter.h>

#include "track/labels.h"

namespace dondoc::exports {
namespace {

struct Formats {
  lxw_format* header;
  lxw_format* wrap;
  lxw_format* date;
  lxw_format* center;
};

Formats MakeFormats(lxw_workbook* wb) {
  Formats f{};
  f.header = workbook_add_format(wb);
  format_set_bold(f.header);
  format_set_text_wrap(f.header);
  format_set_align(f.header, LXW_ALIGN_CENTER);
  format_set_align(f.header, LXW_ALIGN_VERTICAL_CENTER);
  format_set_bg_color(f.header, 0xDDEBF7);
  format_set_border(f.header, LXW_BORDER_THIN);
  f.wrap = workbook_add_format(wb);
  format_set_text_wrap(f.wrap);
  format_set_align(f.wrap, LXW_ALIGN_VERTICAL_TOP);
  f.date = workbook_add_format(wb);
  format_set_num_format(f.date, "dd/mm/yyyy");
  format_set_align(f.date, LXW_ALIGN_VERTICAL_TOP);
  f.center = workbook_add_format(wb);
  format_set_align(f.center, LXW_ALIGN_CENTER);
  format_set_align(f.center, LXW_ALIGN_VERTICAL_TOP);
  return f;
}

void Header(lxw_worksheet* ws, const std::vector<std::string>& columns, const Formats& f) {
  for (std::size_t c = 0; c < columns.size(); ++c) {
    worksheet_write_string(ws, 0, static_cast<lxw_col_t>(c), columns[c].c_str(), f.header);
  }
  worksheet_freeze_panes(ws, 1, 0);
}

void WriteDate(lxw_worksheet* ws, lxw_row_t row, lxw_col_t col,
               const std::optional<calendar::Date>& d, const Formats& f) {
  if (!d) return;
  lxw_datetime dt{d->year, d->month, d->day, 0, 0, 0.0};
  worksheet_write_datetime(ws, row, col, &dt, f.date);
}

Result<bool> Close(lxw_workbook* wb, const std::string& path) {
  const lxw_error e = workbook_close(wb);
  if (e != LXW_NO_ERROR) {
    return Error{"xlsx_failed", "cannot write " + path + ": " + lxw_strerror(e)};
  }
  return true;
}

}  // namespace

Result<bool> WriteTaskXlsx(const std::vector<TaskRow>& rows, const std::string& path) {
  lxw_workbook* wb = workbook_new(path.c_str());
  if (!wb) return Error{"xlsx_failed", "cannot create " + path};
  const Formats f = MakeFormats(wb);
  lxw_worksheet* ws = workbook_add_worksheet(wb, "Nhiệm vụ");
  if (!ws) return Close(wb, path);
  const std::vector<std::string>& columns = TaskColumns();
  Header(ws, columns, f);
  // STT, Mã, Kế hoạch, Nội dung, Chủ trì, Phối hợp, Thời hạn, Hạn, Tình trạng, Hoàn thành.
  const double widths[] = {6, 8, 10, 60, 30, 30, 18, 12, 24, 14};
  for (std::size_t c = 0; c < columns.size(); ++c) {
    const bool text = c == 3 || c == 4 || c == 5 || c == 6 || c == 8;
    worksheet_set_column(ws, static_cast<lxw_col_t>(c), static_cast<lxw_col_t>(c), widths[c],
                         text ? f.wrap : nullptr);
  }
  lxw_row_t row = 1;
  for (const TaskRow& r : rows) {
    worksheet_write_number(ws, row, 0, r.number, f.center);
    worksheet_write_number(ws, row, 1, static_cast<double>(r.task_id), f.center);
    worksheet_write_number(ws, row, 2, static_cast<double>(r.plan_id), f.center);
    worksheet_write_string(ws, row, 3, r.action.c_str(), f.wrap);
    worksheet_write_string(ws, row, 4, r.lead.c_str(), f.wrap);
    worksheet_write_string(ws, row, 5, r.coordinate.c_str(), f.wrap);
    worksheet_write_string(ws, row, 6, r.due_text.c_str(), f.wrap);
    WriteDate(ws, row, 7, r.due, f);
    worksheet_write_string(ws, row, 8, r.status.c_str(), f.wrap);
    WriteDate(ws, row, 9, r.done_on, f);
    ++row;
  }
  worksheet_autofilter(ws, 0, 0, row == 1 ? 1 : row - 1,
                       static_cast<lxw_col_t>(columns.size() - 1));
  return Close(wb, path);
}

Result<bool> WriteReportXlsx(const track::CompiledReport& report, const std::string& path) {
  lxw_workbook* wb = workbook_new(path.c_str());
  if (!wb) return Error{"xlsx_failed", "cannot create " + path};
  const Formats f = MakeFormats(wb);
  lxw_worksheet* ws = workbook_add_worksheet(wb, "Kết quả");
  if (!ws) return Close(wb, path);
  const std::vector<std::string> columns{
      "STT",    "Nội dung nhiệm vụ", "Thời hạn",        "Tình trạng",
      "Đơn vị", "Vai trò",           "Kết quả báo cáo", "Tiến độ (%)"};
  Header(ws, columns, f);
  const double widths[] = {6, 50, 16, 24, 24, 12, 60, 10};
  for (std::size_t c = 0; c < columns.size(); ++c) {
    worksheet_set_column(ws, static_cast<lxw_col_t>(c), static_cast<lxw_col_t>(c), widths[c],
                         f.wrap);
  }
  lxw_row_t row = 1;
  for (const track::TaskResult& t : report.tasks) {
    for (const track::UnitResult& u : t.units) {
      worksheet_write_number(ws, row, 0, t.number, f.center);
      worksheet_write_string(ws, row, 1, t.action.c_str(), f.wrap);
      worksheet_write_string(ws, row, 2, t.due.c_str(), f.wrap);
      worksheet_write_string(ws, row, 3, t.status_label.c_str(), f.wrap);
      worksheet_write_string(ws, row, 4, u.unit_id.c_str(), f.wrap);
      worksheet_write_string(ws, row, 5, u.role.c_str(), f.wrap);
      worksheet_write_string(ws, row, 6, u.text.c_str(), f.wrap);
      worksheet_write_number(ws, row, 7, u.percent, f.center);
      ++row;
    }
  }
  worksheet_autofilter(ws, 0, 0, row == 1 ? 1 : row - 1,
                       static_cast<lxw_col_t>(columns.size() - 1));

  lxw_worksheet* summary = workbook_add_worksheet(wb, "Tổng hợp");
  if (!summary) return Close(wb, path);
  Header(summary, {"Tình trạng", "Số nhiệm vụ"}, f);
  worksheet_set_column(summary, 0, 0, 30, nullptr);
  worksheet_set_column(summary, 1, 1, 14, nullptr);
  lxw_row_t srow = 1;
  for (int s = 0; s < track::kStatusCount; ++s) {
    worksheet_write_string(summary, srow, 0, track::Label(static_cast<track::Status>(s)), nullptr);
    worksheet_write_number(summary, srow, 1, report.counts[s], nullptr);
    ++srow;
  }
  worksheet_write_string(summary, srow, 0, "Tổng số", f.header);
  worksheet_write_number(summary, srow, 1, report.total, f.header);
  return Close(wb, path);
}

}  // namespace dondoc::exports
