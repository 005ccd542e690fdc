#include <gtest/gtest.h>

#include "parse/json.h"
