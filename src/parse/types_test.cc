#include <gtest/gtest.h>

#include "parse/types.h"
