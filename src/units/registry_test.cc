#include <gtest/gtest.h>

#include "units/registry.h"
