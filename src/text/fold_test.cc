#include <gtest/gtest.h>

#include "text/fold.h"
