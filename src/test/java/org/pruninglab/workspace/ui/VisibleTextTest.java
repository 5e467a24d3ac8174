package org.pruninglab.workspace.ui;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class VisibleTextTest {

  @Test
  void terminal_escapes_and_control_characters_become_visible_escapes() {
    assertThat(VisibleText.of("red \u001b[31malert\u001b[0m\u0007 bell\u0000"))
        .isEqualTo("red \\x1b[31malert\\x1b[0m\\x07 bell\\x00");
    assertThat(VisibleText.of("over\rwrite")).isEqualTo("over\\rwrite");
    assertThat(VisibleText.of("\u009b2J")).isEqualTo("\\x9b2J");
  }

  @Test
  void line_breaks_tabs_and_ordinary_text_stay() {
    assertThat(VisibleText.of("a\tb\r\nc\nsparsity 90 % — ok ✓ 😀"))
        .isEqualTo("a\tb\nc\nsparsity 90 % — ok ✓ 😀");
  }

  @Test
  void invisible_format_characters_that_reorder_text_are_shown() {
    assertThat(VisibleText.of("abc\u202edcba\u200b")).isEqualTo("abc\\u202edcba\\u200b");
    assertThat(VisibleText.of("lone \ud800 half")).isEqualTo("lone \\ud800 half");
  }
}
