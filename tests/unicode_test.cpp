#include <gtest/gtest.h>

#include "newsplit/unicode.hpp"

namespace u = newsplit::unicode;

TEST(Unicode, HanAndPunctuation) {
  EXPECT_TRUE(u::is_han(U'重'));
  EXPECT_TRUE(u::is_han(U'〇'));
  EXPECT_TRUE(u::is_han(U'頔'));
  EXPECT_FALSE(u::is_han(U'a'));
  EXPECT_FALSE(u::is_han(U'，'));
  EXPECT_TRUE(u::is_cjk_punct(U'，'));
  EXPECT_TRUE(u::is_cjk_punct(U'“'));
  EXPECT_TRUE(u::is_cjk_punct(U'■'));
  EXPECT_FALSE(u::is_cjk_punct(U','));
}
