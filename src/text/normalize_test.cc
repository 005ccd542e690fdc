#include <gtest/gtest.h>

#include "text/normalize.h"
