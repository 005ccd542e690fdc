#include <gtest/gtest.h>

#include "parse/outline.h"
