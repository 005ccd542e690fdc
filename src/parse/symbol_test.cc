#include <gtest/gtest.h>

#include "parse/symbol.h"
