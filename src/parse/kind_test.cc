#include <gtest/gtest.h>

#include "parse/kind.h"
