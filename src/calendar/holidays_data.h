// The data files under data/calendar/, embedded at build time by cmake/embed_data.cmake (the .cc is
// generated into the build tree). Internal to calendar/; use BuiltinHolidays().
#pragma once

#include <span>

#include "calendar/holidays.h"

namespace dondoc::calendar::internal {

// Every data/calendar/*.txt, sorted by file name. The views point into static storage.
std::span<const DataFile> EmbeddedHolidayFiles();

}  // namespace dondoc::calendar::internal
