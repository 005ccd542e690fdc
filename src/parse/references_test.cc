#include <gtest/gtest.h>

#include "parse/references.h"
