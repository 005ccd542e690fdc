#include <gtest/gtest.h>

#include "eval/score.h"
