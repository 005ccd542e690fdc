#include <gtest/gtest.h>

#include "parse/header.h"
