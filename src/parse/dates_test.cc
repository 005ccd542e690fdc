#include <gtest/gtest.h>

#include "parse/dates.h"
